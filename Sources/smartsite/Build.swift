import ArgumentParser
import Content
import Diagnostics
import Foundation
import SiteBuild

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the whole site into the output folder.",
        usage: "smartsite build [--output <dir>] [--offline] [--base-url <url>] [<opts>]",
        discussion: "The previous output is replaced only when the build succeeds; on any error it is left exactly as it was."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("Folder the site is written to (default: output, or output-offline with --offline).",
                               valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("Publish address, overriding base_url in site.yaml.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Make the copy that works opened from disk or a USB stick, with no web server (links to index.html, search from file://).")
    var offline = false

    @Flag(help: "Print how long each step of the build took.")
    var timings = false

    @Flag(help: "Build into an output folder that has files smartsite did not make, deleting them (never the content, templates, working or home folder).")
    var force = false

    func validate() throws {
        if let output { try OptionLikeName.check(output, what: "a folder name", help: "smartsite build --help") }
        if let baseURL, let problem = BaseURL.problem(with: baseURL) {
            throw ValidationError("--base-url \(problem), e.g. --base-url https://example.org/")
        }
    }

    func run() throws {
        let output = self.output ?? (offline ? "output-offline" : "output")
        var options = site.buildOptions(output: output, baseURL: baseURL)
        options.offline = offline
        options.freesMemoryAtEnd = false
        options.keptPageBodies = BuildOptions.oneShotKeptPageBodies
        options.replacesOtherFiles = force
        let console = Console()
        let outcome: Result<BuildReport, DiagnosticsError>
        do {
            outcome = .success(try SiteBuilder.build(options) { console.progress($0) })
        } catch {
            outcome = .failure(error)
        }
        console.clearProgress()
        switch outcome {
        case .success(let report):
            console.printDiagnostics(report.warnings)
            var summary = "Built \(report.pagesWritten) pages"
            if report.worksheetsBuilt > 0 {
                summary += " and \(report.worksheetsBuilt) worksheets (\(report.pdfsDistilled) PDFs made, \(report.pdfsReused) unchanged)"
            }
            summary += " into \(Self.folderName(output)) in \(Console.seconds(report.totalSeconds))"
            if !report.warnings.isEmpty { summary += ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")" }
            print(summary + ".")
            if timings {
                for step in report.steps { print("  \(step.name): \(Console.seconds(step.seconds))") }
                print("  memory allocator: \(MemoryAllocator.name)")
            }
        case .failure(let error):
            console.printDiagnostics(error.diagnostics)
            let errors = error.diagnostics.filter(\.isError).count
            let during = error.step.map { " while \($0)" } ?? ""
            console.error("build failed with \(errors) error\(errors == 1 ? "" : "s")\(during); \(Self.folderName(output)) was left as it was.")
            throw ExitCode.failure
        }
    }
}

extension Build {
    /// A folder as typed, shown with one closing slash: `output/`, `/`.
    static func folderName(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }
}
