import ArgumentParser
import Content
import Diagnostics
import Foundation
import Worksheets

/// `--paper A4` and `--paper Letter` as well as the lower-case names.
extension Paper: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

struct WorksheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worksheet",
        abstract: "Make the PDF of one worksheet, e.g. `smartsite worksheet urge-log --paper a4`.",
        usage: "smartsite worksheet <name> [--paper letter|a4] [-o <file>] [--ps]",
        discussion: "NAME is a file in content/worksheets/ without `.md` (or a path to any worksheet file)."
    )

    @Argument(help: ArgumentHelp("The worksheet, e.g. urge-log.", valueName: "name"))
    var name: String

    @Option(help: "Paper size: letter or a4 (default: the worksheet's `paper:` setting, else letter).")
    var paper: Paper?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write the PDF, or with --ps-only the PostScript (default: NAME-PAPER.pdf or .ps here).", valueName: "file"))
    var output: String?

    @Flag(help: "Also write the PostScript, next to the PDF with the ending .ps.")
    var ps = false

    @Flag(help: "Write only the PostScript (needs no Ghostscript).")
    var psOnly = false

    @Option(help: ArgumentHelp("Folder with site.yaml and worksheets/.", valueName: "dir"))
    var content = "content"

    @Option(help: ArgumentHelp("Folder with i18n/, the words printed on worksheets.", valueName: "dir"))
    var templates = "templates"

    @Option(help: ArgumentHelp("The language of the worksheet, e.g. es for content/es/worksheets/NAME.md (default: the site's).", valueName: "code"))
    var language: String?

    func validate() throws {
        if let output, output.hasSuffix(".ps"), !psOnly {
            throw ValidationError("-o names the PDF; end it with .pdf (the PostScript of --ps goes beside it), or add --ps-only to write only \(output)")
        }
    }

    /// Where the PostScript goes: `-o` itself with --ps-only, else beside the PDF.
    static func postScriptPath(output: String?, psOnly: Bool, pdfPath: String) -> String {
        if psOnly, let output { return output }
        return pdfPath.hasSuffix(".pdf") ? String(pdfPath.dropLast(4)) + ".ps" : pdfPath + ".ps"
    }

    func run() throws {
        let folder = language.map { "\(content)/\($0)/worksheets" } ?? "\(content)/worksheets"
        let path = name.hasSuffix(".md") ? name : "\(folder)/\(name).md"
        let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let console = Console()
        guard FileManager.default.fileExists(atPath: path) else {
            console.error("there is no worksheet \(path); the worksheets are the .md files in \(content)/worksheets/")
            throw ExitCode.failure
        }
        do {
            let (siteConfig, _) = try SiteConfig.load(contentRoot: URL(fileURLWithPath: content), displayRoot: content)
            let config = siteConfig.forLanguage(language ?? siteConfig.language)
            let words = try InterfaceWords.load(languages: [config.language], templatesFolder: templates)
            guard let language = words.first else { throw ExitCode.failure }
            var settings = WorksheetSettings(site: config, words: WorksheetWords(language))
            if config.language != siteConfig.language { settings.urlPrefix = config.language + "/" }
            let made = try buildWorksheet(path: path, askedPaper: paper, settings: settings, distil: !psOnly)
            console.printDiagnostics(made.warnings)
            let pdfPath = output ?? "\(slug)-\(made.paper.rawValue).pdf"
            let psPath = Self.postScriptPath(output: output, psOnly: psOnly, pdfPath: pdfPath)
            if ps || psOnly { try write(Data(made.postScript.utf8), to: psPath) }
            if let pdf = made.pdf { try write(pdf, to: pdfPath) }
        } catch let error as DiagnosticsError {
            console.printDiagnostics(error.diagnostics)
            throw ExitCode.failure
        } catch {
            console.error("the worksheet could not be made: \(SystemError.text(error))")
            throw ExitCode.failure
        }
    }

    private func write(_ data: Data, to path: String) throws(DiagnosticsError) {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticsError([.error(path, "cannot write this file: \(SystemError.text(error))",
                                           fix: "check that the folder exists and that you may write to it, or pass another -o")])
        }
        print("Wrote \(path)")
    }
}
