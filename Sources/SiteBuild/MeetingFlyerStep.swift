import Content
import DerivedFiles
import Diagnostics
import Foundation
import PostScript
import Rendering
import Worksheets

/// The printable schedule as a step of the build: the week's meetings in
/// the site's words, laid out and distilled on Letter and A4 (or kept from
/// the last build), written into the output, and offered on the meetings page.
enum MeetingFlyerStep {
    /// Where a language's flyers go: meetings/flyer-letter.pdf, es/meetings/flyer-letter.pdf.
    static func paths(_ site: Site) -> [Paper: String] {
        [.letter: site.urlPrefix + MeetingFlyerPaths.letter, .a4: site.urlPrefix + MeetingFlyerPaths.a4]
    }

    /// The flyers of every language (each from its own meetings), by language code.
    static func runEveryLanguage(options: BuildOptions, sources: SiteBuilder.Sources, output: some SiteOutput,
                                 previous: DerivedFileCache, scratch: () throws(Diagnostic) -> URL) -> [String: MeetingFlyersBuilt] {
        var built: [String: MeetingFlyersBuilt] = [:]
        guard options.buildWorksheets else { return built }
        let logo = PrintedLogo.picture(site: sources.site, templatesFolder: options.templatesFolder)
        for site in sources.site.allLanguages {
            guard let words = sources.words[site.language] else { continue }
            built[site.language] = run(options: options, site: site, words: words, logo: logo, output: output, previous: previous,
                                       scratch: scratch)
        }
        return built
    }

    /// Nothing on a site without meetings, or built with `--no-worksheets`
    /// (which builds without Ghostscript).
    static func run(options: BuildOptions, site: Site, words: InterfaceWords, logo: Picture?, output: some SiteOutput, previous: DerivedFileCache,
                    scratch: () throws(Diagnostic) -> URL) -> MeetingFlyersBuilt {
        guard options.buildWorksheets, let flyer = flyer(site: site, words: words) else { return MeetingFlyersBuilt() }
        let source = site.folder.displayPath(sectionPath)
        var built: MeetingFlyersBuilt
        do throws(Diagnostic) {
            var settings = WorksheetSettings(site: site.config, words: WorksheetWords(words))
            settings.logo = logo
            built = buildMeetingFlyers(flyer, paths: paths(site), sourcePath: source, settings: settings,
                                       previous: previous, scratch: try scratch())
        } catch {
            var failed = MeetingFlyersBuilt()
            failed.diagnostics = [error]
            return failed
        }
        for (path, data) in built.files.sorted(by: { $0.key < $1.key }) {
            do throws(Diagnostic) { try output.write(data, to: path) } catch { built.diagnostics.append(error) }
        }
        return built
    }

    /// Every language's flyers as its meetings page offers them, by language code.
    static func downloads(_ built: [String: MeetingFlyersBuilt], sources: SiteBuilder.Sources) -> [String: [WorksheetListing.Download]] {
        var downloads: [String: [WorksheetListing.Download]] = [:]
        for site in sources.site.allLanguages {
            guard let words = sources.words[site.language], let languageBuilt = built[site.language] else { continue }
            downloads[site.language] = self.downloads(languageBuilt, site: site, words: words)
        }
        return downloads
    }

    /// The flyers made, as the meetings page offers them.
    static func downloads(_ built: MeetingFlyersBuilt, site: Site, words interface: InterfaceWords) -> [WorksheetListing.Download] {
        let words = WorksheetWords(interface)
        let paths = paths(site)
        return Paper.allCases.compactMap { paper in
            guard let path = paths[paper], built.files[path] != nil else { return nil }
            return .init(label: words.paperName(paper), file: path, pages: 1, pagesLabel: words.pageCount(1))
        }
    }

    static let sectionPath = "meetings/_index.md"

    /// Whether a page's change shows on the flyer: a meeting's settings or
    /// title, or the meetings page's title (the flyer's own). Preview makes
    /// the flyer again only then.
    static func isChanged(from old: Page, to new: Page) -> Bool {
        let facts = PageFacts(changedFrom: old, to: new)
        if new.kind == .meeting || old.kind == .meeting { return !facts.isDisjoint(with: [.meetingSchedule, .title]) }
        return new.contentPath == sectionPath && facts.contains(.title)
    }

    /// What the flyer says, or nil when the site has no meetings.
    static func flyer(site: Site, words interface: InterfaceWords) -> MeetingFlyer? {
        let meetings = site.meetings.sorted(by: MeetingOrder.weekly)
        guard !meetings.isEmpty else { return nil }
        let words = MeetingWords(interface)
        let config = site.config
        let zones = Set(meetings.compactMap { $0.meeting?.timeZone })
        let days = Weekday.allCases.compactMap { day -> MeetingFlyer.Day? in
            let onDay = meetings.filter { $0.meeting?.days.contains(day) ?? false }.sorted(by: MeetingOrder.sameDay)
            guard !onDay.isEmpty else { return nil }
            return MeetingFlyer.Day(name: words.dayName(day), entries: onDay.compactMap { entry($0, words: words, siteLanguage: config.language) })
        }
        let settings = WorksheetSettings(site: config, words: WorksheetWords(interface))
        let helpWords = settings.words
        let helpLines = config.helpLines.map { line in
            let written = helpWords.helpLine(line.name, line.phone, line.text)
            var ways = written.hasPrefix(line.name) ? String(written.dropFirst(line.name.count)) : ": " + written
            if line.phone == nil && line.text == nil, let website = line.website, !line.name.lowercased().contains(shownAddress(website).lowercased()) {
                ways = ": " + shownAddress(website)
            }
            return MeetingFlyer.HelpLine(name: line.name, ways: ways)
        }
        let meetingsURL = config.address(of: site.page(at: sectionPath)?.urlPath ?? site.urlPrefix + "meetings/")
        return MeetingFlyer(
            siteTitle: config.title,
            title: site.page(at: sectionPath)?.title ?? words.flyerTitle(config.title),
            subtitle: zones.count == 1 ? zones.first.map { words.flyerTimesIn(words.zoneName($0, style: .generic)) } : nil,
            exampleNote: meetings.contains { $0.meeting?.example ?? false } ? words.flyerExampleNote : nil,
            exampleTag: words.flyerExampleTag, days: days,
            helpHeading: words.flyerHelpHeading, helpLines: helpLines,
            meetingsURL: meetingsURL, moreAt: words.flyerMoreAt(shownAddress(meetingsURL)),
            officialFinder: words.flyerOfficialFinder,
            disclaimer: config.disclaimer ?? helpWords.disclaimer,
            documentTitle: words.flyerTitle(config.title), moreMeetings: words.flyerMoreMeetings,
            language: settings.language ?? config.language)
    }

    /// One meeting as the flyer lists it: start, end and zone, title, and
    /// how to join, where, who for and the language (when not the site's).
    private static func entry(_ page: Page, words: MeetingWords, siteLanguage: String) -> MeetingFlyer.Entry? {
        guard let meeting = page.meeting else { return nil }
        var details = [words.attendance(meeting.attendance)]
        if let place = meeting.place { details.append(MeetingPlaceText.oneLine(place)) }
        if meeting.audience != .open { details.append(words.audience(meeting.audience)) }
        if meeting.language != siteLanguage { details.append(words.language(meeting.language)) }
        return MeetingFlyer.Entry(start: meeting.start.twelveHour,
                                  end: words.flyerUntil(meeting.end.twelveHour, words.zoneName(meeting.timeZone, style: .shortGeneric)),
                                  title: page.title, details: details.joined(separator: words.flyerSeparator),
                                  isExample: meeting.example)
    }

    /// An address as people type it: `example.org/meetings/`, and a site's
    /// front page without the slash (`findtreatment.gov`).
    private static func shownAddress(_ url: String) -> String {
        let typed = MeetingFlyer.typed(url)
        return typed.filter { $0 == "/" }.count == 1 && typed.hasSuffix("/") ? String(typed.dropLast()) : typed
    }
}
