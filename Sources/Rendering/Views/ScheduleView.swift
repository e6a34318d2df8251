import Content

/// The week's meetings, on the meetings section page and the home page:
/// one entry per day that has meetings, Monday first, each day's meetings
/// by start time; and what the filters offer (only what some meeting has).
struct ScheduleView: TemplateView {
    enum Key: String, CaseIterable {
        case scheduleDays = "schedule_days"
        case hasSchedule = "has_schedule"
        case scheduleLanguages = "schedule_languages"
        case scheduleAudiences = "schedule_audiences"
        case scheduleCalendarURL = "schedule_calendar_url"
        case scheduleTimeZone = "schedule_time_zone"
        case scheduleHasExamples = "schedule_has_examples"
        case scheduleHasOnline = "schedule_has_online"
        case scheduleHasInPerson = "schedule_has_in_person"
        case hasLanguageFilter = "has_language_filter"
        case hasAudienceFilter = "has_audience_filter"
        case meetingsURL = "meetings_url"
        case flyerLetterURL = "flyer_letter_url"
        case flyerA4URL = "flyer_a4_url"
        case hasFlyers = "has_flyers"
    }

    static let reading = Reading(.meetings, shows: MeetingView.shows)

    /// The home page and the meetings section (`meetings/_index.md`).
    static func isShown(on page: Page) -> Bool {
        page.kind == .home || (page.kind == .section && page.sectionPath == "meetings")
    }

    let frame: PageFrame

    private var meetings: [Page] { frame.site.meetings }

    /// The languages to filter by: none unless meetings differ in it.
    private var languages: [String] {
        let codes = Set(meetings.compactMap { $0.meeting?.language }).sorted()
        return codes.count > 1 ? codes : []
    }

    private var audiences: [Meeting.Audience] {
        let present = Set(meetings.compactMap { $0.meeting?.audience })
        let audiences = Meeting.Audience.allCases.filter(present.contains)
        return audiences.count > 1 ? audiences : []
    }

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .scheduleDays:
            return Weekday.allCases.compactMap { day -> ScheduleDayView? in
                let onDay = meetings.filter { $0.meeting?.days.contains(day) ?? false }.sorted(by: MeetingOrder.sameDay)
                return onDay.isEmpty ? nil : ScheduleDayView(day: day, meetings: onDay, frame: frame)
            }
        case .hasSchedule: return !meetings.isEmpty
        case .scheduleLanguages: return languages.map { MeetingFilterView(code: $0, label: frame.site.words.meetings.language($0)) }
        case .scheduleAudiences: return audiences.map { MeetingFilterView(code: $0.rawValue, label: frame.site.words.meetings.audience($0)) }
        case .hasLanguageFilter: return !languages.isEmpty
        case .hasAudienceFilter: return !audiences.isEmpty
        case .scheduleCalendarURL: return TemplateText(frame.link(to: frame.site.site.urlPrefix + MeetingCalendarPaths.feed))
        case .scheduleTimeZone: return frame.site.site.config.timezone
        case .scheduleHasExamples: return meetings.contains { $0.meeting?.example ?? false } ? true : nil
        case .scheduleHasOnline: return meetings.contains { $0.meeting?.online != nil } ? true : nil
        case .scheduleHasInPerson: return meetings.contains { $0.meeting?.place != nil } ? true : nil
        case .meetingsURL:
            let site = frame.site.site
            return TemplateText(frame.link(to: site.page(at: "meetings/_index.md")?.urlPath ?? site.urlPrefix + "meetings/"))
        case .flyerLetterURL: return flyerLink(frame.site.site.urlPrefix + MeetingFlyerPaths.letter)
        case .flyerA4URL: return flyerLink(frame.site.site.urlPrefix + MeetingFlyerPaths.a4)
        case .hasFlyers: return !frame.site.meetingFlyers.isEmpty
        }
    }
}

/// The meetings page's link to a flyer, when it was made (not without Ghostscript).
extension ScheduleView {
    private func flyerLink(_ path: String) -> TemplateText? {
        frame.site.meetingFlyers.contains { $0.file == path } ? TemplateText(frame.link(to: path)) : nil
    }
}

/// One day of `schedule_days`.
struct ScheduleDayView: TemplateView {
    enum Key: String, CaseIterable {
        case day
        case dayName = "day_name"
        case meetings
    }

    let day: Weekday
    let meetings: [Page]
    let frame: PageFrame

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .day: return day.rawValue
        case .dayName: return frame.site.words.meetings.dayName(day)
        case .meetings: return meetings.map { MeetingView(page: $0, frame: frame) }
        }
    }
}

/// One choice of a schedule filter: a language or an audience.
struct MeetingFilterView: TemplateView {
    enum Key: String, CaseIterable {
        case code, label
    }

    let code: String
    let label: String

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .code: return code
        case .label: return label
        }
    }
}

/// Where the printable meeting flyers are published (Worksheets' MeetingFlyer.path).
public enum MeetingFlyerPaths {
    public static let letter = "meetings/flyer-letter.pdf"
    public static let a4 = "meetings/flyer-a4.pdf"
}
