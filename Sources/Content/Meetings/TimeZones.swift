import Diagnostics
import Foundation

/// IANA time zone names, as the system's time zone database knows them.
public enum TimeZones {
    public static func isKnown(_ name: String) -> Bool {
        // `TimeZone(identifier:)` also accepts abbreviations and offsets
        // (`PST`, `GMT+2`); a calendar needs a name with rules.
        TimeZone.knownTimeZoneIdentifiers.contains(name) && TimeZone(identifier: name) != nil
    }

    static func fix(for name: String) -> String {
        let suggestion = closestName(to: name, in: TimeZone.knownTimeZoneIdentifiers)
        return (suggestion.map { "did you mean '\($0)'? " } ?? "")
            + "write an IANA time zone name, e.g. `America/Los_Angeles`, `America/New_York` or `America/Chicago`"
    }
}
