import Content
import Diagnostics
import Foundation
import Rendering
import Worksheets

/// The worksheets as a step of the build: their PDFs are made (or kept from
/// the last build) and written into the output like every other file, and
/// they are turned into what the site shows.
enum WorksheetStep {
    /// `previous`: the last build's files, to keep the PDFs whose worksheet
    /// did not change; `scratch`: a folder for Ghostscript to write in.
    /// The worksheets of every language (`content/es/worksheets/` ...), by language code.
    static func runEveryLanguage(options: BuildOptions, sources: SiteBuilder.Sources, output: some SiteOutput,
                                 previous: DerivedFileCache, scratch: () throws(Diagnostic) -> URL) -> [String: WorksheetsBuilt] {
        var built: [String: WorksheetsBuilt] = [:]
        for site in sources.site.allLanguages {
            built[site.language] = run(options: options, site: site, words: sources.words[site.language], output: output,
                                       previous: previous, scratch: scratch)
        }
        return built
    }

    static func run(options: BuildOptions, site: Site, words: InterfaceWords?, output: some SiteOutput, previous: DerivedFileCache,
                    scratch: () throws(Diagnostic) -> URL) -> WorksheetsBuilt {
        guard options.buildWorksheets, !site.worksheetFiles.isEmpty, let words else { return WorksheetsBuilt() }
        var built: WorksheetsBuilt
        do throws(Diagnostic) {
            built = buildWorksheets(WorksheetFile.all(in: site.folder), settings: settings(site, words),
                                    previous: previous, scratch: try scratch())
        } catch {
            var failed = WorksheetsBuilt()
            failed.diagnostics = [error]
            return failed
        }
        for (path, data) in built.files.sorted(by: { $0.key < $1.key }) {
            do throws(Diagnostic) { try output.write(data, to: path) } catch { built.diagnostics.append(error) }
        }
        return built
    }

    /// A language's worksheet settings: its site.yaml settings, words and folder.
    static func settings(_ site: Site, _ words: InterfaceWords) -> WorksheetSettings {
        var settings = WorksheetSettings(site: site.config, words: WorksheetWords(words))
        settings.urlPrefix = site.urlPrefix
        return settings
    }

    /// What the site shows of every language's worksheets, by language code.
    static func listings(_ built: [String: WorksheetsBuilt], sources: SiteBuilder.Sources) -> [String: [WorksheetListing]] {
        var listings: [String: [WorksheetListing]] = [:]
        for site in sources.site.allLanguages {
            guard let words = sources.words[site.language] else { continue }
            listings[site.language] = self.listings(built[site.language] ?? WorksheetsBuilt(), site: site, words: words)
        }
        return listings
    }

    /// What the site shows of each worksheet: its page, downloads and tool page.
    static func listings(_ built: WorksheetsBuilt, site: Site, words interface: InterfaceWords) -> [WorksheetListing] {
        let words = WorksheetWords(interface)
        return built.worksheets.map { laidOut in
            let worksheet = laidOut.worksheet
            let downloads = Paper.allCases.compactMap { paper -> WorksheetListing.Download? in
                guard let file = laidOut.pdfFiles[paper] else { return nil }
                let pages = laidOut.pageCount(paper)
                return .init(label: words.paperName(paper), file: file, pages: pages, pagesLabel: words.pageCount(pages))
            }
            let toolPage = worksheet.tool.map { "toolbox/\($0).md" }
                ?? site.pages.first { $0.kind == .tool && $0.settings.worksheet == worksheet.slug }?.contentPath
            var listing = WorksheetListing(slug: worksheet.slug, title: worksheet.title, description: worksheet.description,
                                           sourcePath: worksheet.sourcePath, htmlPreview: laidOut.htmlPreview,
                                           downloads: downloads, toolPage: toolPage)
            listing.urlPrefix = site.urlPrefix
            return listing
        }
    }
}
