#if canImport(Glibc)
import CMalloc
#endif

/// glibc gives freed memory back to the system as soon as 128 KB of it sit
/// unused at the top of a heap, so each thread loading pages faulted the
/// same memory in again for the next page (libyaml alone allocates about
/// 64 KB for every settings block it parses). A build lasts seconds: the
/// memory is kept until it ends instead.
enum MemoryTuning {
    static func keepFreedMemoryForTheBuild() {
        #if canImport(Glibc)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_TOP_PAD, 64 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        #endif
    }
}
