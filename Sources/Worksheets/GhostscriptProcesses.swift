import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// gs must never outlive smartsite. Foundation's Process starts it in a
/// process group of its own, so Ctrl-C in the terminal does not reach it,
/// and nothing stopped it when smartsite was killed: a stopped build left gs
/// processes writing into a folder nobody would use.
///
/// Two things stop it now. gs is started through util-linux's `setpriv
/// --pdeathsig KILL`, which asks the kernel to kill it the moment its parent
/// ends, even by kill -9 (PR_SET_PDEATHSIG; Process has no hook to call
/// prctl in the child itself). And the running ones are listed here, so an
/// interrupted build (InterruptCleanup) kills them before it ends.
public enum GhostscriptProcesses {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var running: Set<pid_t> = []

    /// `setpriv` on the PATH, if there is one; without it gs runs directly.
    static let deathSignalWrapper: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map { "\($0)/setpriv" } + ["/usr/bin/setpriv"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// What to run for `gs arguments`: through the wrapper when there is one.
    static func command(_ executable: String, _ arguments: [String]) -> (executable: String, arguments: [String]) {
        guard let wrapper = deathSignalWrapper else { return (executable, arguments) }
        return (wrapper, ["--pdeathsig", "KILL", "--", executable] + arguments)
    }

    static func started(_ pid: pid_t) {
        lock.lock()
        running.insert(pid)
        lock.unlock()
    }

    static func ended(_ pid: pid_t) {
        lock.lock()
        running.remove(pid)
        lock.unlock()
    }

    /// Kills every gs this process started and that is still running, with
    /// its process group (Process makes one per child, led by the child).
    public static func stopAll() {
        lock.lock()
        let pids = running
        lock.unlock()
        for pid in pids where pid > 0 {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
    }
}
