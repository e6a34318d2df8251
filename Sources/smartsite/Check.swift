import ArgumentParser
import Content
import Diagnostics
import Foundation
import SiteBuild

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the whole site before you publish it.",
        usage: "smartsite check [--strict] [--reading] [--no-worksheets] [<folders>]",
        discussion: """
        Builds into a temporary folder (your output/ is not touched) and reports broken links and \
        anchors, missing pages and worksheets, images without alt text, pages nothing links to, \
        pages without a description and settings a page does not use. The care check warns about \
        labels such as "addict" (person-first language, after NIDA's "Words Matter"), pages above \
        the reading grade of site.yaml (`care: reading_grade:`, default 8) and health pages not \
        reviewed within a year; it fails when a built page does not show every help line of \
        site.yaml. Links to other sites are listed for you to check by hand. Exits with status 1 \
        on any error, or on any warning with --strict.
        """
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Also print every page's reading grade, hardest first.")
    var reading = false

    func run() throws {
        let console = Console()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-check-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var options = site.buildOptions(output: scratch.appendingPathComponent("output").path)
        options.audits = true
        options.readingTable = reading
        var diagnostics: [Diagnostic] = []
        var external: [(url: String, page: String, line: Int)] = []
        var untranslated: [(heading: String, pages: [String])] = []
        do {
            let report = try SiteBuilder.build(options)
            diagnostics += report.warnings
            external = report.externalLinks
            untranslated = report.untranslated
            diagnostics += report.builtPageProblems
            if reading {
                print("Reading level of each page:")
                print(report.readingTable)
            }
        } catch {
            diagnostics += error.diagnostics
        }
        console.printDiagnostics(diagnostics)
        for (heading, pages) in untranslated where !pages.isEmpty {
            print("\(heading), \(pages.count):")
            for page in pages { print("  \(page)") }
        }
        if !external.isEmpty {
            print("Links to other sites (not fetched; check them by hand):")
            for (url, uses) in Dictionary(grouping: external, by: \.url).sorted(by: { $0.key < $1.key }) {
                print("  \(url)  (\(uses.map { "\($0.page):\($0.line)" }.joined(separator: ", ")))")
            }
        }
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        print("Checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(Set(external.map(\.url)).count) external links.")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
}
