import Content

/// The words the meeting schedule, pages and calendars show that come from
/// a meeting's settings rather than from a template: day names, how one
/// joins, who it is for, language names. Part of SiteWords, from the same
/// strings file (`templates/i18n/CODE.yaml`).
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
}
