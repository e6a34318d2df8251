import CTCMalloc
#if canImport(Glibc)
import Glibc
#endif

/// smartsite runs on tcmalloc (gperftools) instead of glibc's malloc: the
/// executable links it, so every allocation in the process goes through it,
/// libcmark's nodes and libyaml's buffers as much as Swift's strings.
/// A build makes millions of small, short-lived allocations on every core;
/// glibc's malloc spent about a fifth of the build's CPU on them (arena
/// locks, consolidating free lists, giving memory back and faulting it in
/// again), tcmalloc's per-thread caches a fraction of that. `make bench`
/// measured the 10,000-page build at 1.47 s with glibc and 1.18 s with
/// tcmalloc, at lower peak memory; see bench/PROFILING.md.
enum MemoryAllocator {
    /// Which allocator a plain `malloc` reaches: "tcmalloc" when the link
    /// took effect, as it should. `smartsite build --timings` prints it, and
    /// `make test` fails when it is not tcmalloc.
    static var name: String {
        guard let block = malloc(64) else { return "unknown" }
        defer { free(block) }
        return MallocExtension_GetOwnership(block) == MallocExtension_kOwned ? "tcmalloc" : "system malloc"
    }
}
