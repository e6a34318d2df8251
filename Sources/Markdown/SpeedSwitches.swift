#if canImport(Glibc)
import Glibc
#endif

/// Switches that turn a fast path off for one run, to measure what it is
/// worth against the plain version (bench/PROFILING.md says how). Nothing
/// in normal use sets them.
enum SpeedSwitches {
    /// SMARTSITE_NO_CMARK_ARENA=1: cmark allocates through libc (tcmalloc).
    static let cmarkArena = getenv("SMARTSITE_NO_CMARK_ARENA") == nil
    /// SMARTSITE_NO_ASCII_SLUGS=1: every heading id through the Unicode rule.
    static let asciiSlugs = getenv("SMARTSITE_NO_ASCII_SLUGS") == nil
}
