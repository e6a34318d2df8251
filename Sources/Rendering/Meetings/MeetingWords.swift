import Content
import Foundation

/// The words the meeting schedule, pages, calendars and flyer show that
/// come from a meeting's settings rather than from a template: day names,
/// how one joins, who it is for, language names. Part of SiteWords, from the
/// same strings file (`templates/i18n/CODE.yaml`).
public struct MeetingWords: Sendable {
    let interface: InterfaceWords

    public init(_ interface: InterfaceWords) {
        self.interface = interface
    }

    /// "Mondays and Thursdays" is `joined(["Monday", "Thursday"])`.
    public func joined(_ items: [String]) -> String {
        let and = " " + interface.text("and") + " "
        return items.count <= 2 ? items.joined(separator: and) : items.dropLast().joined(separator: ", ") + and + (items.last ?? "")
    }

    public func dayName(_ day: Weekday) -> String { interface.text("day_" + day.rawValue) }

    public func attendance(_ attendance: Meeting.Attendance) -> String {
        switch attendance {
        case .inPerson: return interface.text("meeting_in_person")
        case .online: return interface.text("meeting_online")
        case .hybrid: return interface.text("meeting_hybrid")
        }
    }

    public func audience(_ audience: Meeting.Audience) -> String { interface.text(InterfaceWords.audienceKey(audience)) }


    /// A language's name (`meeting_language_es`); a code the file does not
    /// name is shown as written.
    public func language(_ code: String) -> String {
        interface.words["meeting_language_" + code]
            ?? interface.words["meeting_language_" + String(code.prefix { $0 != "-" })] ?? code
    }

    /// The locale Foundation names time zones in ("Pacific Time").
    public var locale: String { interface.text("locale") }
    /// A calendar entry's text: "Example listing" before an example's title.
    public func exampleInCalendar(_ title: String) -> String { interface.text("calendar_example", ["title": title]) }

    /// "Pacific Time" (`.generic`), "PT" (`.shortGeneric`), in the words' locale;
    /// the IANA name when Foundation has no name for it.
    public func zoneName(_ identifier: String, style: NSTimeZone.NameStyle) -> String {
        TimeZone(identifier: identifier)?.localizedName(for: style, locale: Locale(identifier: locale)) ?? identifier
    }

    // The flyer's words.
    /// The flyer's title when the meetings page has none: "Meetings: SMART Recovery Program Guide".
    public func flyerTitle(_ siteTitle: String) -> String { interface.text("flyer_title", ["site": siteTitle]) }
    public var flyerHelpHeading: String { interface.text("flyer_help_heading") }
    /// Beside the QR code: "Details, maps and calendars: example.org/meetings/".
    public func flyerMoreAt(_ address: String) -> String { interface.text("flyer_more_at", ["address": address]) }
    public var flyerExampleNote: String { interface.text("flyer_example_note") }
    public var flyerOfficialFinder: String { interface.text("flyer_official_finder") }
    /// Under the flyer's title when every meeting is in one time zone: "All times are Pacific Time."
    public func flyerTimesIn(_ zoneName: String) -> String { interface.text("flyer_times_in", ["zone": zoneName]) }
    /// Under a meeting's start: "to 8:00 pm PT".
    public func flyerUntil(_ end: String, _ zone: String) -> String { interface.text("flyer_until", ["end": end, "zone": zone]) }
    /// Beside an example meeting.
    public var flyerExampleTag: String { interface.text("flyer_example_tag") }
    /// Between how to join, where, who for and the language: "Online · Spanish" (a mark, the same in every language).
    public var flyerSeparator: String { " \u{00B7} " }
    /// When the schedule is too long for one page.
    public var flyerMoreMeetings: String { interface.text("flyer_more_meetings") }
}
