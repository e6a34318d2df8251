import Content
import Foundation

/// The words the meeting schedule, pages, calendars and flyer show that
/// come from a meeting's settings rather than from a template: day names,
/// how one joins, who it is for, language names. Part of SiteWords, so a
/// second language replaces them with the rest.
public struct MeetingWords: Sendable {
    /// Monday first, as `Weekday` is.
    public var dayNames: [String]
    /// "Mondays and Thursdays" is `joined(["Monday", "Thursday"])`.
    public var joined: @Sendable (_ items: [String]) -> String
    public var online: String
    public var inPerson: String
    public var hybrid: String
    public var audiences: [Meeting.Audience: String]
    /// Names of languages by code; an unlisted code is shown as written.
    public var languages: [String: String]
    /// The locale Foundation names time zones in ("Pacific Time").
    public var locale: String
    /// A calendar entry's text: "Example listing" before an example's title.
    public var exampleInCalendar: @Sendable (_ title: String) -> String
    /// The flyer's words.
    public var flyerTitle: @Sendable (_ siteTitle: String) -> String
    public var flyerHelpHeading: String
    public var flyerMoreAt: @Sendable (_ address: String) -> String
    public var flyerExampleNote: String
    public var flyerOfficialFinder: String
    /// Under the flyer's title when every meeting is in one time zone: "All times are Pacific Time."
    public var flyerTimesIn: @Sendable (_ zoneName: String) -> String = { "All times are \($0)." }
    /// Under a meeting's start: "to 8:00 pm PT".
    public var flyerUntil: @Sendable (_ end: String, _ zone: String) -> String = { "to \($0) \($1)" }
    /// Beside an example meeting.
    public var flyerExampleTag = "EXAMPLE"
    /// Between how to join, where, who for and the language: "Online · Spanish".
    public var flyerSeparator = " \u{00B7} "
    /// When the schedule is too long for one page.
    public var flyerMoreMeetings = "More meetings are listed on the website."

    /// "Pacific Time" (`.generic`), "PT" (`.shortGeneric`), in the words' locale;
    /// the IANA name when Foundation has no name for it.
    public func zoneName(_ identifier: String, style: NSTimeZone.NameStyle) -> String {
        TimeZone(identifier: identifier)?.localizedName(for: style, locale: Locale(identifier: locale)) ?? identifier
    }

    public func dayName(_ day: Weekday) -> String {
        dayNames.indices.contains(day.position) ? dayNames[day.position] : day.rawValue
    }

    public func attendance(_ attendance: Meeting.Attendance) -> String {
        switch attendance {
        case .inPerson: return inPerson
        case .online: return online
        case .hybrid: return hybrid
        }
    }

    public func audience(_ audience: Meeting.Audience) -> String {
        audiences[audience] ?? audience.rawValue
    }

    public func language(_ code: String) -> String {
        languages[code] ?? languages[String(code.prefix { $0 != "-" })] ?? code
    }

    public static let english = MeetingWords(
        dayNames: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        joined: { items in
            items.count <= 2 ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        },
        online: "Online",
        inPerson: "In person",
        hybrid: "Hybrid: in person and online",
        audiences: [.open: "Open to anyone", .familyAndFriends: "Family & Friends", .youngAdults: "Young adults",
                    .women: "Women", .men: "Men", .veterans: "Veterans", .lgbtq: "LGBTQ+", .teens: "Teens"],
        languages: ["en": "English", "es": "Spanish (español)", "fr": "French (français)", "pt": "Portuguese (português)",
                    "zh": "Chinese (中文)", "vi": "Vietnamese (Tiếng Việt)", "ko": "Korean (한국어)", "ar": "Arabic (العربية)",
                    "ru": "Russian (русский)", "de": "German (Deutsch)", "asl": "American Sign Language"],
        locale: "en_US",
        exampleInCalendar: { "Example listing: " + $0 },
        flyerTitle: { "Meetings: " + $0 },
        flyerHelpHeading: "Need help now?",
        flyerMoreAt: { "Details, maps and calendars: " + $0 },
        flyerExampleNote: "Example listings: replace them with your program's meetings.",
        flyerOfficialFinder: "More SMART Recovery meetings, in person and online: meetings.smartrecovery.org")
}
