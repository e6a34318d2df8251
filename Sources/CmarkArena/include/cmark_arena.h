// A per-thread bump allocator for libcmark (see cmark_arena.c for why).
// The three allocation functions fit libcmark's `cmark_mem` struct.
#ifndef SMARTSITE_CMARK_ARENA_H
#define SMARTSITE_CMARK_ARENA_H

#include <stddef.h>

void *smartsite_arena_calloc(size_t count, size_t size);
void *smartsite_arena_realloc(void *block, size_t size);
void smartsite_arena_free(void *block);

/// A cmark tree starts on this thread: allocations go to the arena until
/// every tree that entered has left.
void smartsite_arena_enter(void);
/// A cmark tree is gone. When it was the last one, the arena is emptied
/// for the next page (its first chunk is kept, so no new memory is touched).
void smartsite_arena_leave(void);

#endif
