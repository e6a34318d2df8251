import Content
import DerivedFiles
import Diagnostics
import Foundation
import PostScript
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
        guard options.buildWorksheets else { return built }
        // One logo for every language, named in the site's own site.yaml.
        let logo = PrintedLogo.picture(site: sources.site, templatesFolder: options.templatesFolder)
        for site in sources.site.allLanguages {
            built[site.language] = run(options: options, site: site, words: sources.words[site.language], logo: logo, output: output,
                                       previous: previous, scratch: scratch)
        }
        return built
    }

    static func run(options: BuildOptions, site: Site, words: InterfaceWords?, logo: Picture?, output: some SiteOutput, previous: DerivedFileCache,
                    scratch: () throws(Diagnostic) -> URL) -> WorksheetsBuilt {
        guard options.buildWorksheets, !site.worksheetFiles.isEmpty, let words else { return WorksheetsBuilt() }
        var built: WorksheetsBuilt
        do throws(Diagnostic) {
            var languageSettings = settings(site, words)
            languageSettings.workbookParts = workbookParts(site)
            languageSettings.logo = logo
            built = buildWorksheets(WorksheetFile.all(in: site.folder), settings: languageSettings, previous: previous, scratch: try scratch())
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

    /// Every language's workbooks, by language code.
    static func workbooks(_ built: [String: WorksheetsBuilt], sources: SiteBuilder.Sources) -> [String: [WorksheetListing.Download]] {
        var workbooks: [String: [WorksheetListing.Download]] = [:]
        for site in sources.site.allLanguages {
            guard let words = sources.words[site.language], let languageBuilt = built[site.language] else { continue }
            workbooks[site.language] = self.workbooks(languageBuilt, words: words)
        }
        return workbooks
    }

    /// The workbooks made (every worksheet in one PDF), as downloads.
    static func workbooks(_ built: WorksheetsBuilt, words interface: InterfaceWords) -> [WorksheetListing.Download] {
        let words = WorksheetWords(interface)
        return Paper.allCases.compactMap { paper in
            guard let file = built.workbookFiles[paper], let pages = built.workbookPageCounts[paper] else { return nil }
            return .init(label: words.paperName(paper), file: file, pages: pages, pagesLabel: words.pageCount(pages))
        }
    }

    /// One workbook per point of the 4-Point Program: the worksheets of the
    /// tools serving it (a tool may serve several points, and its worksheet
    /// is then in each of their workbooks).
    static func workbookParts(_ site: Site) -> [WorkbookPart] {
        site.points.compactMap { point in
            guard let number = point.settings.point else { return nil }
            let tools = site.tools(serving: number)
            let names = tools.map { String(($0.contentPath as NSString).lastPathComponent.dropLast(".md".count)) }
            return WorkbookPart(key: "point-\(number)", title: point.title, tools: Set(names),
                                worksheets: Set(tools.compactMap(\.settings.worksheet)))
        }
    }

    /// Every language's point workbooks, by language code.
    static func pointWorkbooks(_ built: [String: WorksheetsBuilt], sources: SiteBuilder.Sources) -> [String: [WorkbookListing]] {
        var workbooks: [String: [WorkbookListing]] = [:]
        for site in sources.site.allLanguages {
            guard let words = sources.words[site.language], let languageBuilt = built[site.language] else { continue }
            workbooks[site.language] = pointWorkbooks(languageBuilt, words: words)
        }
        return workbooks
    }

    /// The points' workbooks made, as the worksheets page lists them.
    static func pointWorkbooks(_ built: WorksheetsBuilt, words interface: InterfaceWords) -> [WorkbookListing] {
        let words = WorksheetWords(interface)
        return built.partWorkbooks.map { made in
            WorkbookListing(title: made.part.title, downloads: Paper.allCases.compactMap { paper in
                guard let file = made.files[paper], let pages = made.pageCounts[paper] else { return nil }
                return .init(label: words.paperName(paper), file: file, pages: pages, pagesLabel: words.pageCount(pages))
            })
        }
    }

    /// What stops the build on the worksheets' side, the same in build, check
    /// and preview: their own errors and `tool:` settings naming no tool page.
    static func problems(_ built: WorksheetsBuilt, site: Site) -> [Diagnostic] {
        built.diagnostics.filter(\.isError) + toolProblems(built, site: site)
    }

    /// A worksheet's `tool:` that names no tool page would lose its link in
    /// silence: an error at the setting, with the nearest tool page's name.
    static func toolProblems(_ built: WorksheetsBuilt, site: Site) -> [Diagnostic] {
        let tools = site.pages.filter { $0.kind == .tool }.map(\.contentPath)
        return built.worksheets.compactMap { laidOut -> Diagnostic? in
            let worksheet = laidOut.worksheet
            guard let tool = worksheet.tool, !tools.contains("toolbox/\(tool).md") else { return nil }
            let names = tools.map { String($0.dropFirst("toolbox/".count).dropLast(".md".count)) }
            let suggestion = closestName(to: tool, in: names).map { "did you mean '\($0)'? " } ?? ""
            return .error(worksheet.sourcePath, line: worksheet.toolLine, column: 1,
                          "'tool' names the tool page '\(tool)', which does not exist (no \(site.folder.displayPath("toolbox/\(tool).md")))",
                          fix: suggestion + "write the name of a file in \(site.folder.displayRoot)/toolbox/ without `.md`, or delete the line")
        }
    }

    /// What the site shows of each worksheet: its page, downloads and tool page.
    static func listings(_ built: WorksheetsBuilt, site: Site, words interface: InterfaceWords) -> [WorksheetListing] {
        let words = WorksheetWords(interface)
        return built.worksheets.map { laidOut in
            let worksheet = laidOut.worksheet
            let downloads = laidOut.downloads(words).map { download in
                WorksheetListing.Download(label: download.label, file: download.file, pages: download.pages,
                                          pagesLabel: words.pageCount(download.pages))
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
