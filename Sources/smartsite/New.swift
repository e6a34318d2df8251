import ArgumentParser
import Diagnostics
import Foundation

/// `smartsite new`: the first command of a new program (`new site`), and
/// the way to add one page of a kind with its settings already there.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site, or add a page, tool, provider, meeting or worksheet.",
        usage: """
        smartsite new site <dir> [--name <name>] [--phone <phone>]
                [--base-url <url>] [--from <dir>]
         smartsite new page|tool|provider|meeting|worksheet <path>
        """,
        discussion: """
        `new site` makes a folder with the program's pages (content/), the look (templates/) and \
        a site.yaml with your program's name and address, plus a provider page for your program; \
        it builds and passes `smartsite check --strict` at once. On a terminal it asks for what the \
        options leave out. The starter is the content/ and templates/ of the smartsite folder the \
        program was built in (or --from DIR). `new page PATH` and the other kinds write one file \
        below content/ from templates/archetypes/KIND.md (edit those to change what new pages \
        start with); the title comes from the file name. An existing file is never replaced.
        """
    )

    @Argument(help: ArgumentHelp("What to make.", valueName: "kind"))
    var kind: NewKind

    @Argument(help: ArgumentHelp("The new site's folder, or the new file below content/ (e.g. toolbox/gratitude-list).",
                                 valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("new site: the program's name, e.g. \"Sunrise Recovery Center\".", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("new site: the program's phone number, as people dial it.", valueName: "phone"))
    var phone: String?

    @Option(help: ArgumentHelp("new site: where the site will be published, e.g. https://example.org/recovery/.",
                               valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("new site: the smartsite folder to copy the starter from (default: the one this program was built in).",
                               valueName: "dir"))
    var from: String?

    @Option(help: ArgumentHelp("Folder with the Markdown pages (new page and the other kinds).", valueName: "dir"))
    var content = "content"

    @Option(help: ArgumentHelp("Folder with templates/archetypes/ (new page and the other kinds).", valueName: "dir"))
    var templates = "templates"

    func validate() throws {
        try OptionLikeName.check(path, what: kind == .site ? "a folder name" : "a page name", help: "smartsite new --help",
                                 onPurpose: kind == .site ? "./" : "content/")
        if kind != .site, name != nil || phone != nil || baseURL != nil || from != nil {
            throw ValidationError("--name, --phone, --base-url and --from are for `smartsite new site DIR`")
        }
    }

    func run() throws {
        let console = Console()
        do throws(DiagnosticsError) {
            if kind == .site {
                let answers = try StarterAnswers.gather(name: name, phone: phone, baseURL: baseURL)
                let made = try NewSite(folder: path, answers: answers, starter: try StarterLocation.find(from: from)).make()
                console.printDiagnostics(made.notes)
                print("Made a new site in \(Build.folderName(path)): \(made.pages) pages and the templates.")
                print("Next: cd \(NewSite.shellQuoted(path)) && smartsite preview")
            } else {
                let written = try NewFile(kind: kind, path: path, contentFolder: content, templatesFolder: templates).write()
                print("Wrote \(written)")
            }
        } catch {
            console.printDiagnostics(error.diagnostics)
            throw ExitCode.failure
        }
    }
}

/// What `smartsite new` makes.
enum NewKind: String, ExpressibleByArgument, CaseIterable {
    case site, page, tool, provider, meeting, worksheet

    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    /// The folder below content/ a file of this kind goes in when the path names none.
    var folder: String? {
        switch self {
        case .tool: return "toolbox"
        case .provider: return "providers"
        case .meeting: return "meetings"
        case .worksheet: return "worksheets"
        case .site, .page: return nil
        }
    }
}
