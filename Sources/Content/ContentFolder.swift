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

    private mutating func scan(relative: String) {
        let folder = relative.isEmpty ? rootPath : rootPath + "/" + relative
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasSuffix("~") {
            let path = relative.isEmpty ? name : relative + "/" + name
            // lstat, not URL resource values: this runs for every file of the site.
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0 else { continue }
            let isLink = (info.st_mode & S_IFMT) == S_IFLNK
            var isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            if isLink {
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
}
