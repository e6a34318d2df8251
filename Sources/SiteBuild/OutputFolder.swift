import Content
import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a fresh folder beside the output folder and swaps it
/// in only when everything succeeded, so a failed build leaves the previous
/// site exactly as it was, and a visitor never sees half a site.
///
/// Beside the output `output/` live, while a build runs: `.output.lock`
/// (one build at a time), `.output-building-*` (this build) and, for a
/// moment after the swap, `.output-old-*` (the previous site, deleted in the
/// background). A build clears whatever earlier, interrupted builds left.
/// When `output` is a symbolic link (to a web root), the link is kept and
/// all of this happens beside the folder it points to.
struct OutputFolder: SiteOutput {
    /// Where the site ends up: the output folder, or the folder it links to.
    let final: URL
    let staging: URL
    /// The output folder as it was typed, for messages.
    private let shown: String
    private let parent: String
    private let name: String
    private let lock: OutputLock
    private let stopsOnSignal: Bool
    /// Beside the output, for programs that must write files of their own
    /// (gs); named like the staging folder, so an interrupted build's is
    /// cleared by the next one the same way. Removed when the build ends.
    private let scratch: String

    /// `stopsOnSignal`: remove the staging folder on Ctrl-C or SIGTERM (see
    /// InterruptCleanup); only `smartsite build` wants that, not preview.
    init(path: String, stopsOnSignal: Bool = false) {
        let resolved = OutputSafety.resolved(path, from: FileManager.default.currentDirectoryPath)
        shown = path
        parent = OutputSafety.parent(of: resolved)
        name = URL(fileURLWithPath: resolved).lastPathComponent
        final = URL(fileURLWithPath: resolved)
        staging = URL(fileURLWithPath: FolderSwap.siblingName("building", of: name, in: parent))
        lock = OutputLock(path: parent + "/.\(name).lock")
        self.stopsOnSignal = stopsOnSignal
        scratch = FolderSwap.siblingName("building", of: name, in: parent)
    }

    /// The output of `SiteBuilder.build`, checked (OutputSafety), locked and ready to write.
    static func prepared(for options: BuildOptions) throws(Diagnostic) -> OutputFolder {
        try OutputSafety.check(options)
        let folder = OutputFolder(path: options.outputFolder, stopsOnSignal: true)
        try folder.prepare()
        return folder
    }

    func prepare() throws(Diagnostic) {
        try Self.makeFolder(parent)
        try lock.acquire(shownOutput: shown)
        do throws(Diagnostic) {
            clearLeftovers()
            if mkdir(staging.path, 0o755) != 0 && errno != EEXIST {
                throw .error(staging.path, "cannot create the build folder: \(SystemError.text(errno))",
                             fix: "check that you may write to \(parent)")
            }
            try write(Data(OutputSafety.markerText.utf8), to: OutputSafety.markerName)
        } catch {
            lock.release()
            throw error
        }
        if stopsOnSignal { InterruptCleanup.watch(staging.path, trash: FolderSwap.siblingName("old", of: name, in: parent)) }
    }

    /// What interrupted builds left, whatever their process id: an old site
    /// set aside by two renames goes back in place when the output is
    /// missing; everything else is deleted in the background. Runs with the
    /// lock held, so no running build owns any of it.
    private func clearLeftovers() {
        let found = FolderSwap.leftovers(name: name, in: parent)
        var previous = found.previous
        if !Self.exists(final.path), let complete = previous.first, rename(complete, final.path) == 0 {
            previous.removeFirst()
        }
        // Renamed first, so a half-deleted old site is never put back, and
        // `.NAME-building-*` always means a build that is running.
        let setAside = (found.building + previous).map { folder in
            let old = FolderSwap.siblingName("old", of: name, in: parent)
            return rename(folder, old) == 0 ? old : folder
        }
        FolderSwap.deleteInBackground(setAside + found.old)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The scratch folder, made (once) and watched like the staging folder.
    /// Each gs run asks for it; once a signal is stopping the build it is
    /// not made again, or a run starting after the cleanup moved it away
    /// would leave a new one behind.
    func makeScratch() throws(Diagnostic) -> URL {
        let failure: Int32
        if stopsOnSignal {
            failure = InterruptCleanup.makeWatched(scratch, trash: FolderSwap.siblingName("old", of: name, in: parent))
        } else {
            failure = mkdir(scratch, 0o755) != 0 && errno != EEXIST ? errno : 0
        }
        if failure != 0 {
            throw .error(scratch, "cannot create a folder for Ghostscript: \(SystemError.text(failure))",
                         fix: "check that you may write to \(parent)")
        }
        return URL(fileURLWithPath: scratch)
    }

    /// The previous output, when there is one, for reusing unchanged PDFs.
    var existing: URL? {
        FileManager.default.fileExists(atPath: final.path) ? final : nil
    }

    /// Writes a file below the staging folder, creating folders on the way.
    /// Paths come from content file names, so they are checked to stay inside.
    func write(_ data: Data, to relativePath: String) throws(Diagnostic) {
        let path = try prepareFile(relativePath)
        if let problem = data.withUnsafeBytes({ Self.writeFile($0, to: path) }) { throw problem }
    }

    /// A page's HTML straight from the string's UTF-8, without a copy.
    func write(_ text: String, to relativePath: String) throws(Diagnostic) {
        let path = try prepareFile(relativePath)
        var text = text
        if let problem = text.withUTF8({ Self.writeFile(UnsafeRawBufferPointer($0), to: path) }) { throw problem }
    }

    /// The full path for a file of the site, with its folder made.
    private func prepareFile(_ relativePath: String) throws(Diagnostic) -> String {
        guard !SitePaths.hasParentStep(relativePath), !relativePath.hasPrefix("/") else {
            throw .error(relativePath, "refusing to write outside the output folder")
        }
        // Plain path strings, not URL: URL.appendingPathComponent asks the
        // file system whether each path is a folder, a stat per page.
        let path = staging.path + "/" + relativePath
        if let slash = path.lastIndex(of: "/") {
            try Self.makeFolder(String(path[..<slash]), inside: staging.path)
        }
        return path
    }

    /// mkdir -p: one mkdir when the parent exists (the usual case: pages of a
    /// section share it), walking up only when it does not. Safe when several
    /// threads make the same folder at once (EEXIST is success). It never
    /// makes `root` itself: once an interrupted build has moved its staging
    /// folder away, the threads still writing fail instead of making it again.
    static func makeFolder(_ path: String, inside root: String = "") throws(Diagnostic) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            let parent = String(path[..<slash])
            guard parent.utf8.count > root.utf8.count else {
                throw .error(root, "the build folder is gone (the build was stopped)")
            }
            try makeFolder(parent, inside: root)
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw .error(path, "cannot create the folder: \(SystemError.text(errno))")
    }

    /// Plain open/write/close. Foundation's Data.write syncs every file to
    /// disk, which made writing 10,000 pages wait on the disk; the whole
    /// folder is swapped in at the end, so per-file durability buys nothing.
    /// Returns the problem, if any (it runs inside withUTF8, which cannot throw a Diagnostic).
    static func writeFile(_ buffer: UnsafeRawBufferPointer, to path: String) -> Diagnostic? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return .error(path, "cannot write: \(SystemError.text(errno))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return .error(path, "cannot write: \(SystemError.text(errno))")
            }
            offset += written
        }
        return nil
    }

    /// Replaces the output with the finished build in one atomic exchange
    /// (never a moment without a complete site); the old site, now under
    /// the staging name, is renamed to a trash name and deleted in the
    /// background. A first build is a plain rename.
    func commit() throws(Diagnostic) {
        defer { finish() }
        guard Self.exists(final.path) else {
            guard rename(staging.path, final.path) == 0 else { throw replaceFailure(errno) }
            return
        }
        if FolderSwap.exchange(staging.path, final.path) {
            throwAway(staging.path)
            return
        }
        // A file system without RENAME_EXCHANGE (or an old kernel): two
        // renames. A kill between them leaves `.NAME-previous-*`, which the
        // next build puts back.
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { throw replaceFailure(errno) }
        let previous = FolderSwap.siblingName("previous", of: name, in: parent)
        guard rename(final.path, previous) == 0 else { throw replaceFailure(errno) }
        guard rename(staging.path, final.path) == 0 else {
            let reason = errno
            rename(previous, final.path)
            throw replaceFailure(reason)
        }
        throwAway(previous)
    }

    func discard() {
        throwAway(staging.path)
        finish()
    }

    /// Renames `folder` to a trash name, so no later build mistakes it for a
    /// site to keep or restore, and deletes it without waiting.
    private func throwAway(_ folder: String) {
        let trash = FolderSwap.siblingName("old", of: name, in: parent)
        FolderSwap.deleteInBackground([rename(folder, trash) == 0 ? trash : folder])
    }

    private func finish() {
        if stopsOnSignal {
            InterruptCleanup.forget(staging.path)
            InterruptCleanup.forget(scratch)
        }
        if Self.exists(scratch) { throwAway(scratch) }
        lock.release()
    }

    private func replaceFailure(_ code: Int32) -> Diagnostic {
        .error(shown, "cannot replace the output folder: \(SystemError.text(code))",
               fix: "check that you may write to \(parent) and to \(final.path)")
    }
}
