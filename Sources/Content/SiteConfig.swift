import Diagnostics
import Foundation
import Yams
import SourceFiles

/// `content/site.yaml`: what the whole site shares.
public struct SiteConfig: Sendable, Decodable {
    public var title: String
    public var description: String?
    /// Where the site will be published, e.g. `https://example.org/recovery/`.
    public var baseURL: String
    public var language: String
    /// Raw HTML inside Markdown is left out unless this is true.
    public var rawHTML: Bool
    /// The "not affiliated, not medical advice" statement shown on every page.
    public var disclaimer: String?
    public var menu: [MenuEntry]
    public var helpLines: [HelpLine]
    /// What `smartsite check` looks for on behalf of readers (`care:`).
    public var care: CareSettings
    /// The site's other languages (`languages:`), by code, sorted: each has
    /// its pages in `content/CODE/` and is published at `/CODE/`. The
    /// settings above are the default language's, published at `/`.
    public var languages: [Language] = []

    /// One other language of the site: what it says instead of the default
    /// language's title, description, disclaimer, menu and help lines.
    public struct Language: Sendable, Hashable {
        /// `es`: the folder below content/, the start of its addresses and `<html lang>`.
        public var code: String
        public var title: String?
        public var description: String?
        public var disclaimer: String?
        public var menu: [MenuEntry]?
        public var helpLines: [HelpLine]?

        /// Where the language's pages are published: `es/`.
        public var urlPrefix: String { code + "/" }
    }

    struct LanguageKeys: Decodable {
        var title: String?
        var description: String?
        var disclaimer: String?
        var menu: [MenuEntry]?
        var helpLines: [HelpLine]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case title, description, disclaimer, menu
            case helpLines = "help_lines"
        }
    }

    /// The settings as one language sees them: its title, menu and help
    /// lines in place of the default language's (those it does not give
    /// stay as they are). The default language's code gives these settings.
    public func forLanguage(_ code: String) -> SiteConfig {
        guard let other = languages.first(where: { $0.code == code }) else { return self }
        var config = self
        config.language = code
        if let title = other.title { config.title = title }
        if let description = other.description { config.description = description }
        if let disclaimer = other.disclaimer { config.disclaimer = disclaimer }
        if let menu = other.menu { config.menu = menu }
        if let helpLines = other.helpLines { config.helpLines = helpLines }
        return config
    }

    /// Every language's code, the default first.
    public var languageCodes: [String] { [language] + languages.map(\.code) }

    /// `example: true`: the site smartsite ships with, whose example address
    /// and phone numbers `check` does not warn about (``ExampleSettings``).
    public var example = false
    /// The line of `base_url` in site.yaml (0 when it is not there), for the warnings about it.
    public var baseURLLine = 0
    /// The program's logo and colours (`logo`, `colors`).
    public var branding = Branding()
    /// The IANA time zone of meetings that do not name their own, e.g. `America/Los_Angeles`.
    public var timezone: String?

    public struct MenuEntry: Sendable, Decodable, Hashable {
        public var title: String
        /// A content file, relative to content/ (e.g. `toolbox/_index.md`).
        public var page: String?
        /// Or an address outside the site.
        public var url: String?
    }

    /// A crisis or help line, shown on every page.
    public struct HelpLine: Sendable, Decodable, Hashable {
        public var name: String
        public var summary: String?
        public var phone: String?
        /// A number that takes text messages.
        public var text: String?
        public var tty: String?
        public var website: String?

        public init(name: String, summary: String? = nil, phone: String? = nil, text: String? = nil,
                    tty: String? = nil, website: String? = nil) {
            self.name = name
            self.summary = summary
            self.phone = phone
            self.text = text
            self.tty = tty
            self.website = website
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, language, disclaimer, menu, care, example, timezone, logo, colors, languages
        case baseURL = "base_url"
        case rawHTML = "raw_html"
        case helpLines = "help_lines"
    }

    public static let knownKeys = CodingKeys.allCases.map(\.rawValue)

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL) ?? "/"
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? "en"
        rawHTML = try container.decodeIfPresent(Bool.self, forKey: .rawHTML) ?? false
        disclaimer = try container.decodeIfPresent(String.self, forKey: .disclaimer)
        menu = try container.decodeIfPresent([MenuEntry].self, forKey: .menu) ?? []
        helpLines = try container.decodeIfPresent([HelpLine].self, forKey: .helpLines) ?? []
        care = try container.decodeIfPresent(CareSettings.self, forKey: .care) ?? CareSettings()
        let others = try container.decodeIfPresent([String: LanguageKeys].self, forKey: .languages) ?? [:]
        languages = others.filter { $0.key != language }.sorted { $0.key < $1.key }.map { code, keys in
            Language(code: code, title: keys.title, description: keys.description, disclaimer: keys.disclaimer,
                     menu: keys.menu, helpLines: keys.helpLines)
        }
        example = try container.decodeIfPresent(Bool.self, forKey: .example) ?? false
        timezone = try container.decodeIfPresent(String.self, forKey: .timezone)
    }

    public init(title: String, baseURL: String = "/", language: String = "en") {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.rawHTML = false
        self.menu = []
        self.helpLines = []
        self.care = CareSettings()
    }

    /// The full address of a page, for the sitemap, canonical links and
    /// structured data: the base URL and the percent-encoded path.
    public func address(of urlPath: String) -> String {
        baseURL + SitePaths.percentEncoded(urlPath)
    }

    /// Settings of site.yaml that become links: the menu's `url`s, the help
    /// lines' `website`s and `base_url` (canonical links, the sitemap).
    static func checkAddresses(_ node: Node, settings: SettingsReader) throws(Diagnostic) {
        func check(_ value: Node?, _ name: String) throws(Diagnostic) {
            guard let value, let text = value.scalar?.string else { return }
            if let problem = URLPolicy.problem(with: text) {
                let at = settings.position(of: value)
                throw .error(settings.path, line: at.line, column: at.column, "'\(name)' \(problem)", fix: URLPolicy.fix)
            }
        }
        for entry in node["menu"]?.sequence ?? [] { try check(entry["url"], "url") }
        for line in node["help_lines"]?.sequence ?? [] { try check(line["website"], "website") }
        for (code, language) in node["languages"]?.mapping ?? Node.Mapping([]) {
            if let text = code.scalar?.string, !Self.isLanguageCode(text) {
                let at = settings.position(of: code)
                throw .error(settings.path, line: at.line, column: at.column,
                             "'\(text)' is not a language code smartsite can use as a folder and an address",
                             fix: "write the two-letter code of the language in lower case, e.g. `es:` for Spanish")
            }
            for entry in language["menu"]?.sequence ?? [] { try check(entry["url"], "url") }
            for line in language["help_lines"]?.sequence ?? [] { try check(line["website"], "website") }
        }
        if let base = node["base_url"], let text = base.scalar?.string, let problem = BaseURL.problem(with: text) {
            let at = settings.position(of: base)
            throw .error(settings.path, line: at.line, column: at.column, "'base_url' \(problem)", fix: BaseURL.fix)
        }
    }

    /// `es`, `pt-br`: lower-case letters with at most one dash, so it is
    /// a safe folder name, address and `lang` value.
    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { part in
            (2...3).contains(part.count) && part.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        }
    }

    /// Reads `site.yaml` from the content folder.
    public static func load(contentRoot: URL, displayRoot: String) throws(DiagnosticsError) -> (SiteConfig, [Diagnostic]) {
        let path = displayRoot + "/site.yaml"
        let url = contentRoot.appendingPathComponent("site.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DiagnosticsError([.error(path, "the site settings file is missing",
                                           fix: "create \(path) with at least `title: Your site name`")])
        }
        do throws(Diagnostic) {
            let source = try SourceText.read(url, displayPath: path)
            // The default resolver: YAMLDecoder applies `<<: *anchor` merge keys only to nodes it tagged.
            let node = try FrontMatter.compose(source.text, path: path, firstLine: 1, resolver: .default)
                ?? Node.mapping(Node.Mapping([]))
            let settings = try SettingsReader(node, path: path, firstLine: 1)
            var config = try FrontMatter.decode(SiteConfig.self, from: node, path: path, firstLine: 1)
            config.baseURL = BaseURL.normalized(config.baseURL)
            try checkAddresses(node, settings: settings)
            if let base = node["base_url"] { config.baseURLLine = settings.position(of: base).line }
            config.branding = try Branding.read(node, settings: settings)
            if let zone = node["timezone"], let name = zone.scalar?.string, !name.isEmpty, !TimeZones.isKnown(name) {
                let at = settings.position(of: zone)
                throw .error(path, line: at.line, column: at.column, "'\(name)' is not a time zone", fix: TimeZones.fix(for: name))
            }
            let warnings = settings.unknownKeys(known: knownKeys, kind: "site.yaml")
            return (config, warnings)
        } catch {
            throw DiagnosticsError([error])
        }
    }
}
