import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file-system moves behind ``OutputFolder``: swapping the finished site
/// in with one atomic exchange, and getting rid of old sites without making
/// the command wait for it.
enum FolderSwap {
    /// Exchanges two paths in one step (Linux `renameat2` with
    /// RENAME_EXCHANGE), so there is never a moment without a complete
    /// site, even if the process is killed. Swift's Glibc module does not
    /// import renameat2 (it is a _GNU_SOURCE declaration) and `syscall` is
    /// variadic, so the function is looked up by name. Returns false, with
    /// errno set, when it is missing or the file system cannot exchange.
    static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // RTLD_DEFAULT is a null handle on glibc.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
            errno = ENOSYS
            return false
        }
        let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE in <linux/fs.h>
        return renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }

    /// Deletes folders in a detached `rm -rf`, so replacing a 50,000-page
    /// site does not wait half a minute on the deletion of the old one. The
    /// shell starts rm in the background and exits at once (no zombie for
    /// a long-running caller); rm runs in a process group of its own, so
    /// Ctrl-C in the terminal does not stop it. If it dies anyway, the next
    /// build finds the folders by name and deletes them again.
    static func deleteInBackground(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        let arguments = ["/bin/sh", "-c", "rm -rf -- \"$@\" </dev/null >/dev/null 2>&1 &", "sh"] + paths
        if !spawnAndWait(arguments) {
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// posix_spawn and wait for the program to end; false when it could not start or failed.
    private static func spawnAndWait(_ arguments: [String]) -> Bool {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard let program = argv.first ?? nil,
              posix_spawn(&pid, program, nil, &attributes, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status == 0
    }

    /// What interrupted builds left beside the output folder `name` in
    /// `parent`: staging folders (`.NAME-building-*`), old sites set aside
    /// by an older smartsite's two renames (`.NAME-previous-*`) and old sites
    /// still being deleted (`.NAME-old-*`), whatever process made them.
    /// Only called with the output's lock held, so none belongs to a build
    /// that is still running.
    static func leftovers(name: String, in parent: String) -> (building: [String], previous: [String], old: [String]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        func named(_ kind: String) -> [String] {
            names.filter { $0.hasPrefix(".\(name)-\(kind)-") }.map { parent + "/" + $0 }
        }
        return (named("building"), named("previous"), named("old"))
    }

    /// A fresh name beside the output for `kind` (building, previous, old).
    /// Random rather than the process id: in a container every build is PID 1.
    static func siblingName(_ kind: String, of name: String, in parent: String) -> String {
        "\(parent)/.\(name)-\(kind)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
