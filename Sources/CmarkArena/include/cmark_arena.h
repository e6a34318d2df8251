// A per-thread bump allocator for libcmark (see cmark_arena.c for why).
// The three allocation functions fit libcmark's `cmark_mem` struct.
#ifndef SMARTSITE_CMARK_ARENA_H
#define SMARTSITE_CMARK_ARENA_H

#include <stddef.h>

void *smartsite_arena_calloc(size_t count, size_t size);
void *smartsite_arena_realloc(void *block, size_t size);
void smartsite_arena_free(void *block);

/// A cmark tree starts on this thread: allocations go to the arena until
/// every tree that entered has left. Returns the tree's ticket for `leave`.
unsigned long smartsite_arena_enter(void);
/// The tree with this ticket is gone (its nodes freed). The newest tree
/// gives back everything allocated since it entered (a table's cells, one
/// after another, reuse the same memory); when no tree is left the arena is
/// emptied, keeping one chunk for the next page.
void smartsite_arena_leave(unsigned long ticket);

/// Bytes the calling thread's arena holds from libc (for tests).
size_t smartsite_arena_held_bytes(void);

#endif
