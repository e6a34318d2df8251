#if canImport(Glibc)
import Foundation
import Glibc

/// Linux's inotify, through Glibc: one watch per folder (inotify does not
/// recurse), added as folders appear.
///
/// The folder each root is in is watched too, for the root itself: `git
/// checkout`, `rsync` or a copy from a backup may delete content/ (or move
/// it away) and make it again, and inotify's watches die with the folder
/// they were on. When the root's name appears again, it is watched afresh
/// and the whole site rebuilt.
final class InotifySource: ChangeSource {
    private let descriptor: Int32
    private let roots: [FileWatcher.Root]
    /// Watch descriptor → (root index, folder below the root).
    private var watches: [Int32: (root: Int, folder: String)] = [:]
    /// Watch descriptor of a folder that roots are in → those roots.
    private var parents: [Int32: [Int]] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let fileEvents = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
    /// IN_MASK_ADD: a folder watched both as a root's parent and as a
    /// folder of the site keeps the events of both.
    private static let mask = fileEvents | UInt32(IN_CREATE) | UInt32(IN_DELETE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_MASK_ADD)
    private static let parentMask = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
        | UInt32(IN_ONLYDIR) | UInt32(IN_MASK_ADD)

    init?(roots: [FileWatcher.Root]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.roots = roots
        for index in roots.indices {
            var discovered: Set<WatchedFile> = []
            // A root that is not there yet is watched for from its parent.
            let watched = addTree(root: index, folder: "", discovered: &discovered) || errno == ENOENT
            let parent = inotify_add_watch(descriptor, Self.parent(of: roots[index].folder).path, Self.parentMask)
            guard watched, parent >= 0 else {
                Glibc.close(descriptor)
                return nil
            }
            parents[parent, default: []].append(index)
        }
    }

    var waitsForEvents: Bool { true }

    private static func parent(of folder: URL) -> URL {
        folder.standardizedFileURL.deletingLastPathComponent()
    }

    private static func name(of folder: URL) -> String {
        folder.standardizedFileURL.lastPathComponent
    }

    /// Watches a folder and every folder below it; the files already in it
    /// count as changed (they may have been written before the watch).
    @discardableResult
    private func addTree(root: Int, folder: String, discovered: inout Set<WatchedFile>) -> Bool {
        let path = folder.isEmpty ? roots[root].folder.path : roots[root].folder.path + "/" + folder
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        watches[watch] = (root, folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !FileWatcher.isScratch(name[...]) {
            let relative = folder.isEmpty ? name : folder + "/" + name
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                addTree(root: root, folder: relative, discovered: &discovered)
            } else {
                discovered.insert(WatchedFile(root: root, path: relative))
            }
        }
        return true
    }

    /// Stops every watch below a root that went away: after a move they
    /// would go on reporting the folder at its new name.
    private func forget(root: Int) {
        for (watch, place) in watches where place.root == root {
            watches[watch] = nil
            if parents[watch] == nil { inotify_rm_watch(descriptor, watch) }
        }
    }

    func next(waitingUpTo timeout: Duration) -> Set<WatchedFile>? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout.milliseconds)) > 0 else { return nil }
        var changes: Set<WatchedFile> = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = bytes[(offset + header)..<min(count, offset + header + Int(event.len))]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += header + Int(event.len)
                    handle(event, name: name, into: &changes)
                }
            }
        }
        return changes
    }

    private func handle(_ event: inotify_event, name: String, into changes: inout Set<WatchedFile>) {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: rebuild everything.
            changes.insert(.everything)
            return
        }
        if let rooted = parents[event.wd] { handleInParent(event, name: name, roots: rooted, into: &changes) }
        guard let (root, folder) = watches[event.wd] else { return }
        if event.mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_IGNORED)) != 0 {
            watches[event.wd] = nil
            return
        }
        guard !name.isEmpty, !FileWatcher.isScratch(name[...]) else { return }
        let relative = folder.isEmpty ? name : folder + "/" + name
        if event.mask & UInt32(IN_ISDIR) != 0 {
            if event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                addTree(root: root, folder: relative, discovered: &changes)
            } else if event.mask & UInt32(IN_MOVED_FROM) != 0 {
                changes.insert(.everything)  // a folder moved away: its files are gone
            }
        } else if event.mask & Self.fileEvents != 0 {
            changes.insert(WatchedFile(root: root, path: relative))
        }
    }

    /// A root's own name in the folder it is in: made again, or gone.
    private func handleInParent(_ event: inotify_event, name: String, roots rooted: [Int], into changes: inout Set<WatchedFile>) {
        if event.mask & UInt32(IN_IGNORED) != 0 {
            parents[event.wd] = nil
            return
        }
        guard event.mask & UInt32(IN_ISDIR) != 0 else { return }
        for root in rooted where Self.name(of: roots[root].folder) == name {
            forget(root: root)
            if event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                addTree(root: root, folder: "", discovered: &changes)
            }
            changes.insert(.everything)
        }
    }

    func close() {
        Glibc.close(descriptor)
    }
}
#endif
