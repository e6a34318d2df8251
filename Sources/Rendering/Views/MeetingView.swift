import Content
import Foundation

/// A meeting page's values: the meeting, and the same as structured data.
struct MeetingPageView: TemplateView {
    enum Key: String, CaseIterable {
        case meeting
        case jsonLD = "json_ld"
    }

    static let host = Reading(.host, shows: [.title, .address])
    static let readings = [host]

    let frame: PageFrame
    let page: Page

    func value(_ key: Key) -> (any Sendable)? {
        guard page.meeting != nil else { return nil }
        switch key {
        case .meeting: return MeetingView(page: page, frame: frame)
        case .jsonLD: return StructuredData.meeting(page, host: frame.site.pages(Self.host, of: page).first, config: frame.site.site.config)
        }
    }
}

/// `meeting`, and each meeting of a schedule or a host's list: when it
/// meets, where or how to join, who it is for.
struct MeetingView: TemplateView {
    enum Key: String, CaseIterable {
        case title, url, description
        case days
        case daysText = "days_text"
        case dayCodes = "day_codes"
        case start, end
        case start24 = "start_24"
        case end24 = "end_24"
        case overnight
        case timeZone = "time_zone"
        case timeZoneName = "time_zone_name"
        case timeZoneShort = "time_zone_short"
        case attendance
        case attendanceLabel = "attendance_label"
        case isOnline = "is_online"
        case isInPerson = "is_in_person"
        case online
        case place
        case language
        case languageLabel = "language_label"
        case audience
        case audienceLabel = "audience_label"
        case host
        case contactPhone = "contact_phone"
        case contactPhoneURL = "contact_phone_url"
        case contactEmail = "contact_email"
        case contactEmailURL = "contact_email_url"
        case from, until
        case skip
        case hasSkip = "has_skip"
        case isExample = "is_example"
        case calendarURL = "calendar_url"
        /// The language of the meeting's page, when it is another than the
        /// site's (a meeting the Spanish schedule shares from the English site).
        case pageLanguage = "page_language"
    }

    /// What a list of meetings shows of each.
    static let shows: PageFacts = [.title, .address, .meetingSchedule]

    let page: Page
    let frame: PageFrame

    private var words: MeetingWords { frame.site.words.meetings }

    func value(_ key: Key) -> (any Sendable)? {
        guard let meeting = page.meeting else { return nil }
        switch key {
        case .title: return TemplateText(page.title)
        case .url: return TemplateText(frame.link(to: page.urlPath))
        case .description: return TemplateText(page.description)
        case .days: return meeting.days.map(words.dayName)
        case .daysText: return words.joined(meeting.days.map(words.dayName))
        case .dayCodes: return meeting.days.map(\.rawValue).joined(separator: " ")
        case .start: return meeting.start.twelveHour
        case .end: return meeting.end.twelveHour
        case .start24: return meeting.start.twentyFourHour
        case .end24: return meeting.end.twentyFourHour
        case .overnight: return meeting.overnight ? true : nil
        case .timeZone: return meeting.timeZone
        case .timeZoneName: return zoneName(.generic)
        case .timeZoneShort: return zoneName(.shortGeneric)
        case .attendance: return meeting.attendance.rawValue
        case .attendanceLabel: return words.attendance(meeting.attendance)
        case .isOnline: return meeting.online != nil ? true : nil
        case .isInPerson: return meeting.place != nil ? true : nil
        case .online: return meeting.online
        case .place: return meeting.place.map(PlaceView.init)
        case .language: return meeting.language
        case .languageLabel: return words.language(meeting.language)
        case .audience: return meeting.audience.rawValue
        case .audienceLabel: return words.audience(meeting.audience)
        case .host: return frame.site.pages(MeetingPageView.host, of: page).first.map { PageLinkView(target: $0, frame: frame) }
        case .contactPhone: return meeting.contact?.phone
        case .contactPhoneURL: return meeting.contact?.telephoneURL
        case .contactEmail: return meeting.contact?.email
        case .contactEmailURL: return meeting.contact?.email.map { "mailto:" + $0 }
        case .from: return meeting.from.map(frame.site.words.interface.date)
        case .until: return meeting.until.map(frame.site.words.interface.date)
        case .skip: return meeting.skip.map(frame.site.words.interface.date)
        case .hasSkip: return !meeting.skip.isEmpty
        case .isExample: return meeting.example ? true : nil
        case .calendarURL: return TemplateText(frame.link(to: MeetingCalendarPaths.file(of: page)))
        case .pageLanguage:
            let site = frame.site.site
            return site.page(at: page.contentPath) == nil ? site.sharedMeetingsLanguage : nil
        }
    }

    private func zoneName(_ style: NSTimeZone.NameStyle) -> String? {
        page.meeting.map { words.zoneName($0.timeZone, style: style) }
    }
}

/// `meeting.place`: where an in-person meeting is.
struct PlaceView: TemplateView {
    enum Key: String, CaseIterable {
        case name, street, city
        case lines
    }

    let place: Meeting.Place

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .name: return place.name
        case .street: return place.street
        case .city: return place.city
        case .lines: return MeetingPlaceText.lines(place)
        }
    }
}

/// A place as lines of an address: the street, then "City, ST 00000".
public enum MeetingPlaceText {
    public static func lines(_ place: Meeting.Place) -> [String] {
        let regionAndCode = [place.region, place.postalCode].compactMap { $0 }.joined(separator: " ")
        let locality = place.city + (regionAndCode.isEmpty ? "" : ", " + regionAndCode)
        return [place.street, locality].compactMap { $0 }
    }

    /// On one line, for a calendar's LOCATION: "Community Room, 1 Main St, Palm Springs, CA 92262".
    public static func oneLine(_ place: Meeting.Place) -> String {
        ([place.name].compactMap { $0 } + lines(place)).joined(separator: ", ")
    }
}
