import Content
import Diagnostics
import Rendering
import Worksheets

/// Makes the worksheet PDFs (into the staging folder, reusing unchanged
/// ones from the previous output) and turns them into what the site shows.
enum WorksheetStep {
    struct Result {
        var listings: [WorksheetListing] = []
        var diagnostics: [Diagnostic] = []
        var distilled = 0
        var reused = 0
    }

    static func run(options: BuildOptions, site: Site, output: OutputFolder) -> Result {
        guard options.buildWorksheets, !site.worksheetFiles.isEmpty else { return Result() }
        let built = buildWorksheets(contentRoot: options.contentFolder, stagingRoot: output.staging.path,
                                    previousOutputRoot: output.existing?.path, settings: WorksheetSettings(site: site.config))
        var result = Result(diagnostics: built.diagnostics, distilled: built.distilled, reused: built.reused)
        result.listings = built.worksheets.map { worksheet in
            let downloads = Paper.allCases.sorted().compactMap { paper -> WorksheetListing.Download? in
                guard let file = worksheet.pdfFiles[paper] else { return nil }
                return .init(label: paper == .letter ? "US Letter" : "A4", file: file, pages: worksheet.pageCount[paper] ?? 1)
            }
            let toolPage = worksheet.tool.map { "toolbox/\($0).md" }
                ?? site.pages.first { $0.kind == .tool && $0.settings.worksheet == worksheet.slug }?.contentPath
            return WorksheetListing(slug: worksheet.slug, title: worksheet.title, description: worksheet.description,
                                    sourcePath: worksheet.sourcePath, htmlPreview: worksheet.htmlPreview,
                                    downloads: downloads, toolPage: toolPage)
        }
        return result
    }
}
