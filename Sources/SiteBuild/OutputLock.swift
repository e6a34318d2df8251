import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time per output folder: an `flock` on `.NAME.lock` beside
/// it, held from making the staging folder until the swap or the discard.
/// Without it a second build swept away the first one's staging folder
/// and both failed with a Foundation error code. The kernel drops the lock
/// when the process ends however it ends, so a killed build never leaves a
/// stale lock; the small file itself stays.
final class OutputLock: @unchecked Sendable {
    // @unchecked: `descriptor` is only touched under `guardLock`.
    let path: String
    private let guardLock = NSLock()
    private var descriptor: Int32 = -1

    init(path: String) { self.path = path }

    /// Takes the lock or says why not; `shownOutput` is the output folder as typed.
    func acquire(shownOutput: String) throws(Diagnostic) {
        guardLock.lock()
        defer { guardLock.unlock() }
        guard descriptor < 0 else { return }
        // O_CLOEXEC: gs and the background delete must not inherit (and hold) the lock.
        let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw .error(path, "cannot create the build's lock file: \(SystemError.text(errno))",
                         fix: "check that you may write to \(OutputSafety.parent(of: path))")
        }
        var result: Int32
        repeat { result = flock(opened, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        guard result == 0 else {
            let reason = errno
            close(opened)
            if reason == EWOULDBLOCK {
                throw .error(shownOutput, "another smartsite build is writing \(shownOutput)/ right now; wait for it to finish",
                             fix: "run this build again when the other one has ended")
            }
            throw .error(path, "cannot lock the output folder: \(SystemError.text(reason))")
        }
        descriptor = opened
    }

    func release() {
        guardLock.lock()
        defer { guardLock.unlock() }
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }
}
