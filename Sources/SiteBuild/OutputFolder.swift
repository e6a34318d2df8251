import Content
import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a fresh folder beside the output folder and swaps it
/// in only when everything succeeded, so a failed build leaves the previous
/// site exactly as it was, and a visitor never sees half a site.
struct OutputFolder: SiteOutput {
    let final: URL
    let staging: URL
    private let previous: URL

    init(path: String) {
        let final = URL(fileURLWithPath: path).standardizedFileURL
        let parent = final.deletingLastPathComponent()
        let name = final.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        self.final = final
        self.staging = parent.appendingPathComponent(".\(name)-building-\(pid)")
        self.previous = parent.appendingPathComponent(".\(name)-previous-\(pid)")
    }

    func prepare() throws(Diagnostic) {
        let files = FileManager.default
        try? files.removeItem(at: staging)
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .error(staging.path, "cannot create the build folder: \(error.localizedDescription)",
                         fix: "check that you may write to \(staging.deletingLastPathComponent().path)")
        }
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
            try Self.makeFolder(String(path[..<slash]))
        }
        return path
    }

    /// mkdir -p: one mkdir when the parent exists (the usual case: pages of a
    /// section share it), walking up only when it does not. Safe when several
    /// threads make the same folder at once (EEXIST is success).
    static func makeFolder(_ path: String) throws(Diagnostic) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try makeFolder(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw .error(path, "cannot create the folder: \(String(cString: strerror(errno)))")
    }

    /// Plain open/write/close. Foundation's Data.write syncs every file to
    /// disk, which made writing 10,000 pages wait on the disk; the whole
    /// folder is swapped in at the end, so per-file durability buys nothing.
    /// Returns the problem, if any (it runs inside withUTF8, which cannot throw a Diagnostic).
    static func writeFile(_ buffer: UnsafeRawBufferPointer, to path: String) -> Diagnostic? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return .error(path, "cannot write: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return .error(path, "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        return nil
    }

    /// Replaces the output with the finished build: two renames, so the
    /// window without a site is as short as the file system allows.
    func commit() throws(Diagnostic) {
        let files = FileManager.default
        do {
            if files.fileExists(atPath: final.path) {
                try files.moveItem(at: final, to: previous)
            }
            try files.moveItem(at: staging, to: final)
            try? files.removeItem(at: previous)
        } catch {
            // Put the old site back if it was moved away.
            if !files.fileExists(atPath: final.path), files.fileExists(atPath: previous.path) {
                try? files.moveItem(at: previous, to: final)
            }
            throw .error(final.path, "cannot replace the output folder: \(error.localizedDescription)")
        }
    }

    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
