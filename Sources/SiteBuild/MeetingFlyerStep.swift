import Content
import DerivedFiles
import Diagnostics
import Foundation
import Rendering
import Worksheets

/// The printable schedule as a step of the build: the week's meetings in
/// the site's words, laid out and distilled on Letter and A4 (or kept from
/// the last build), written into the output, and offered on the meetings page.
enum MeetingFlyerStep {
    static let paths: [Paper: String] = [.letter: MeetingFlyerPaths.letter, .a4: MeetingFlyerPaths.a4]

    /// Nothing on a site without meetings, or built with `--no-worksheets`
    /// (which builds without Ghostscript).
    static func run(options: BuildOptions, site: Site, output: some SiteOutput, previous: DerivedFileCache,
                    scratch: () throws(Diagnostic) -> URL) -> MeetingFlyersBuilt {
        guard options.buildWorksheets, let flyer = flyer(site: site, words: .english) else { return MeetingFlyersBuilt() }
        let source = site.folder.displayPath(sectionPath)
        var built: MeetingFlyersBuilt
        do throws(Diagnostic) {
            var settings = WorksheetSettings(site: site.config)
            settings.logo = PrintedLogo.picture(site: site, templatesFolder: options.templatesFolder)
            built = buildMeetingFlyers(flyer, paths: paths, sourcePath: source, settings: settings,
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

    /// The flyers made, as the meetings page offers them.
    static func downloads(_ built: MeetingFlyersBuilt, site: Site) -> [WorksheetListing.Download] {
        let words = WorksheetSettings(site: site.config).words
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
    static func flyer(site: Site, words siteWords: SiteWords) -> MeetingFlyer? {
        let meetings = site.pages.filter { $0.kind == .meeting && $0.meeting != nil }.sorted(by: MeetingOrder.weekly)
        guard !meetings.isEmpty else { return nil }
        let words = siteWords.meetings
        let config = site.config
        let zones = Set(meetings.compactMap { $0.meeting?.timeZone })
        let days = Weekday.allCases.compactMap { day -> MeetingFlyer.Day? in
            let onDay = meetings.filter { $0.meeting?.days.contains(day) ?? false }.sorted(by: MeetingOrder.sameDay)
            guard !onDay.isEmpty else { return nil }
            return MeetingFlyer.Day(name: words.dayName(day), entries: onDay.compactMap { entry($0, words: words, siteLanguage: config.language) })
        }
        let helpWords = WorksheetSettings(site: config).words
        let helpLines = config.helpLines.map { line in
            let written = helpWords.helpLine(line.name, line.phone, line.text)
            var ways = written.hasPrefix(line.name) ? String(written.dropFirst(line.name.count)) : ": " + written
            if line.phone == nil && line.text == nil, let website = line.website, !line.name.lowercased().contains(shownAddress(website).lowercased()) {
                ways = ": " + shownAddress(website)
            }
            return MeetingFlyer.HelpLine(name: line.name, ways: ways)
        }
        let meetingsURL = config.address(of: "meetings/")
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
            language: config.language)
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
