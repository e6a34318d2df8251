// libcmark allocates every node, every inline delimiter and every growing
// buffer one by one (calloc/realloc/free), a thousand or so allocations for
// a page of a few kilobytes, and frees them one by one again. For a build of
// 10,000 pages that was a few percent of all the CPU the build used.
//
// libcmark lets a parser and a tree use another allocator (cmark_mem). This
// one hands out memory from a per-thread chunk by moving a pointer and frees
// nothing while a tree is alive. When a tree is freed, what was allocated
// since it was made is given back if it is the newest tree (trees inside a
// page's directives come and go in order); when the last tree on the thread
// is gone the arena is emptied and keeps one chunk for the next page. A tree
// is parsed, walked, rendered and freed on one thread (CmarkTree), so a
// per-thread arena needs no locks.
//
// Safety: memory that did not come from the arena (an allocation made while
// no tree is alive, or by libc) is passed to libc, so nothing is ever freed
// by the wrong allocator; sizes are checked for overflow; a thread's chunks
// are freed when the thread ends.
#include "cmark_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    ALIGNMENT = 16,
    // Each block starts with its size, padded to keep the block aligned.
    HEADER = 16,
    CHUNK = 256 * 1024,
    // Trees deeper than this inside each other still work; they just give
    // their memory back with the outer tree.
    MARKS = 32,
};

typedef struct chunk {
    struct chunk *next;
    size_t capacity;
    size_t used;
    size_t padding;  // keeps data[] 16-byte aligned
    unsigned char data[];
} chunk;

// Where the arena stood when a tree entered.
typedef struct {
    unsigned long ticket;
    chunk *current;
    size_t used;
} mark;

typedef struct {
    // Chunks in order of use; the ones after `current` are empty.
    chunk *first;
    chunk *current;
    unsigned char *last_block;  // the most recent block: free and realloc can work in place on it
    unsigned long trees;        // trees alive on this thread
    unsigned long tickets;      // tickets handed out
    mark marks[MARKS];
    int mark_count;
    int registered;             // the thread-exit destructor knows this arena
} arena;

// initial-exec: the arena is linked into the executable, so its thread-local
// state needs no __tls_get_addr call on every allocation.
static _Thread_local arena local __attribute__((tls_model("initial-exec")));

static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void free_chunks(chunk *c) {
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
}

// Runs when a thread that used the arena ends (dispatch's workers do, when idle).
static void thread_ended(void *value) {
    arena *a = value;
    free_chunks(a->first);
    a->first = a->current = NULL;
    a->last_block = NULL;
}

static void make_exit_key(void) { pthread_key_create(&exit_key, thread_ended); }

static int rounded(size_t size, size_t *result) {
    if (size > SIZE_MAX - (ALIGNMENT - 1) - HEADER - sizeof(chunk)) return 0;
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
        // The next chunk (empty, left from earlier) if it is big enough, else a new one.
        chunk *next = c ? c->next : local.first;
        if (next && next->capacity >= length) {
            next->used = 0;
            c = next;
        } else {
            size_t capacity = length > CHUNK ? length : CHUNK;
            chunk *fresh = malloc(sizeof(chunk) + capacity);
            if (!fresh) return NULL;
            if (!local.registered) {
                pthread_once(&exit_key_once, make_exit_key);
                pthread_setspecific(exit_key, &local);
                local.registered = 1;
            }
            fresh->capacity = capacity;
            fresh->used = 0;
            fresh->next = next;
            if (c) c->next = fresh; else local.first = fresh;
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
    // Only the newest block gives its room back; the rest waits for its tree.
    if (block == local.last_block && c == local.current) {
        size_t length;
        if (rounded(block_size(block), &length)) c->used -= length + HEADER;
        local.last_block = NULL;
    }
}

unsigned long smartsite_arena_enter(void) {
    local.trees += 1;
    local.tickets += 1;
    if (local.mark_count < MARKS) {
        mark *m = &local.marks[local.mark_count++];
        m->ticket = local.tickets;
        m->current = local.current;
        m->used = local.current ? local.current->used : 0;
    }
    return local.tickets;
}

void smartsite_arena_leave(unsigned long ticket) {
    if (local.trees > 0) local.trees -= 1;
    if (local.trees == 0) {
        // Empty: one chunk stays for the next page, the rest go back to libc.
        if (local.first) {
            free_chunks(local.first->next);
            local.first->next = NULL;
            if (local.first->capacity > CHUNK) {
                free(local.first);
                local.first = NULL;
            } else {
                local.first->used = 0;
            }
        }
        local.current = local.first;
        local.last_block = NULL;
        local.mark_count = 0;
        return;
    }
    // The newest tree: everything allocated since it entered belonged to it.
    // (A tree freed out of order keeps its memory until the last tree goes.)
    if (local.mark_count > 0 && local.marks[local.mark_count - 1].ticket == ticket) {
        mark *m = &local.marks[--local.mark_count];
        chunk *back = m->current ? m->current : local.first;
        size_t used = m->current ? m->used : 0;
        if (back) {
            for (chunk *c = back->next; c; c = c->next) c->used = 0;
            back->used = used;
        }
        local.current = back;
        local.last_block = NULL;
    }
}

size_t smartsite_arena_held_bytes(void) {
    size_t bytes = 0;
    for (chunk *c = local.first; c; c = c->next) bytes += sizeof(chunk) + c->capacity;
    return bytes;
}
