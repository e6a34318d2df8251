import Content

/// A file of the whole site made from many pages (the sitemap, robots.txt,
/// the meeting calendars), with what it shows of pages: preview makes it
/// again after a save only when a page of those kinds changed one of those
/// facts, without knowing the file by name.
public struct SiteFileMaker: Sendable {
    /// For timings and messages, e.g. "meeting calendars".
    public let name: String
    /// Which facts of which pages it shows; empty when none (robots.txt).
    public let shows: PageFacts
    /// Nil: pages of every kind.
    public let ofKinds: Set<PageKind>?
    let make: @Sendable (SiteRenderer) -> [SiteRenderer.Output]

    /// Whether a page of `kind` changing `facts` changes this file.
    public func isChanged(by facts: PageFacts, ofKind kind: PageKind) -> Bool {
        !shows.isDisjoint(with: facts) && (ofKinds?.contains(kind) ?? true)
    }

    public func files(_ renderer: SiteRenderer) -> [SiteRenderer.Output] { make(renderer) }
}

extension SiteRenderer {
    /// The site files made from pages, in the order a build writes them.
    /// search.json comes first and is made apart (preview keeps its entries).
    /// The sitemap and robots.txt are one for every language, at the site's
    /// root: the default language's renderer makes them.
    public var siteFileMakers: [SiteFileMaker] {
        let calendars = SiteFileMaker(name: "meeting calendars", shows: [.meetingSchedule, .title, .description, .address],
                                      ofKinds: [.meeting]) { $0.meetingCalendars() }
        guard site.urlPrefix.isEmpty else { return [calendars] }
        return [
            SiteFileMaker(name: "sitemap", shows: .address, ofKinds: nil) { renderer in
                [Output(path: "sitemap.xml", text: Sitemap.xml(renderer.allLanguages))]
            },
            SiteFileMaker(name: "robots.txt", shows: [], ofKinds: nil) { renderer in
                [Output(path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(renderer.site.config.baseURL)sitemap.xml\n")]
            },
            calendars,
        ]
    }

    /// One `.ics` per meeting and `meetings.ics`; nothing on a site without meetings.
    func meetingCalendars() -> [Output] {
        let meetings = data.meetings
        guard !meetings.isEmpty else { return [] }
        let words = data.words.meetings
        // A shared meeting's own calendar is published by its own language's site.
        return meetings.filter { site.page(at: $0.contentPath) != nil }.compactMap { page in
            MeetingCalendar.file(for: page, site: site, words: words).map { Output(path: MeetingCalendarPaths.file(of: page), text: $0) }
        } + [Output(path: site.urlPrefix + MeetingCalendarPaths.feed, text: MeetingCalendar.feed(site: site, words: words))]
    }
}
