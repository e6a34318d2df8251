import Diagnostics
import Foundation
import Yams

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
        case title, description, language, disclaimer, menu, care, example, timezone, logo, colors
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
        if let base = node["base_url"], let text = base.scalar?.string, let problem = BaseURL.problem(with: text) {
            let at = settings.position(of: base)
            throw .error(settings.path, line: at.line, column: at.column, "'base_url' \(problem)", fix: BaseURL.fix)
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
