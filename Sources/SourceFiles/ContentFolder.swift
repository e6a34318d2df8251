import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files of the content folder, found without following symbolic links
/// to folders (a link loop must not hang the build), without dot-files and
/// editor backups, and without anything a link leads to outside the folder:
/// `ln -s /etc/passwd content/passwd.txt` must not put the file on the web.
/// The same rules walk `templates/assets/`, `templates/` and its words
/// files (templates/i18n): one walker, one rule for what is left out (isLeftOut).
public struct ContentFolder: Sendable {
    public let root: URL
    private let rootPath: String
    /// How messages name the folder, e.g. `content`.
    public var displayRoot: String
    /// Markdown files, relative to the root, sorted.
    public var markdownFiles: [String] = []
    /// Everything else (images, PDFs an editor dropped in), sorted; a page
    /// that links to one of them publishes it (Site.linkedFiles).
    public var otherFiles: [String] = []
    /// Links that are skipped (warnings) or lead outside the folder (errors).
    public var diagnostics: [Diagnostic] = []
    /// The folder with every link in its path resolved, to tell where a link leads.
    private let realRoot: String
    /// Where `otherFiles` are: the folder itself, or for a language's part
    /// (`content/es/`) the whole content folder, whose files it shares.
    private var sharedRootPath: String
    private var sharedDisplayRoot: String

    public init(root: URL, displayRoot: String) throws(Diagnostic) {
        self.root = root
        self.rootPath = root.path
        self.displayRoot = displayRoot
        self.realRoot = Self.realPath(root.path) ?? root.path
        self.sharedRootPath = root.path
        self.sharedDisplayRoot = displayRoot
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error(displayRoot, "the content folder does not exist",
                         fix: "run smartsite in the folder that holds content/, or pass --content DIR")
        }
        scan(relative: "")
        markdownFiles.sort()
        otherFiles.sort()
    }

    /// The same walk seen from a folder inside it (`content/es/` for a
    /// language), with the files it lists given below that folder.
    public init(inside parent: ContentFolder, folder: String, markdownFiles: [String], otherFiles: [String]) {
        root = parent.root.appendingPathComponent(folder)
        rootPath = parent.rootPath + "/" + folder
        displayRoot = parent.displayRoot + "/" + folder
        realRoot = parent.realRoot + "/" + folder
        sharedRootPath = parent.sharedRootPath
        sharedDisplayRoot = parent.sharedDisplayRoot
        self.markdownFiles = markdownFiles
        self.otherFiles = otherFiles
    }

    public func displayPath(_ relative: String) -> String { displayRoot + "/" + relative }
    /// One of `otherFiles` (a picture, a PDF) on disk and in messages.
    public func sharedFilePath(_ relative: String) -> String { sharedRootPath + "/" + relative }
    public func sharedDisplayPath(_ relative: String) -> String { sharedDisplayRoot + "/" + relative }
    public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
    /// The same as a plain path: URL.appendingPathComponent asks the file
    /// system whether the result is a folder, a stat for every page read.
    public func filePath(_ relative: String) -> String { rootPath + "/" + relative }

    /// Whether `relative` is one of the Markdown files (drafts included), by
    /// binary search in the sorted list: the link checks ask this only for a
    /// link to a page that is not published, so no set is built for it.
    public func hasMarkdownFile(_ relative: String) -> Bool {
        Self.sortedContains(markdownFiles, relative)
    }

    /// Whether `relative` is one of the other files, the same way.
    public func hasOtherFile(_ relative: String) -> Bool {
        Self.sortedContains(otherFiles, relative)
    }

    private static func sortedContains(_ sorted: [String], _ value: String) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// Names no one means to publish: editors' backup and swap files
    /// (`site.css~`, `.page.md.swp`, `#notes.md#`) and dot-files (`.DS_Store`, `.git`).
    public static func isLeftOut(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") { return true }
        if name.count > 1, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        let lowered = name.lowercased()
        return [".swp", ".swo", ".swx", ".bak", ".orig", ".tmp"].contains { lowered.hasSuffix($0) }
            || lowered == "thumbs.db" || lowered == "desktop.ini"
    }

    private mutating func scan(relative: String) {
        let folder = relative.isEmpty ? rootPath : rootPath + "/" + relative
        for entry in Self.entries(of: folder) where !Self.isLeftOut(entry.name) {
            let name = entry.name
            let path = relative.isEmpty ? name : relative + "/" + name
            var isFolder = entry.type == .folder
            if entry.type == .link {
                var target = stat()
                let exists = stat(folder + "/" + name, &target) == 0
                if !exists || (target.st_mode & S_IFMT) == S_IFDIR {
                    diagnostics.append(.warning(displayPath(path),
                        exists ? "a link to a folder is not followed (it could loop)" : "this link points to nothing and is skipped",
                        fix: "move the real files into \(displayRoot)/ instead of linking"))
                    continue
                }
                let resolved = Self.realPath(folder + "/" + name) ?? ""
                guard resolved.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error(displayPath(path),
                        "this is a link to \(resolved.isEmpty ? "a file" : resolved), outside \(displayRoot)/; "
                        + "smartsite does not read or publish files from outside the folder",
                        fix: "copy the file into \(displayRoot)/ instead of linking to it, or delete the link"))
                    continue
                }
                isFolder = false
            }
            if isFolder {
                scan(relative: path)
            } else if name.hasSuffix(".md") {
                markdownFiles.append(path)
            } else if path != "site.yaml" {
                otherFiles.append(path)
            }
        }
    }

    /// The path with every link resolved (realpath), or nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private enum EntryType { case folder, link, other }

    /// A folder's entries, sorted by name. readdir says what each entry is
    /// on the file systems sites live on, so there is no lstat per file
    /// (10,000 of them, before any page could be read); lstat only when it
    /// does not.
    private static func entries(of folder: String) -> [(name: String, type: EntryType)] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, type: EntryType)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: kind = Int32(DT_DIR)
                case S_IFLNK: kind = Int32(DT_LNK)
                default: kind = Int32(DT_REG)
                }
            }
            let type: EntryType = kind == Int32(DT_DIR) ? .folder : kind == Int32(DT_LNK) ? .link : .other
            entries.append((name, type))
        }
        return entries.sorted { $0.name < $1.name }
    }
}
