import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A build replaces everything in the output folder, so a mistyped
/// `--output` must never reach the swap: `--output content` would replace
/// the pages with the built site, `--output ..` the whole project. This is
/// the one place that decides whether a folder may be replaced; it runs at
/// the start of every `SiteBuilder.build`, before anything is read or written.
public enum OutputSafety {
    /// The file every output folder smartsite makes carries, so a later build
    /// knows it may replace that folder. A dotfile: web hosts and CDNs that
    /// publish the folder leave it out or serve a harmless sentence.
    public static let markerName = ".smartsite-output"
    static let markerText = "This folder was made by `smartsite build`; the next build replaces everything in it.\n"

    /// Throws the reason (with a fix) when `options.outputFolder` must not be
    /// replaced. `workingFolder` and `home` are parameters for the tests.
    public static func check(_ options: BuildOptions,
                             workingFolder: String = FileManager.default.currentDirectoryPath,
                             home: String? = ProcessInfo.processInfo.environment["HOME"]) throws(Diagnostic) {
        let shown = options.outputFolder
        let output = resolved(shown, from: workingFolder)
        let newFolder = "pick a folder of its own for the built site, e.g. --output output"

        if output == "/" {
            throw .error(shown, "this is the top of the file system (/); building here would delete every file on the computer",
                         fix: newFolder)
        }
        let guarded = [("the content folder", options.contentFolder, "your pages"),
                       ("the templates folder", options.templatesFolder, "the templates")]
        for (name, folder, what) in guarded {
            let place = resolved(folder, from: workingFolder)
            if output == place {
                throw .error(shown, "this is \(name) (\(folder)); building here would replace \(what) with the built site",
                             fix: newFolder)
            }
            if contains(output, place) {
                throw .error(shown, "this folder holds \(name) (\(folder)); building here would delete \(what)",
                             fix: newFolder)
            }
            if contains(place, output) {
                throw .error(shown, "this folder is inside \(name) (\(folder)); the built site would be mixed in with \(what)",
                             fix: newFolder + ", beside \(folder) rather than in it")
            }
        }
        let people = [("your home folder", home), ("the folder you are working in", workingFolder)]
        for case let (name, folder?) in people {
            let place = resolved(folder, from: workingFolder)
            if output == place {
                throw .error(shown, "this is \(name) (\(folder)); building here would delete everything in it", fix: newFolder)
            }
            if contains(output, place) {
                throw .error(shown, "this folder holds \(name) (\(folder)); building here would delete it", fix: newFolder)
            }
        }

        var info = stat()
        guard stat(output, &info) == 0 else { return }  // a new folder: nothing to lose
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .error(shown, "this is a file, not a folder; building here would replace the file with the site",
                         fix: "name a folder instead, e.g. --output output, or move the file away")
        }
        if options.replacesOtherFiles || madeBySmartsite(output) { return }
        throw .error(shown, "this folder has files in it that smartsite did not make (there is no \(markerName) in it); building here would delete them",
                     fix: "name a new or empty folder, e.g. --output output; if everything in it may really be deleted, build again with --force")
    }

    /// True for an empty folder, one with the marker, and the output of a
    /// smartsite from before the marker (its own three site files), so the
    /// first build after an upgrade does not ask for --force.
    static func madeBySmartsite(_ folder: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        let present = Set(names)
        return present.isEmpty || present.contains(markerName)
            || ["search.json", "sitemap.xml", "robots.txt", "404.html"].allSatisfy(present.contains)
    }

    /// `inner` is strictly below `outer`.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        inner.hasPrefix(outer == "/" ? "/" : outer + "/") && inner != outer
    }

    /// The absolute path with `.`, `..` and symbolic links resolved as far as
    /// the folders exist (the rest kept as written), so `content/../output`,
    /// `./content/` and a link to content/ all compare equal to what they name.
    static func resolved(_ path: String, from workingFolder: String, depth: Int = 0) -> String {
        let absolute = path.hasPrefix("/") ? path : workingFolder + "/" + path
        var current = "/"
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." {
                current = parent(of: current)
                continue
            }
            let next = (current == "/" ? "/" : current + "/") + part
            if let real = realPath(next) {
                current = real
            } else if depth < 40, let target = linkTarget(next) {
                // A link to a folder that does not exist yet (a web root to be made).
                current = resolved(target, from: current, depth: depth + 1)
            } else {
                current = next
            }
        }
        return current
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
