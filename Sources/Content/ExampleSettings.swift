import Diagnostics

/// The example values the shipped site comes with, which a program's own
/// site must not keep: the example address (worksheets print it, link
/// previews and the sitemap point to it) and the example phone numbers
/// (555-01xx, which the US sets aside for fiction). `smartsite check` warns
/// about them, except in the shipped site itself, whose site.yaml says
/// `example: true` (`smartsite new site` leaves that line out).
public enum ExampleSettings {
    public static let exampleHost = "smart-recovery-guide.example.org"
    public static let exampleBaseURL = "https://\(exampleHost)/"

    public static func isExampleAddress(_ address: String) -> Bool {
        let lower = address.lowercased()
        return lower.hasPrefix("https://\(exampleHost)") || lower.hasPrefix("http://\(exampleHost)")
    }

    /// 555-0100 to 555-0199, with or without an area code.
    public static func isExamplePhone(_ number: String) -> Bool {
        var digits = PhoneNumber.dialable(number).filter(\.isNumber)
        if digits.count == 11, digits.first == "1" { digits.removeFirst() }
        guard digits.count == 7 || digits.count == 10 else { return false }
        return digits.suffix(7).hasPrefix("55501")
    }

    /// The warnings for a site that still has them.
    static func warnings(for site: Site) -> [Diagnostic] {
        let config = site.config
        guard !config.example else { return [] }
        let settingsFile = site.folder.displayPath("site.yaml")
        var warnings: [Diagnostic] = []
        if isExampleAddress(config.baseURL) {
            warnings.append(.warning(settingsFile, line: config.baseURLLine, column: 1,
                "base_url is still the example address \(config.baseURL); worksheets, link previews and the sitemap would send people there",
                fix: "write where the site will be published, e.g. `base_url: https://www.your-program.org/`"))
        }
        for line in config.helpLines {
            for number in [line.phone, line.text, line.tty].compactMap({ $0 }) where isExamplePhone(number) {
                warnings.append(.warning(settingsFile, "the help line '\(line.name)' has the example phone number \(number)",
                                         fix: "write the real number, or delete the line"))
            }
        }
        for page in site.pages {
            guard let phone = page.provider?.phone, isExamplePhone(phone) else { continue }
            warnings.append(.warning(page.sourcePath, line: page.settingsLine, column: 1,
                                     "'phone' is the example number \(phone), not the program's",
                                     fix: "write the number people call, e.g. `phone: \"(760) 555-1234\"`, or delete the line"))
        }
        return warnings
    }
}
