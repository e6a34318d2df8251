import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files of the content folder, found without following symbolic links
/// to folders (a link loop must not hang the build) and without dot-files.
public struct ContentFolder: Sendable {
    public let root: URL
    private let rootPath: String
    /// How messages name the folder, e.g. `content`.
    public var displayRoot: String
    /// Markdown files, relative to the root, sorted.
    public var markdownFiles: [String] = []
    /// Everything else (images, PDFs an editor dropped in), copied as is.
    public var otherFiles: [String] = []
    public var warnings: [Diagnostic] = []

    public init(root: URL, displayRoot: String) throws(Diagnostic) {
        self.root = root
        self.rootPath = root.path
        self.displayRoot = displayRoot
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error(displayRoot, "the content folder does not exist",
                         fix: "run smartsite in the folder that holds content/, or pass --content DIR")
        }
        scan(relative: "")
        markdownFiles.sort()
        otherFiles.sort()
    }

    public func displayPath(_ relative: String) -> String { displayRoot + "/" + relative }
    public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
    /// The same as a plain path: URL.appendingPathComponent asks the file
    /// system whether the result is a folder, a stat for every page read.
    public func filePath(_ relative: String) -> String { rootPath + "/" + relative }

    /// Whether `relative` is one of the Markdown files (drafts included), by
    /// binary search in the sorted list: the link checks ask this only for a
    /// link to a page that is not published, so no set is built for it.
    public func hasMarkdownFile(_ relative: String) -> Bool {
        var low = 0
        var high = markdownFiles.count
        while low < high {
            let middle = (low + high) / 2
            if markdownFiles[middle] < relative { low = middle + 1 } else { high = middle }
        }
        return low < markdownFiles.count && markdownFiles[low] == relative
    }

    private mutating func scan(relative: String) {
        let folder = relative.isEmpty ? rootPath : rootPath + "/" + relative
        for entry in Self.entries(of: folder) where !entry.name.hasPrefix(".") && !entry.name.hasSuffix("~") {
            let name = entry.name
            let path = relative.isEmpty ? name : relative + "/" + name
            var isFolder = entry.type == .folder
            if entry.type == .link {
                var target = stat()
                let exists = stat(folder + "/" + name, &target) == 0
                if !exists || (target.st_mode & S_IFMT) == S_IFDIR {
                    warnings.append(.warning(displayPath(path),
                        exists ? "a link to a folder is not followed (it could loop)" : "this link points to nothing and is skipped",
                        fix: "move the real files into content/ instead of linking"))
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
