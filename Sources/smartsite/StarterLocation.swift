import Diagnostics
import Foundation

/// Where `smartsite new site` copies the starter from: the content/ and
/// templates/ of the smartsite folder this program was built in, found by
/// walking up from the program's real path (`.build/release/smartsite` is
/// three folders below it), or the folder given with `--from`.
///
/// The files are not built into the program: the starter is the shipped
/// site as it is today, and an edit to content/ needs no rebuild. A program
/// copied elsewhere (`/usr/local/bin/smartsite`) finds no starter and says
/// to give `--from`; it never crashes for want of a resource folder.
enum StarterLocation {
    /// A folder is the smartsite source folder when it has the package and these.
    static let markers = ["Package.swift", "Sources/smartsite", "content/site.yaml", "templates/archetypes"]

    static func find(from: String?) throws(DiagnosticsError) -> URL {
        if let from {
            let root = URL(fileURLWithPath: from).standardizedFileURL
            guard isStarter(root, needsPackage: false) else {
                throw DiagnosticsError([.error(from, "this folder has no starter site (content/site.yaml and templates/archetypes/)",
                                               fix: "give --from the smartsite folder you built the program in, e.g. --from ~/smartsite")])
            }
            return root
        }
        let program = programPath()
        var folder = program.deletingLastPathComponent()
        while folder.path != "/" {
            if isStarter(folder, needsPackage: true) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        throw DiagnosticsError([.error(program.path, "cannot find the starter site: this program is not inside the smartsite folder it was built in",
                                       fix: "give the smartsite folder with --from, e.g. `smartsite new site my-site --from ~/smartsite`")])
    }

    /// The program's own file with every symbolic link resolved (a link in
    /// /usr/local/bin to .build/release/smartsite still finds its folder).
    static func programPath() -> URL {
        let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "smartsite"
        return URL(fileURLWithPath: link).resolvingSymlinksInPath()
    }

    static func isStarter(_ folder: URL, needsPackage: Bool) -> Bool {
        markers.filter { needsPackage || !($0 == "Package.swift" || $0.hasPrefix("Sources/")) }.allSatisfy {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }
}
