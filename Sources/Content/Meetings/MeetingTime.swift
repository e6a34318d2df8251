/// A time of day as a meeting file writes it: `18:30` or `6:30 pm`.
public struct MeetingTime: Sendable, Hashable, Comparable {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// `18:30`, `6:30 pm`, `6:30pm`, `6 pm`, `12:00 a.m.`; nil for anything
    /// else (`25:99`, `6:3`, `noon`).
    public init?(_ written: String) {
        var text = Substring(written.lowercased().filter { $0 != "." && $0 != " " })
        var twelveHour: Bool? = nil
        if text.hasSuffix("am") { twelveHour = false; text = text.dropLast(2) }
        else if text.hasSuffix("pm") { twelveHour = true; text = text.dropLast(2) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count <= 2, let hour = Int(parts[0]) else { return nil }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let written = Int(parts[1]) else { return nil }
            minute = written
        } else if twelveHour == nil {
            return nil  // `18` alone could be anything
        }
        guard (0...59).contains(minute) else { return nil }
        if let pm = twelveHour {
            guard (1...12).contains(hour) else { return nil }
            self.hour = hour % 12 + (pm ? 12 : 0)
        } else {
            guard (0...23).contains(hour) else { return nil }
            self.hour = hour
        }
        self.minute = minute
    }

    /// Minutes since midnight.
    public var minutes: Int { hour * 60 + minute }

    /// `18:30`, for schema.org and `<time datetime>`.
    public var twentyFourHour: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// `6:30 pm`, as US readers read a time.
    public var twelveHour: String {
        let shown = hour % 12 == 0 ? 12 : hour % 12
        return String(shown) + ":" + (minute < 10 ? "0" : "") + String(minute) + (hour < 12 ? " am" : " pm")
    }

    public static func < (a: MeetingTime, b: MeetingTime) -> Bool { a.minutes < b.minutes }
}
