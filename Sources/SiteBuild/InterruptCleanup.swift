import Foundation
import Worksheets
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT), SIGTERM or SIGHUP during `smartsite build`: stop the gs
/// processes, move the half-written staging folder out of the way (deleted
/// in the background), then end of the same signal, as if nothing had
/// caught it. Without this a stopped build left a staging folder as big as
/// the site, and gs (in a process group of its own, so Ctrl-C does not
/// reach it) kept running. kill -9 cannot be caught: the next build clears
/// what it leaves, and gs dies with smartsite (see GhostscriptProcesses).
///
/// Only `SiteBuilder.build` registers folders here; preview has its own
/// shutdown (swift-service-lifecycle) and never installs these handlers.
enum InterruptCleanup {
    private static let lock = NSLock()
    /// Staging folder → the name it is moved to before it is deleted.
    nonisolated(unsafe) private static var folders: [String: String] = [:]
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    /// Set by a signal's cleanup: no watched folder is made after it.
    nonisolated(unsafe) private static var stopping = false
    private static let queue = DispatchQueue(label: "smartsite.interrupt-cleanup")

    /// Moves `staging` to `trash` and deletes it if a signal stops the build.
    static func watch(_ staging: String, trash: String) {
        lock.lock()
        defer { lock.unlock() }
        watchLocked(staging, trash: trash)
    }

    /// Makes `folder` (mkdir; one that exists is fine) and watches it, unless
    /// a signal is already stopping the build: 0, or the errno (ECANCELED
    /// when stopping). Under the lock the cleanup takes, so the folder is
    /// either made before the cleanup looks (and moved away by it) or not at all.
    static func makeWatched(_ folder: String, trash: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if stopping { return ECANCELED }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { return errno }
        watchLocked(folder, trash: trash)
        return 0
    }

    private static func watchLocked(_ staging: String, trash: String) {
        folders[staging] = trash
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            // The default action would end the process at once; a dispatch
            // source runs the handler on an ordinary thread, where removing
            // folders and starting a process are allowed.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { stop(signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    static func forget(_ staging: String) {
        lock.lock()
        folders[staging] = nil
        lock.unlock()
    }

    private static func stop(_ signalNumber: Int32) {
        GhostscriptProcesses.stopAll()
        lock.lock()
        stopping = true
        let staged = folders
        lock.unlock()
        // A rename is instant whatever the size; the build's threads, still
        // writing, then fail instead of filling the folder again (they never
        // make the staging folder itself, see OutputFolder.makeFolder).
        let trash = staged.map { folder, moved in rename(folder, moved) == 0 ? moved : folder }
        FolderSwap.deleteInBackground(trash)
        signal(signalNumber, SIG_DFL)
        kill(getpid(), signalNumber)
    }
}
