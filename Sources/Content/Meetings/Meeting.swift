import Diagnostics
import Foundation
import Yams
import SourceFiles

/// A regular meeting, from the front matter of a page in `meetings/`: when
/// it meets, where or how to join, and who it is for. A facilitator adds a
/// meeting with one Markdown file; the schedule, calendars, host page and
/// flyer follow from it.
public struct Meeting: Sendable, Hashable {
    public var days: [Weekday]
    public var start: MeetingTime
    public var end: MeetingTime
    /// An IANA name, e.g. `America/Los_Angeles`.
    public var timeZone: String
    public var place: Place?
    /// An https link to join.
    public var online: String?
    /// A language code, e.g. `en` or `es`.
    public var language: String
    public var audience: Audience
    /// A provider page, relative to content/, e.g. `providers/banyan-palm-springs.md`.
    public var host: String?
    /// Where `host` is written, for the check that it names a provider page.
    public var hostPosition: (line: Int, column: Int)?
    public var contact: Contact?
    /// First and last day it meets (both optional).
    public var from: ReviewDate?
    public var until: ReviewDate?
    /// Days on which it does not meet (holidays).
    public var skip: [ReviewDate]
    /// Ends after midnight, on the next day.
    public var overnight: Bool
    /// A sample listing the site ships with, not a real meeting.
    public var example: Bool
    /// Where `example` is written, for the warning that one is left.
    public var exampleLine: Int?

    public struct Place: Sendable, Hashable {
        public var name: String?
        public var street: String?
        public var city: String
        public var region: String?
        public var postalCode: String?
    }

    public struct Contact: Sendable, Hashable {
        public var phone: String?
        public var email: String?
        public var telephoneURL: String? { phone.flatMap { PhoneNumber.link("tel", $0) } }
    }

    /// Who a meeting is for. Readers see these through SiteWords.
    public enum Audience: String, Sendable, CaseIterable {
        case open
        case familyAndFriends = "family-and-friends"
        case youngAdults = "young-adults"
        case women, men, veterans, lgbtq
        case teens
    }

    /// How a person joins.
    public enum Attendance: String, Sendable {
        case inPerson = "in-person", online, hybrid
    }

    public var attendance: Attendance {
        switch (place != nil, online != nil) {
        case (true, true): return .hybrid
        case (false, true): return .online
        default: return .inPerson
        }
    }

    static let keys = ["days", "start", "end", "timezone", "place", "online", "language", "audience", "host",
                       "contact", "from", "until", "skip", "overnight", "example"]
    static let placeKeys = ["name", "street", "city", "region", "postal_code"]
    static let contactKeys = ["phone", "email"]

    public static func == (a: Meeting, b: Meeting) -> Bool {
        a.days == b.days && a.start == b.start && a.end == b.end && a.timeZone == b.timeZone && a.place == b.place
            && a.online == b.online && a.language == b.language && a.audience == b.audience && a.host == b.host
            && a.contact == b.contact && a.from == b.from && a.until == b.until && a.skip == b.skip
            && a.overnight == b.overnight && a.example == b.example
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(days)
        hasher.combine(start)
        hasher.combine(timeZone)
    }

    /// Reads a meeting's settings; `defaultTimeZone` is site.yaml's `timezone`.
    /// Settings a place or contact does not have are added to `warnings`.
    public init(_ settings: SettingsReader, defaultTimeZone: String?, warnings: inout [Diagnostic]) throws(Diagnostic) {
        let reader = MeetingSettingsReader(settings: settings)
        days = try reader.days()
        start = try reader.time("start")
        end = try reader.time("end")
        overnight = try settings.bool("overnight") ?? false
        if end <= start && !overnight, let node = reader.node("end") {
            throw reader.problem(node, "the meeting ends (\(end.twentyFourHour)) before it starts (\(start.twentyFourHour))",
                                 fix: "correct `end`, or add `overnight: true` if it really ends after midnight")
        }
        timeZone = try reader.timeZone(default: defaultTimeZone)
        place = try reader.place(warnings: &warnings)
        online = try reader.online()
        if place == nil && online == nil {
            throw .error(settings.path, line: settings.firstLine, column: 1, "the meeting has neither a `place` nor an `online` link",
                         fix: "add `place:` with at least `city:`, or `online: https://...`, or both for a hybrid meeting")
        }
        language = try reader.language()
        audience = try reader.audience()
        host = try settings.string("host")
        hostPosition = reader.node("host").map(settings.position(of:))
        contact = try reader.contact(warnings: &warnings)
        from = try reader.date("from")
        until = try reader.date("until")
        if let from, let until, until < from, let node = reader.node("until") {
            throw reader.problem(node, "'until' (\(until)) is before 'from' (\(from))", fix: "swap the two dates, or correct one")
        }
        skip = try reader.skipDates(days: days)
        example = try settings.bool("example") ?? false
        exampleLine = reader.node("example").map { settings.position(of: $0).line }
    }
}

/// The checks of a meeting's settings, each pointing at the value.
private struct MeetingSettingsReader {
    let settings: SettingsReader

    func node(_ key: String) -> Node? {
        settings.entries.first { $0.key == key }?.value
    }

    func problem(_ node: Node, _ message: String, fix: String) -> Diagnostic {
        let at = settings.position(of: node)
        return .error(settings.path, line: at.line, column: at.column, message, fix: fix)
    }

    func missing(_ key: String, example: String) -> Diagnostic {
        .error(settings.path, line: settings.firstLine, column: 1, "the meeting has no '\(key)'",
               fix: "add a line `\(key): \(example)` to the settings at the top")
    }

    func days() throws(Diagnostic) -> [Weekday] {
        guard let node = node("days") else { throw missing("days", example: "[mon, thu]") }
        let items = node.sequence.map(Array.init) ?? [node]
        var days: [Weekday] = []
        for item in items {
            guard let text = item.scalar?.string else {
                throw problem(item, "each of 'days' must be a day name", fix: "write them as `days: [mon, thu]`")
            }
            guard let day = Weekday(written: text) else {
                throw problem(item, "'\(text)' is not a day of the week",
                              fix: "write one of mon, tue, wed, thu, fri, sat, sun, e.g. `days: [mon, thu]`")
            }
            if !days.contains(day) { days.append(day) }
        }
        if days.isEmpty { throw problem(node, "'days' names no day", fix: "write e.g. `days: [mon, thu]`") }
        return days.sorted()
    }

    func time(_ key: String) throws(Diagnostic) -> MeetingTime {
        guard let node = node(key), let text = node.scalar?.string, !text.isEmpty else {
            throw missing(key, example: key == "start" ? "\"18:30\"" : "\"19:30\"")
        }
        guard let time = MeetingTime(text) else {
            throw problem(node, "'\(text)' is not a time of day",
                          fix: "write hours and minutes, e.g. `\(key): \"18:30\"` or `\(key): 6:30 pm`")
        }
        return time
    }

    func timeZone(default defaultZone: String?) throws(Diagnostic) -> String {
        guard let node = node("timezone"), let text = node.scalar?.string, !text.isEmpty else {
            if let defaultZone { return defaultZone }
            throw .error(settings.path, line: settings.firstLine, column: 1, "the meeting has no time zone",
                         fix: "add `timezone: America/Los_Angeles` (its IANA name) here, or `timezone:` to content/site.yaml for every meeting")
        }
        guard TimeZones.isKnown(text) else {
            throw problem(node, "'\(text)' is not a time zone", fix: TimeZones.fix(for: text))
        }
        return text
    }

    func place(warnings: inout [Diagnostic]) throws(Diagnostic) -> Meeting.Place? {
        guard let node = node("place") else { return nil }
        guard node.mapping != nil else {
            throw problem(node, "'place' must be a group of settings (name, street, city, region, postal_code)",
                          fix: "write it on indented lines, e.g.\n  place:\n    name: Community Room\n    city: Palm Springs")
        }
        let place = try SettingsReader(node, path: settings.path, firstLine: settings.firstLine)
        warnings += place.unknownKeys(known: Meeting.placeKeys, kind: "a meeting's place")
        guard let city = try place.string("city"), !city.isBlank else {
            throw problem(node, "the meeting's place has no city",
                          fix: "add `city: ...` under `place:` (and `street:` so people can find it)")
        }
        return Meeting.Place(name: try place.string("name"), street: try place.string("street"), city: city,
                             region: try place.string("region"), postalCode: try place.string("postal_code"))
    }

    func online() throws(Diagnostic) -> String? {
        guard let text = try settings.string("online"), let node = node("online") else { return nil }
        guard text.lowercased().hasPrefix("https://"), text.count > 8, URLPolicy.problem(with: text) == nil,
              !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            throw problem(node, "'online' must be an https:// link", fix: "write the meeting's join link, e.g. `online: https://example.org/join`")
        }
        return text
    }

    func language() throws(Diagnostic) -> String {
        guard let text = try settings.string("language"), let node = node("language") else { return "en" }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else {
            throw problem(node, "'\(text)' is not a language code", fix: "write a code such as `language: en` or `language: es`")
        }
        return text
    }

    func audience() throws(Diagnostic) -> Meeting.Audience {
        guard let text = try settings.string("audience"), let node = node("audience") else { return .open }
        guard let audience = Meeting.Audience(rawValue: text.lowercased()) else {
            let names = Meeting.Audience.allCases.map(\.rawValue)
            throw problem(node, "'\(text)' is not an audience smartsite knows",
                          fix: (closestName(to: text, in: names).map { "did you mean '\($0)'? " } ?? "") + "write one of: \(names.joined(separator: ", "))")
        }
        return audience
    }

    func contact(warnings: inout [Diagnostic]) throws(Diagnostic) -> Meeting.Contact? {
        guard let node = node("contact") else { return nil }
        guard node.mapping != nil else {
            throw problem(node, "'contact' must be a group of settings (phone, email)",
                          fix: "write it on indented lines, e.g.\n  contact:\n    phone: (555) 010-0000")
        }
        let contact = try SettingsReader(node, path: settings.path, firstLine: settings.firstLine)
        warnings += contact.unknownKeys(known: Meeting.contactKeys, kind: "a meeting's contact")
        let email = try contact.string("email")
        if let email, let emailNode = contact.entries.first(where: { $0.key == "email" })?.value {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                  !email.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "?" }) else {
                throw problem(emailNode, "'\(email)' is not an email address", fix: "write it as `email: name@example.org`")
            }
        }
        return Meeting.Contact(phone: try contact.string("phone"), email: email)
    }

    func date(_ key: String) throws(Diagnostic) -> ReviewDate? {
        guard let text = try settings.string(key), let node = node(key) else { return nil }
        guard let date = ReviewDate(text.trimmingCharacters(in: .whitespaces)) else {
            throw problem(node, "'\(key)' must be a date written year-month-day", fix: "write e.g. `\(key): 2027-01-04`")
        }
        return date
    }

    func skipDates(days: [Weekday]) throws(Diagnostic) -> [ReviewDate] {
        guard let node = node("skip") else { return [] }
        if let scalar = node.scalar, ["", "~", "null"].contains(scalar.string) { return [] }
        let items = node.sequence.map(Array.init) ?? [node]
        var dates: [ReviewDate] = []
        for item in items {
            guard let text = item.scalar?.string, let date = ReviewDate(text.trimmingCharacters(in: .whitespaces)) else {
                throw problem(item, "each of 'skip' must be a date written year-month-day", fix: "write them as `skip: [2026-12-24, 2026-12-31]`")
            }
            let weekday = Weekday.of(dayNumber: date.dayNumber)
            guard days.contains(weekday) else {
                throw problem(item, "\(date) is a \(weekday.fullName.capitalized), and the meeting does not meet on that day",
                              fix: "skip a day it meets (\(days.map(\.rawValue).joined(separator: ", "))), or correct the date")
            }
            if !dates.contains(date) { dates.append(date) }
        }
        return dates.sorted()
    }
}
