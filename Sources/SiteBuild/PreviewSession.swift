import Content
import Diagnostics
import Foundation
import Images
import Rendering
import Worksheets

/// What one preview build changed in the served site.
public struct PreviewUpdate: Sendable {
    public enum Reload: Sendable, Equatable {
        /// Nothing the browser shows changed.
        case none
        /// Reload the page.
        case page
        /// Only these stylesheets changed (paths below the site root): swap them in place.
        case styles([String])
    }

    /// Files written, by path below the site root. After a full build, the
    /// whole site: anything not in it is gone.
    public var files: [String: Data] = [:]
    /// Files changed too, to be made when first asked for (search.json).
    public var deferred: [String: DeferredFile] = [:]
    public var replacesAll = false
    public var removed: [String] = []
    public var reload: Reload = .none
    /// Empty after a good build; otherwise the build failed and nothing else changed.
    public var errors: [Diagnostic] = []
    public var warnings: [Diagnostic] = []
    /// e.g. "content/about.md: 3 pages" or "full build: 10,012 pages".
    public var summary = ""
    public var seconds = 0.0
    /// Seconds per named step, for `smartsite preview --timings`.
    public var steps: [(name: String, seconds: Double)] = []

    public var failed: Bool { !errors.isEmpty }
}

/// A file of the site made only when it is first asked for: search.json is
/// tens of megabytes on a large site and only the search page reads it, so
/// a reload need not wait for it.
public struct DeferredFile: Sendable {
    public let make: @Sendable () -> Data
}

/// The site as `smartsite preview` keeps it between saves: the loaded pages,
/// templates and worksheets of the last good build, so that a change to one
/// file re-renders only what shows it. Not thread-safe: the preview's
/// rebuild actor owns it, so rebuilds run one at a time.
///
/// A change whose rebuild fails is kept and tried again with the next ones,
/// so a page that is still broken on disk is never silently skipped.
public final class PreviewSession {
    public let options: BuildOptions
    private var last: Built?
    private var failed: Set<SourceChange> = []
    /// A folder for Ghostscript to write in; everything else stays in memory.
    private let scratch: URL

    struct Built {
        var sources: SiteBuilder.Sources
        /// By language code.
        var worksheets: [String: WorksheetsBuilt]
        /// The meetings flyers' PDFs by language code, kept while no meeting changes.
        var flyers: [String: MeetingFlyersBuilt]
        /// The resized images, kept for the next full build to reuse.
        var images: ImageStep.Built
        /// search.json entries, in page order, so a changed page makes only its own again.
        var searchEntries: [String]
        var site: Site { sources.site }
    }

    public init(options: BuildOptions) {
        self.options = options
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("smartsite-preview-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    }

    /// Removes Ghostscript's folder.
    public func close() {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Builds everything.
    public func buildAll() -> PreviewUpdate {
        let started = DispatchTime.now()
        var update = fullBuild()
        failed = []
        update.seconds = Self.seconds(since: started)
        return update
    }

    /// Rebuilds what depends on the changed files.
    public func apply(_ changes: Set<SourceChange>) -> PreviewUpdate {
        let started = DispatchTime.now()
        let all = failed.union(changes)
        var update: PreviewUpdate
        if let last {
            do throws(DiagnosticsError) {
                update = try incremental(all.sorted(), from: last) ?? fullBuild()
            } catch {
                update = Self.failure(error)
            }
        } else {
            update = fullBuild()
        }
        failed = update.failed ? all : []
        update.seconds = Self.seconds(since: started)
        return update
    }

    // MARK: - Full builds

    private func fullBuild() -> PreviewUpdate {
        var report = BuildReport()
        var clock = StepClock()
        do throws(DiagnosticsError) {
            let sources = try SiteBuilder.loadSources(options, report: &report, clock: &clock, progress: { _ in })
            let output = MemoryOutput()
            let worksheets = makeWorksheets(sources, into: output)
            clock.lap(.worksheets, into: &report)
            let flyers = makeFlyers(sources, into: output)
            clock.lap(.meetingFlyer, into: &report)
            let images = try BuildStep.images.run { () throws(DiagnosticsError) in
                try ImageStep.run(site: sources.site, output: output, previous: .files(last?.images.filesByPath ?? [:]))
            }
            clock.lap(.images, into: &report)
            let renderer = try SiteBuilder.render(sources, worksheets: worksheets, flyers: flyers, images: images, options: options,
                                                  to: output, report: &report, clock: &clock, progress: { _ in })
            last = Built(sources: sources, worksheets: worksheets, flyers: flyers, images: images,
                         searchEntries: sources.site.pages.parallelMap(renderer.searchEntry))
            clock.lap(.searchEntries, into: &report)
            var update = PreviewUpdate(files: output.files, replacesAll: true, reload: .page, warnings: report.warnings)
            update.steps = report.steps
            update.summary = "the whole site: \(report.pagesWritten) pages rendered"
            return update
        } catch {
            return Self.failure(error)
        }
    }

    /// The worksheet step into `output`, keeping the PDFs of the last good
    /// build whose worksheet did not change.
    private func makeWorksheets(_ sources: SiteBuilder.Sources, into output: MemoryOutput) -> [String: WorksheetsBuilt] {
        let previous = (last?.worksheets.values).map { $0.reduce(into: [String: Data]()) { $0.merge($1.files) { a, _ in a } } } ?? [:]
        return WorksheetStep.runEveryLanguage(options: options, sources: sources, output: output, previous: .files(previous),
                                              scratch: makeScratch)
    }

    /// Every language's meetings flyer into `output`, kept when its PostScript did not change.
    private func makeFlyers(_ sources: SiteBuilder.Sources, into output: MemoryOutput) -> [String: MeetingFlyersBuilt] {
        let previous = (last?.flyers.values).map { $0.reduce(into: [String: Data]()) { $0.merge($1.files) { a, _ in a } } } ?? [:]
        return MeetingFlyerStep.runEveryLanguage(options: options, sources: sources, output: output, previous: .files(previous),
                                                 scratch: makeScratch)
    }

    private func makeScratch() throws(Diagnostic) -> URL {
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw .error(scratch.path, "cannot create a folder for Ghostscript: \(SystemError.text(error))",
                         fix: "check that you may write to \(FileManager.default.temporaryDirectory.path)")
        }
        return scratch
    }

    // MARK: - Incremental builds

    /// What a set of changes asks for; nil from `plan` means a full build.
    private struct Plan {
        var pages: [String] = []
        var templates = false
        var worksheets = false
        /// Copied as they are: (source file, path below the site root).
        var copies: [(from: URL, to: String, isAsset: Bool)] = []
        var ignored: [SourceChange] = []
    }

    private func plan(_ changes: [SourceChange], site: Site) -> Plan? {
        var plan = Plan()
        var linkedFiles: Set<String>?
        func linked(_ site: Site) -> Set<String> {
            if let linkedFiles { return linkedFiles }
            let files = Set(site.linkedFiles())
            linkedFiles = files
            return files
        }
        let files = FileManager.default
        for change in changes {
            switch change.kind {
            case .everything:
                return nil
            case .page(let path):
                // A page added or removed changes lists, links and checks
                // everywhere: a full build. A draft is loaded to see whether
                // it is still one.
                let known = site.folder.markdownFiles.contains(path)
                if files.fileExists(atPath: site.folder.url(path).path) {
                    guard known else { return nil }
                    // Another language's schedule lists this meeting too, and
                    // its pages are made by full builds.
                    if site.translations.contains(where: { $0.sharedMeetings.contains { $0.contentPath == path } }) { return nil }
                    plan.pages.append(path)
                } else if known {
                    return nil
                } else {
                    plan.ignored.append(change)  // an editor's temporary file, gone again
                }
            case .worksheet(let path):
                guard files.fileExists(atPath: site.folder.url(path).path), site.worksheetFiles.contains(path) else { return nil }
                plan.worksheets = true
            case .contentFile(let path):
                // Added or removed: links to it may start or stop working.
                let source = site.folder.url(path)
                let known = site.folder.hasOtherFile(path)
                if files.fileExists(atPath: source.path) {
                    guard known else { return nil }
                    // A changed image is resized again (and the pages showing it
                    // get its new sizes): a full build, which keeps the other images.
                    if ImageFormat.named(path) != nil, linked(site).contains(path) { return nil }
                    // Only what a page links to is published, in preview as in a build.
                    if linked(site).contains(path) { plan.copies.append((source, path, false)) } else { plan.ignored.append(change) }
                } else if known {
                    return nil
                } else {
                    plan.ignored.append(change)  // a temporary file, gone again
                }
            case .template:
                plan.templates = true
            case .asset(let path):
                plan.copies.append((URL(fileURLWithPath: options.templatesFolder).appendingPathComponent(path), path, true))
            case .ignored:
                plan.ignored.append(change)
            }
        }
        return plan
    }

    /// Rebuilds what the changes touch on top of the last good build; nil
    /// when they need a full build.
    private func incremental(_ changes: [SourceChange], from last: Built) throws(DiagnosticsError) -> PreviewUpdate? {
        guard let plan = plan(changes, site: last.site) else { return nil }
        var update = PreviewUpdate()
        var report = BuildReport()
        var clock = StepClock()
        var sources = last.sources
        if plan.templates {
            sources.templates = try SiteBuilder.loadTemplates(options)
        }

        // Pages: load the changed ones again and check the site with them in.
        var problems: [Diagnostic] = []
        guard let changedPages = try reload(plan.pages, in: last.site, problems: &problems) else { return nil }
        clock.lap(.loadContent, into: &report)
        if !changedPages.isEmpty {
            sources.site = last.site.replacing(changedPages.map(\.new))
            // A page that links to a file for the first time (or no longer)
            // changes what is published: a full build puts that right.
            let linksChanged = changedPages.contains { $0.old.content.links.map(\.destination) != $0.new.content.links.map(\.destination) }
            if linksChanged, sources.site.linkedFiles() != last.site.linkedFiles() { return nil }
            problems += check(sources.site, changed: changedPages)
            if problems.contains(where: \.isError) { throw DiagnosticsError(problems) }
        }
        update.warnings = problems + (plan.templates ? sources.templates.warnings : [])
        clock.lap(.checkSite, into: &report)

        let output = MemoryOutput()
        var allWorksheets = last.worksheets
        if plan.worksheets {
            allWorksheets = makeWorksheets(sources, into: output)
            update.warnings += allWorksheets.values.flatMap { $0.diagnostics.filter { !$0.isError } }
            clock.lap(.worksheets, into: &report)
        }
        // The flyer shows the meetings and the meetings page's title.
        var flyers = last.flyers
        if changedPages.contains(where: { MeetingFlyerStep.isChanged(from: $0.old, to: $0.new) }) {
            flyers = makeFlyers(sources, into: output)
            update.warnings += flyers.values.flatMap { $0.diagnostics.filter { !$0.isError } }
            clock.lap(.meetingFlyer, into: &report)
        }
        // Every language's renderer; a changed page is one of the default
        // language's (another language's is a full build, see `plan`).
        let renderer = SiteRenderer.everyLanguage(site: sources.site, templates: sources.templates,
                                                  worksheets: WorksheetStep.listings(allWorksheets, sources: sources),
                                                  workbooks: WorksheetStep.workbooks(allWorksheets, sources: sources),
                                                  pointWorkbooks: WorksheetStep.pointWorkbooks(allWorksheets, sources: sources),
                                                  words: sources.words, images: last.images.published,
                                                  meetingFlyers: MeetingFlyerStep.downloads(flyers, sources: sources))
        // Layouts are checked on every page only when templates changed or a changed page names a missing one.
        let layoutsToCheck = plan.templates || changedPages.contains { !sources.templates.names.contains(renderer.templateName(for: $0.new)) }
        // A template change is checked against every language's pages, as a full build does.
        let checked = plan.templates ? renderer.allLanguages : [renderer]
        let checks = checked.flatMap { PageTemplateChecks(renderer: $0, templatesFolder: options.templatesFolder).run(layouts: layoutsToCheck) }
            + WorksheetStep.problems(allWorksheets[sources.site.language] ?? WorksheetsBuilt(), site: sources.site)
            + (flyers[sources.site.language]?.diagnostics ?? []).filter(\.isError)
        if !checks.isEmpty { throw DiagnosticsError(checks) }
        clock.lap(.checkTemplates, into: &report)

        var searchEntries = last.searchEntries
        var pagesRendered = 0
        if plan.templates {
            // Every page of every language; search.json, the sitemap and robots.txt do not depend on templates.
            for language in renderer.allLanguages {
                try SiteBuilder.writePages(language.site.pages, renderer: language, to: output)
                pagesRendered += language.site.pages.count + (try SiteBuilder.writeFiles(language.templatedSiteFiles(), to: output))
            }
            clock.lap(.renderPages, into: &report)
        } else {
            let dependents = Dependents(changed: changedPages,
                                        before: {
                                            SiteRenderer.everyLanguage(site: last.site, templates: last.sources.templates,
                                                                       worksheets: WorksheetStep.listings(last.worksheets, sources: last.sources),
                                                                       words: last.sources.words).readers
                                        },
                                        after: renderer.readers)
            // Tool pages show their worksheet's title, description and downloads
            // (named by the tool page or by the worksheet's `tool:`).
            let pages = sources.site.pages.filter {
                dependents.pages.contains($0.contentPath) || (plan.worksheets && $0.kind == .tool)
            }
            try SiteBuilder.writePages(pages, renderer: renderer, to: output)
            pagesRendered = pages.count
            clock.lap(.renderPages, into: &report)
            // search.json is tens of megabytes on a large site: made again
            // only when an entry in it changed, and only when asked for.
            var entriesChanged = plan.worksheets
            for position in sources.site.pages.indices where dependents.searchEntries.contains(sources.site.pages[position].contentPath) {
                let entry = renderer.searchEntry(for: sources.site.pages[position])
                if entry != searchEntries[position] {
                    searchEntries[position] = entry
                    entriesChanged = true
                }
            }
            if entriesChanged {
                let entries = searchEntries
                update.deferred[renderer.searchIndexPath] = DeferredFile { renderer.searchIndex(pageEntries: entries) }
            }
            clock.lap(.searchEntries, into: &report)
            if dependents.worksheetPages || plan.worksheets {
                pagesRendered += try SiteBuilder.writeFiles(renderer.worksheetPages(), to: output)
            }
            // The site files that show what changed (the meeting calendars after a meeting's save).
            let makers = renderer.siteFileMakers.filter { maker in
                changedPages.contains { maker.isChanged(by: PageFacts(changedFrom: $0.old, to: $0.new), ofKind: $0.new.kind) }
            }
            try SiteBuilder.writeFiles(makers.flatMap { $0.files(renderer) }, to: output)
        }

        let stylesheets = copy(plan.copies, to: output, removed: &update.removed)
        clock.lap(.finish, into: &report)
        update.steps = report.steps
        self.last = Built(sources: sources, worksheets: allWorksheets, flyers: flyers, images: last.images, searchEntries: searchEntries)
        update.files = output.files
        let onlyStyles = !update.files.isEmpty && stylesheets.count == update.files.count && update.removed.isEmpty
            && update.deferred.isEmpty
        let nothing = update.files.isEmpty && update.removed.isEmpty && update.deferred.isEmpty
        update.reload = onlyStyles ? .styles(stylesheets.sorted()) : (nothing ? .none : .page)
        let names = changes.filter { !plan.ignored.contains($0) }.map { $0.displayName(options) }
        let rendered = pagesRendered == 0 && !plan.copies.isEmpty ? "copied" : "\(pagesRendered) page\(pagesRendered == 1 ? "" : "s") rendered"
        update.summary = names.joined(separator: ", ") + ": " + rendered
        return update
    }

    /// The changed pages, before and after; nil when one was added to or
    /// removed from the site (a draft published or made a draft again),
    /// which needs a full build. Throws when one has errors.
    private func reload(_ paths: [String], in site: Site,
                        problems: inout [Diagnostic]) throws(DiagnosticsError) -> [(old: Page, new: Page)]? {
        var changed: [(old: Page, new: Page)] = []
        for path in paths {
            let loaded = site.reload(page: path, includeDrafts: options.includeDrafts)
            problems += loaded.diagnostics
            let hasErrors = loaded.diagnostics.contains(where: \.isError)
            switch (site.page(at: path), loaded.page) {
            case (let old?, let new?):
                if Dependents.needsFullRebuild(old: old, new: new) { return nil }
                changed.append((old, new))
            case (nil, _?): return nil                   // a draft no longer
            case (_?, nil) where !hasErrors: return nil  // made a draft
            default: break                               // still a draft, or broken
            }
        }
        if problems.contains(where: \.isError) { throw DiagnosticsError(problems) }
        return changed
    }

    /// Copies files kept as they are (assets, images); returns the
    /// stylesheets among them. A file that is gone is removed.
    private func copy(_ copies: [(from: URL, to: String, isAsset: Bool)], to output: MemoryOutput, removed: inout [String]) -> [String] {
        var stylesheets: [String] = []
        for copy in copies {
            if let data = FileManager.default.contents(atPath: copy.from.path) {
                output.write(copy.isAsset ? CompactStylesheet.published(data, as: copy.to) : data, to: copy.to)
                if copy.to.hasSuffix(".css") { stylesheets.append(copy.to) }
            } else {
                removed.append(copy.to)
            }
        }
        return stylesheets
    }

    /// The whole-site checks after pages changed: none when nothing they
    /// look at changed (the usual edit of the text), those pages' links when
    /// their heading ids stayed the same, every page's otherwise.
    private func check(_ site: Site, changed: [(old: Page, new: Page)]) -> [Diagnostic] {
        if changed.allSatisfy({ $0.old.checksSame(as: $0.new) }) { return [] }
        let sameHeadings = changed.allSatisfy { $0.old.content.headings.map(\.id) == $0.new.content.headings.map(\.id) }
        return site.check(only: sameHeadings ? Set(changed.map(\.new.contentPath)) : nil)
    }

    private static func failure(_ error: DiagnosticsError) -> PreviewUpdate {
        let errors = error.diagnostics.filter(\.isError)
        var update = PreviewUpdate(reload: .page, errors: errors)
        update.warnings = error.diagnostics.filter { !$0.isError }
        update.summary = "failed with \(errors.count) error\(errors.count == 1 ? "" : "s")"
        return update
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

extension SourceChange {
    func displayName(_ options: BuildOptions) -> String {
        switch self {
        case .content(let path): return options.contentFolder + "/" + path
        case .template(let path): return options.templatesFolder + "/" + path
        case .everything: return "every file"
        }
    }
}
