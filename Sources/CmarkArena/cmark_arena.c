// libcmark allocates every node, every inline delimiter and every growing
// buffer one by one (calloc/realloc/free), a thousand or so allocations for
// a page of a few kilobytes, and frees them one by one again. For a build of
// 10,000 pages that was about a twentieth of all the CPU the build used.
//
// libcmark lets a parser and a tree use another allocator (cmark_mem). This
// one hands out memory from a per-thread chunk by moving a pointer, and frees
// nothing until the last tree on the thread is gone; then the whole arena is
// emptied at once and its first chunk serves the next page. A tree is parsed,
// walked, rendered and freed on one thread (CmarkTree), so a per-thread arena
// needs no locks.
//
// Safety: memory that did not come from the arena (an allocation made while
// no tree is alive, or by libc) is passed to libc, so nothing is ever freed
// by the wrong allocator; sizes are checked for overflow.
#include "cmark_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    ALIGNMENT = 16,
    // Each block starts with its size, padded to keep the block aligned.
    HEADER = 16,
    FIRST_CHUNK = 256 * 1024,
    // A first chunk grown past this (a huge page) is not kept for the next one.
    LARGEST_KEPT = 4 * 1024 * 1024,
};

typedef struct chunk {
    struct chunk *next;
    size_t capacity;
    size_t used;
    size_t padding;  // keeps data[] 16-byte aligned
    unsigned char data[];
} chunk;

typedef struct {
    chunk *first;
    chunk *current;
    unsigned char *last_block;  // the most recent block: free and realloc can work in place on it
    int trees;
} arena;

// initial-exec: the arena is linked into the executable, so its thread-local
// state needs no __tls_get_addr call on every allocation.
static _Thread_local arena local __attribute__((tls_model("initial-exec")));

static int rounded(size_t size, size_t *result) {
    if (size > SIZE_MAX - (ALIGNMENT - 1) - HEADER) return 0;
    *result = (size + (ALIGNMENT - 1)) & ~(size_t)(ALIGNMENT - 1);
    return 1;
}

static chunk *owner(const void *block) {
    const unsigned char *p = block;
    // Most blocks freed or grown are in the chunk in use.
    chunk *current = local.current;
    if (current && p >= current->data && p < current->data + current->capacity) return current;
    for (chunk *c = local.first; c; c = c->next) {
        if (p >= c->data && p < c->data + c->capacity) return c;
    }
    return NULL;
}

static size_t block_size(const unsigned char *block) {
    size_t size;
    memcpy(&size, block - HEADER, sizeof size);
    return size;
}

static void *take(size_t size) {
    size_t length;
    if (!rounded(size, &length)) return NULL;
    length += HEADER;
    chunk *c = local.current;
    if (!c || c->capacity - c->used < length) {
        // The next chunk after `current`, if one is left from an earlier page and big enough.
        chunk *next = c ? c->next : NULL;
        if (next && next->capacity >= length) {
            next->used = 0;
            c = next;
        } else {
            size_t capacity = length > FIRST_CHUNK ? length : FIRST_CHUNK;
            chunk *fresh = malloc(sizeof(chunk) + capacity);
            if (!fresh) return NULL;
            fresh->capacity = capacity;
            fresh->used = 0;
            if (c) {
                fresh->next = c->next;
                c->next = fresh;
            } else {
                fresh->next = NULL;
                local.first = fresh;
            }
            c = fresh;
        }
        local.current = c;
    }
    unsigned char *block = c->data + c->used + HEADER;
    memcpy(block - HEADER, &size, sizeof size);
    c->used += length;
    local.last_block = block;
    return block;
}

void *smartsite_arena_calloc(size_t count, size_t size) {
    if (local.trees == 0) return calloc(count, size);
    if (size != 0 && count > SIZE_MAX / size) return NULL;
    void *block = take(count * size);
    if (block) memset(block, 0, count * size);
    return block;
}

void *smartsite_arena_realloc(void *block, size_t size) {
    if (!block) return local.trees == 0 ? malloc(size) : take(size);
    chunk *c = owner(block);
    if (!c) return realloc(block, size);
    size_t old = block_size(block);
    if (size <= old) return block;
    // The newest block of the current chunk grows in place when there is room
    // (cmark's buffers grow this way while a line or the HTML is written).
    size_t old_length, new_length;
    if (block == local.last_block && c == local.current && rounded(old, &old_length) && rounded(size, &new_length)
        && new_length - old_length <= c->capacity - c->used) {
        c->used += new_length - old_length;
        memcpy((unsigned char *)block - HEADER, &size, sizeof size);
        return block;
    }
    void *moved = local.trees == 0 ? malloc(size) : take(size);
    if (moved) memcpy(moved, block, old);
    return moved;
}

void smartsite_arena_free(void *block) {
    if (!block) return;
    chunk *c = owner(block);
    if (!c) {
        free(block);
        return;
    }
    // Only the newest block gives its room back; the rest waits for the page to end.
    if (block == local.last_block && c == local.current) {
        size_t length;
        if (rounded(block_size(block), &length)) c->used -= length + HEADER;
        local.last_block = NULL;
    }
}

void smartsite_arena_enter(void) { local.trees += 1; }

void smartsite_arena_leave(void) {
    if (local.trees > 0) local.trees -= 1;
    if (local.trees > 0) return;
    // Empty the arena: chunks stay for the next page, except very large ones.
    chunk *kept = NULL, **tail = &kept;
    for (chunk *c = local.first; c;) {
        chunk *next = c->next;
        if (c->capacity > LARGEST_KEPT) {
            free(c);
        } else {
            c->used = 0;
            c->next = NULL;
            *tail = c;
            tail = &c->next;
        }
        c = next;
    }
    local.first = kept;
    local.current = kept;
    local.last_block = NULL;
}
