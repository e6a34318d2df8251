import Content

/// How meetings are listed: the week from Monday, by start time, then title.
public enum MeetingOrder {
    public static func weekly(_ a: Page, _ b: Page) -> Bool {
        guard let first = a.meeting, let second = b.meeting else { return a.contentPath < b.contentPath }
        let dayA = first.days.first?.position ?? 0, dayB = second.days.first?.position ?? 0
        if dayA != dayB { return dayA < dayB }
        return sameDay(a, b)
    }

    /// Within one day: by start time, then title.
    public static func sameDay(_ a: Page, _ b: Page) -> Bool {
        let startA = a.meeting?.start.minutes ?? 0, startB = b.meeting?.start.minutes ?? 0
        if startA != startB { return startA < startB }
        if a.title != b.title { return a.title < b.title }
        return a.contentPath < b.contentPath
    }
}

/// Where a meeting's calendar files are published.
public enum MeetingCalendarPaths {
    /// The whole schedule, to subscribe to.
    public static let feed = "meetings.ics"

    /// `meetings/tuesday-online/` → `meetings/tuesday-online/tuesday-online.ics`.
    public static func file(of page: Page) -> String {
        let name = page.urlPath.split(separator: "/").last.map(String.init) ?? "meeting"
        return page.urlPath + name + ".ics"
    }
}
