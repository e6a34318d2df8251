import Content
import Foundation
import NIOConcurrencyHelpers
import SiteBuild
#if canImport(Glibc)
import Glibc
import SourceFiles
#endif

/// How preview notices saved files.
public enum WatchMethod: String, Sendable, CaseIterable {
    /// inotify where there is one (Linux), polling elsewhere.
    case automatic
    case inotify
    /// Compares every file's modification time and size a few times a second.
    case polling
}

/// Watches content/ and templates/ and hands out batches of changes. A
/// burst of events (an editor writing a temporary file and renaming it over
/// the old one, or saving several files at once) becomes one batch: events
/// are collected until the folders have been quiet for `quiet`.
final class FileWatcher: Sendable {
    /// A watched folder and what its files are to the site.
    struct Root: Sendable {
        var folder: URL
        var change: @Sendable (String) -> SourceChange
    }

    let roots: [Root]
    let method: WatchMethod
    let quiet: Duration
    let longest: Duration
    let pollInterval: Duration
    private let stopped = NIOLockedValueBox(false)

    init(roots: [Root], method: WatchMethod, quiet: Duration = .milliseconds(20), longest: Duration = .milliseconds(300),
         pollInterval: Duration = .milliseconds(250)) {
        self.roots = roots
        self.method = method
        self.quiet = quiet
        self.longest = longest
        self.pollInterval = pollInterval
    }

    /// Starts watching on a thread of its own; the stream ends after
    /// `stop()`. Also says which method it uses: inotify, or polling where
    /// there is none (or it was asked for, or inotify has no watches left).
    func changes() -> (batches: AsyncStream<Set<SourceChange>>, method: WatchMethod) {
        let (stream, continuation) = AsyncStream.makeStream(of: Set<SourceChange>.self)
        var source: any ChangeSource
        #if canImport(Glibc)
        if method != .polling, let inotify = InotifySource(roots: roots) {
            source = inotify
        } else {
            source = PollingSource(roots: roots)
        }
        #else
        source = PollingSource(roots: roots)
        #endif
        let active: WatchMethod = source is PollingSource ? .polling : .inotify
        nonisolated(unsafe) let watching = source
        let thread = Thread { [self] in
            self.loop(watching, continuation)
        }
        thread.name = "smartsite file watcher"
        thread.start()
        return (stream, active)
    }

    func stop() {
        stopped.withLockedValue { $0 = true }
    }

    private var isStopped: Bool { stopped.withLockedValue { $0 } }

    private func loop(_ source: any ChangeSource, _ continuation: AsyncStream<Set<SourceChange>>.Continuation) {
        let tick = source.waitsForEvents ? Duration.milliseconds(200) : pollInterval
        let settle = source.waitsForEvents ? quiet : max(quiet, .milliseconds(50))
        while !isStopped {
            guard var batch = source.next(waitingUpTo: tick) else { continue }
            // Gather the rest of the burst: until nothing at all happens for
            // `settle`. A file that is gone may be mid-save (renamed away,
            // its new version not written yet): it gets until `longest` to
            // come back, so that one save is one batch.
            let started = ContinuousClock.now
            while ContinuousClock.now - started < longest {
                if let more = source.next(waitingUpTo: settle) {
                    batch.formUnion(more)
                } else if !batch.contains(where: isGone) {
                    break
                }
            }
            let changes = Set(batch.map(change))
            if !changes.isEmpty { continuation.yield(changes) }
        }
        source.close()
        continuation.finish()
    }

    private func change(_ file: WatchedFile) -> SourceChange {
        file.path.isEmpty ? .everything : roots[file.root].change(file.path)
    }

    private func isGone(_ file: WatchedFile) -> Bool {
        !file.path.isEmpty && !FileManager.default.fileExists(atPath: roots[file.root].folder.appendingPathComponent(file.path).path)
    }

    /// Files editors write beside the real one while saving, never part of
    /// the site: what the content folder leaves out (one rule for both), and
    /// the two that exist only for a moment (emacs's `#page.md` before it
    /// becomes `#page.md#`, vim's `4913` probe).
    static func isScratch(_ name: Substring) -> Bool {
        ContentFolder.isLeftOut(String(name)) || name.hasPrefix("#") || (!name.isEmpty && name.allSatisfy(\.isNumber))
    }

    static func isScratch(path: String) -> Bool {
        path.split(separator: "/").contains(where: isScratch)
    }
}

/// A file below one of the watched folders that changed; an empty path
/// stands for unknown changes (events were lost): everything.
struct WatchedFile: Hashable {
    var root: Int
    var path: String
    static let everything = WatchedFile(root: 0, path: "")
}

/// Where changes come from: inotify or polling.
protocol ChangeSource {
    /// True when `next` sleeps until something happens (inotify), false when
    /// it compares snapshots (polling).
    var waitsForEvents: Bool { get }
    /// The files that changed within `timeout`: nil when nothing happened at
    /// all, empty when only files that are no part of the site did.
    func next(waitingUpTo timeout: Duration) -> Set<WatchedFile>?
    func close()
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// Compares the modification time and size of every file with the last look.
final class PollingSource: ChangeSource {
    let roots: [FileWatcher.Root]
    private var last: [String: [String: Stamp]]

    struct Stamp: Equatable {
        var modified: timespec
        var size: Int
        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec && a.size == b.size
        }
    }

    init(roots: [FileWatcher.Root]) {
        self.roots = roots
        last = [:]
        for root in roots { last[root.folder.path] = Self.scan(root.folder) }
    }

    var waitsForEvents: Bool { false }

    func next(waitingUpTo timeout: Duration) -> Set<WatchedFile>? {
        Thread.sleep(forTimeInterval: Double(timeout.milliseconds) / 1000)
        var changes: Set<WatchedFile> = []
        for (index, root) in roots.enumerated() {
            let now = Self.scan(root.folder)
            let before = last[root.folder.path] ?? [:]
            for (path, stamp) in now where before[path] != stamp { changes.insert(WatchedFile(root: index, path: path)) }
            for path in before.keys where now[path] == nil { changes.insert(WatchedFile(root: index, path: path)) }
            last[root.folder.path] = now
        }
        return changes.isEmpty ? nil : changes
    }

    func close() {}

    /// Every file below the folder, without dot-files and editors' scratch files.
    static func scan(_ folder: URL) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        func walk(_ relative: String) {
            let here = relative.isEmpty ? folder.path : folder.path + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: here)) ?? [] where !FileWatcher.isScratch(name[...]) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(here + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(path)
                case S_IFREG, S_IFLNK: stamps[path] = Stamp(modified: info.st_mtim, size: Int(info.st_size))
                default: break
                }
            }
        }
        walk("")
        return stamps
    }
}
