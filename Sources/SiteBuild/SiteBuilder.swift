import Content
import Diagnostics
import Foundation
import Rendering
import Worksheets
import SourceFiles

/// The build as a list of named steps: load → render → write → swap in.
/// Any error stops it before the swap, so `output/` is only ever replaced by
/// a complete site. Every step's time is kept for the summary and benchmarks.
public enum SiteBuilder {
    /// Templates the site cannot do without, beyond the per-kind ones.
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws(DiagnosticsError) -> BuildReport {
        var report = BuildReport()
        var clock = StepClock()
        let sources = try loadSources(options, report: &report, clock: &clock, progress: progress)
        if options.audits {
            let audit = SiteAudit(site: sources.site)
            report.warnings += audit.run()
            report.externalLinks = audit.externalLinks()
            if options.readingTable { report.readingTable = CareCheck(site: sources.site).readingTable() }
            for translation in sources.site.translations {
                report.warnings += SiteAudit(site: translation).run()
                report.warnings += TranslationCheck.stale(translation, original: sources.site)
            }
            report.untranslated = TranslationCheck.untranslated(sources.site)
            clock.lap(.audit, into: &report)
        }
        defer {
            if !options.freesMemoryAtEnd { _ = Unmanaged.passRetained(KeptUntilExit(sources)) }
        }

        let output: OutputFolder
        do throws(Diagnostic) { output = try OutputFolder.prepared(for: options) } catch { throw DiagnosticsError([error]) }

        // From here on, any failure throws away the staging folder.
        do throws(DiagnosticsError) {
            progress("Making worksheets")
            let worksheets = WorksheetStep.runEveryLanguage(options: options, sources: sources, output: output,
                                                            previous: .folder(output.existing), scratch: output.makeScratch)
            for built in worksheets.values {
                report.worksheetsBuilt += built.worksheets.count
                report.pdfsDistilled += built.distilled
                report.pdfsReused += built.reused
            }
            clock.lap(.worksheets, into: &report)

            let flyers = MeetingFlyerStep.runEveryLanguage(options: options, sources: sources, output: output,
                                                           previous: .folder(output.existing), scratch: output.makeScratch)
            for built in flyers.values {
                report.pdfsDistilled += built.distilled
                report.pdfsReused += built.reused
            }
            clock.lap(.meetingFlyer, into: &report)

            progress("Resizing images")
            let images = try BuildStep.images.run { () throws(DiagnosticsError) in
                try ImageStep.run(site: sources.site, output: output, previous: .folder(output.existing))
            }
            report.imagesResized = images.made
            report.imagesReused = images.reused
            clock.lap(.images, into: &report)

            if options.offline {
                _ = try render(sources, worksheets: worksheets, flyers: flyers, images: images, options: options,
                               to: OfflineCopy(output: output),
                               report: &report, clock: &clock, progress: progress)
            } else {
                _ = try render(sources, worksheets: worksheets, flyers: flyers, images: images, options: options, to: output,
                               report: &report, clock: &clock, progress: progress)
            }

            do throws(Diagnostic) { try output.commit() } catch { throw DiagnosticsError([error], step: BuildStep.swapIn.doing) }
            if options.audits {
                // On the pages as built: a template that drops a help line fails here.
                let site = sources.site
                let folder = URL(fileURLWithPath: options.outputFolder)
                report.builtPageProblems = HelpLinesCheck.check(outputFolder: folder, lines: site.config.helpLines,
                                                                templatesDisplayPath: options.templatesFolder,
                                                                besides: site.translations.map(\.urlPrefix))
                for translation in site.translations {
                    report.builtPageProblems += HelpLinesCheck.check(outputFolder: folder, lines: translation.config.helpLines,
                                                                     templatesDisplayPath: options.templatesFolder,
                                                                     inFolder: translation.urlPrefix)
                }
            }
            clock.lap(.swapIn, into: &report)
        } catch {
            output.discard()
            throw error
        }
        return report
    }

    /// Holds what `freesMemoryAtEnd: false` leaves for the process exit.
    private final class KeptUntilExit: @unchecked Sendable {
        let sources: Sources
        init(_ sources: Sources) { self.sources = sources }
    }

    /// What a build reads before it writes anything.
    struct Sources {
        var site: Site
        var templates: TemplateLibrary
        /// Every language's words (`templates/i18n/CODE.yaml`), by code.
        var words: [String: InterfaceWords]
    }

    static func loadSources(_ options: BuildOptions, report: inout BuildReport, clock: inout StepClock,
                            progress: (String) -> Void) throws(DiagnosticsError) -> Sources {
        progress("Reading content")
        let (site, contentWarnings) = try BuildStep.loadContent.run { () throws(DiagnosticsError) in
            try Site.load(contentRoot: URL(fileURLWithPath: options.contentFolder), displayRoot: options.contentFolder,
                          options: loadOptions(options))
        }
        report.warnings += contentWarnings
        clock.lap(.loadContent, into: &report)

        let templates = try BuildStep.loadTemplates.run { () throws(DiagnosticsError) in try loadTemplates(options) }
        report.warnings += templates.warnings
        let words = try BuildStep.loadTemplates.run { () throws(DiagnosticsError) in
            try InterfaceWords.load(languages: site.config.languageCodes, templatesFolder: options.templatesFolder)
        }
        report.warnings += WordsCheck.unknownKeys(in: templates, words: words)
        clock.lap(.loadTemplates, into: &report)
        return Sources(site: site, templates: templates, words: Dictionary(words.map { ($0.language, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    static func loadOptions(_ options: BuildOptions) -> Site.LoadOptions {
        var load = Site.LoadOptions(includeDrafts: options.includeDrafts, baseURL: options.baseURL,
                                    markdownWords: InterfaceWords.markdownWords(templatesFolder: options.templatesFolder))
        // `check` reads every page's HTML for its reading grade after loading.
        load.keptPageBodies = options.audits ? .max : options.keptPageBodies
        return load
    }

    static func loadTemplates(_ options: BuildOptions) throws(DiagnosticsError) -> TemplateLibrary {
        try TemplateLibrary(folder: URL(fileURLWithPath: options.templatesFolder), displayRoot: options.templatesFolder)
    }

    /// Pages, site files and static files into `output`, after the checks
    /// that need the templates and worksheets. Shared by `build` (staging
    /// folder) and preview (memory).
    static func render(_ sources: Sources, worksheets: [String: WorksheetsBuilt], flyers: [String: MeetingFlyersBuilt] = [:],
                       images: ImageStep.Built, options: BuildOptions,
                       to output: some SiteOutput,
                       report: inout BuildReport, clock: inout StepClock,
                       progress: (String) -> Void) throws(DiagnosticsError) -> SiteRenderer {
        let main = SiteRenderer.everyLanguage(site: sources.site, templates: sources.templates,
                                              worksheets: WorksheetStep.listings(worksheets, sources: sources),
                                              workbooks: WorksheetStep.workbooks(worksheets, sources: sources),
                                              pointWorkbooks: WorksheetStep.pointWorkbooks(worksheets, sources: sources),
                                              words: sources.words, images: images.published,
                                              meetingFlyers: MeetingFlyerStep.downloads(flyers, sources: sources))
        var problems: [Diagnostic] = []
        for renderer in main.allLanguages {
            let built = worksheets[renderer.site.language] ?? WorksheetsBuilt()
            let flyersBuilt = flyers[renderer.site.language] ?? MeetingFlyersBuilt()
            report.warnings += (built.diagnostics + flyersBuilt.diagnostics).filter { !$0.isError }
            problems += PageTemplateChecks(renderer: renderer, templatesFolder: options.templatesFolder).run()
                + WorksheetStep.problems(built, site: renderer.site) + flyersBuilt.diagnostics.filter(\.isError)
        }
        if !problems.isEmpty { throw DiagnosticsError(report.warnings + problems, step: BuildStep.checkTemplates.doing) }
        // A picture both languages show is copied once; the image step published its own.
        let published = Set(images.images.keys)
        let copiedByDefault = main.translations.isEmpty ? published : published.union(sources.site.linkedFiles())
        for renderer in main.allLanguages {
            try render(renderer, worksheets: worksheets[renderer.site.language] ?? WorksheetsBuilt(),
                       flyers: flyers[renderer.site.language] ?? MeetingFlyersBuilt(), images: images,
                       options: options, to: output, written: renderer.site.urlPrefix.isEmpty ? published : copiedByDefault,
                       report: &report, clock: &clock, progress: progress)
        }
        return main
    }

    /// One language's pages, site files and the content files its pages link to.
    private static func render(_ renderer: SiteRenderer, worksheets: WorksheetsBuilt, flyers: MeetingFlyersBuilt, images: ImageStep.Built,
                               options: BuildOptions, to output: some SiteOutput,
                               written: Set<String>, report: inout BuildReport, clock: inout StepClock,
                               progress: (String) -> Void) throws(DiagnosticsError) {
        let site = renderer.site
        progress("Writing \(site.pages.count) pages")
        // The site-wide files (search index, sitemap) need no page's HTML, so
        // they are made on another thread while the pages render: joining the
        // search index of a large site is work that cannot be split up. They
        // are written after the pages, from here: a build that failed writes
        // nothing more, and a site file (search/) always wins over a page
        // at the same address, as it did before.
        let siteFiles = Background { renderer.siteFiles() }
        do throws(DiagnosticsError) {
            try BuildStep.renderPages.run { () throws(DiagnosticsError) in try writePages(site.pages, renderer: renderer, to: output) }
        } catch {
            _ = siteFiles.result()
            throw error
        }
        report.pagesWritten += site.pages.count
        clock.lap(.renderPages, into: &report)

        let files = siteFiles.result()
        report.pagesWritten += try BuildStep.siteFiles.run { () throws(DiagnosticsError) in try writeFiles(files, to: output) }
        clock.lap(.siteFiles, into: &report)

        // What smartsite wrote itself, which no file of content/ may replace.
        var generated = Set(site.pages.map { SitePaths.outputFile(forURLPath: $0.urlPath) })
        generated.formUnion(files.map(\.path))
        generated.formUnion(worksheets.files.keys)
        generated.formUnion(flyers.files.keys)
        generated.formUnion(images.files.map(\.path))
        report.filesCopied += try BuildStep.copyFiles.run { () throws(DiagnosticsError) in
            try copyStaticFiles(site: site, options: options, output: output, generated: generated, written: written)
        }
        clock.lap(.copyFiles, into: &report)
    }

    /// Renders pages on all cores into `output`.
    static func writePages(_ pages: [Page], renderer: SiteRenderer, to output: some SiteOutput) throws(DiagnosticsError) {
        let failures = pages.parallelMap { page -> Diagnostic? in
            let file: SiteRenderer.Output
            do throws(Diagnostic) { file = renderer.render(try page.withBody()) } catch { return error }
            if let tooLarge = renderer.sizeProblem(of: file, source: page.sourcePath, template: renderer.templateName(for: page)) {
                return tooLarge
            }
            do throws(Diagnostic) { try output.write(file.text, to: file.path) } catch { return error }
            return nil
        }.compactMap { $0 }
        if !failures.isEmpty { throw DiagnosticsError(failures) }
    }

    /// Writes rendered files; returns how many of them are HTML pages.
    @discardableResult
    static func writeFiles(_ files: [SiteRenderer.Output], to output: some SiteOutput) throws(DiagnosticsError) -> Int {
        for file in files {
            do throws(Diagnostic) { try output.write(file.text, to: file.path) } catch { throw DiagnosticsError([error]) }
        }
        return files.filter { $0.path.hasSuffix(".html") }.count
    }

    /// `templates/assets/` → `output/assets/`, and the files of content/
    /// that pages link to or show (images, PDFs) to the same place below
    /// output/. Nothing else of content/ is published: a note left there, an
    /// editor's backup, a file nothing links to. A file that would take the
    /// place of one smartsite made (`content/search.json`) is an error
    /// naming both, not a silent replacement.
    /// `written`: files of content/ another step published already (the images).
    static func copyStaticFiles(site: Site, options: BuildOptions, output: some SiteOutput,
                                generated: Set<String>, written: Set<String> = []) throws(DiagnosticsError) -> Int {
        var problems: [Diagnostic] = []
        var sources: [(from: String, shown: String, to: String, isAsset: Bool)] = []
        let assetsRoot = options.templatesFolder + "/assets"
        // Another language's pages share the assets, and their linked files are
        // the default language's files (ContentFolder.language), copied from there.
        let copiesAssets = site.urlPrefix.isEmpty
        if copiesAssets, FileManager.default.fileExists(atPath: assetsRoot) {
            do throws(Diagnostic) {
                // The same walk as content/: no dot-files, backups or links out of the folder.
                let assets = try ContentFolder(root: URL(fileURLWithPath: assetsRoot), displayRoot: assetsRoot)
                problems += assets.diagnostics.filter(\.isError)
                for file in (assets.markdownFiles + assets.otherFiles).sorted() {
                    sources.append((assets.filePath(file), assets.displayPath(file), "assets/" + file, true))
                }
            } catch {
                problems.append(error)
            }
        }
        let taken = generated.union(sources.map(\.to))
        for file in site.linkedFiles() where !written.contains(file) {
            let shown = site.folder.sharedDisplayPath(file)
            if taken.contains(file) {
                problems.append(.error(shown, "this file would take the place of \(options.outputFolder)/\(file), which smartsite makes",
                                       fix: "rename the file (and the links to it), or move it into a folder of its own"))
                continue
            }
            sources.append((site.folder.sharedFilePath(file), shown, file, false))
        }
        var copied = 0
        for source in sources {
            guard let data = FileManager.default.contents(atPath: source.from) else {
                problems.append(.error(source.shown, "cannot read this file", fix: "check that it exists and that you may read it"))
                continue
            }
            let published = source.isAsset ? CompactStylesheet.published(data, as: source.to) : data
            do throws(Diagnostic) { try output.write(published, to: source.to) } catch { problems.append(error) }
            copied += 1
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return copied
    }
}

/// Times the steps of a build.
struct StepClock {
    private var last = DispatchTime.now()

    mutating func lap(_ step: BuildStep, into report: inout BuildReport) {
        let now = DispatchTime.now()
        report.steps.append((step.rawValue, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
