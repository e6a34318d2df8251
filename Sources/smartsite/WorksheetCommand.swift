import ArgumentParser
import Content
import Diagnostics
import Foundation
import Worksheets

extension Paper: ExpressibleByArgument {}

struct WorksheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worksheet",
        abstract: "Make the PDF of one worksheet, e.g. `smartsite worksheet urge-log --paper a4`.",
        discussion: "NAME is a file in content/worksheets/ without `.md` (or a path to any worksheet file)."
    )

    @Argument(help: ArgumentHelp("The worksheet, e.g. urge-log.", valueName: "name"))
    var name: String

    @Option(help: "Paper size: letter or a4.")
    var paper: Paper = .letter

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write the PDF (default: NAME-PAPER.pdf here).", valueName: "file"))
    var output: String?

    @Flag(help: "Also write the PostScript, next to the PDF with the ending .ps.")
    var ps = false

    @Flag(help: "Write only the PostScript (needs no Ghostscript).")
    var psOnly = false

    @Option(help: ArgumentHelp("Folder with site.yaml and worksheets/.", valueName: "dir"))
    var content = "content"

    func run() throws {
        let path = name.hasSuffix(".md") ? name : "\(content)/worksheets/\(name).md"
        let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let console = Console()
        guard FileManager.default.fileExists(atPath: path) else {
            console.error("there is no worksheet \(path); the worksheets are the .md files in \(content)/worksheets/")
            throw ExitCode.failure
        }
        do {
            let (config, _) = try SiteConfig.load(contentRoot: URL(fileURLWithPath: content), displayRoot: content)
            let settings = WorksheetSettings(site: config)
            let made = try buildWorksheet(path: path, paper: paper, settings: settings, distil: !psOnly)
            console.printDiagnostics(made.warnings)
            let pdfPath = output ?? "\(slug)-\(paper.rawValue).pdf"
            let psPath = pdfPath.hasSuffix(".pdf") ? String(pdfPath.dropLast(4)) + ".ps" : pdfPath + ".ps"
            if ps || psOnly {
                try Data(made.postScript.utf8).write(to: URL(fileURLWithPath: psPath))
                print("Wrote \(psPath)")
            }
            if let pdf = made.pdf {
                try pdf.write(to: URL(fileURLWithPath: pdfPath))
                print("Wrote \(pdfPath)")
            }
        } catch let error as DiagnosticsError {
            console.printDiagnostics(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
