import Diagnostics
import Yams
import SourceFiles

/// A program's own look, from site.yaml:
///
///     logo: images/our-logo.png      # SVG, PNG, JPEG or WebP, below content/
///     colors:
///       brand: "#6a2c70"             # header, buttons, links
///       accent: "#a4431b"            # highlights ("today", underlines)
///
/// Both colours carry white text or sit on the white page, so each must
/// reach WCAG AA's 4.5:1 against white; a colour that does not is an error
/// naming its ratio and the nearest shade that passes, not a site whose
/// menu some readers cannot read.
public struct Branding: Sendable {
    /// The logo's path below content/, as written.
    public var logo: String?
    /// Where `logo:` is written in site.yaml, for the errors about the file.
    public var logoLine = 0
    public var logoColumn = 0
    public var brand: Colour?
    public var accent: Colour?

    public init() {}

    /// WCAG AA for body text.
    public static let minimumContrast = 4.5
    /// The file kinds a logo may be.
    public static let logoEndings = ["svg", "png", "jpg", "jpeg", "webp"]

    static func read(_ node: Node, settings: SettingsReader) throws(Diagnostic) -> Branding {
        var branding = Branding()
        if let logo = node["logo"] {
            guard let text = logo.scalar?.string, !text.isBlank else {
                throw problem(logo, settings, "'logo' must be the path of an image below content/",
                              fix: "write e.g. `logo: images/our-logo.png`")
            }
            let at = settings.position(of: logo)
            let ending = text.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard logoEndings.contains(ending) else {
                throw .error(settings.path, line: at.line, column: at.column,
                             "the logo '\(text)' is not an SVG, PNG, JPEG or WebP image",
                             fix: "save the logo as .svg or .png (square works best) and name that file here")
            }
            branding.logo = text
            (branding.logoLine, branding.logoColumn) = at
        }
        guard let colors = node["colors"] else { return branding }
        guard colors.mapping != nil else {
            throw problem(colors, settings, "'colors' must be a group of settings",
                          fix: "write `colors:` and under it, indented, `brand: \"#0b5563\"` and `accent: \"#b3541e\"`")
        }
        let reader = try SettingsReader(colors, path: settings.path, firstLine: settings.firstLine)
        branding.brand = try colour("brand", reader, colors, settings)
        branding.accent = try colour("accent", reader, colors, settings)
        return branding
    }

    private static func colour(_ key: String, _ reader: SettingsReader, _ colors: Node, _ settings: SettingsReader) throws(Diagnostic) -> Colour? {
        guard let node = colors[key] else { return nil }
        guard let text = try reader.string(key) else {
            // `brand: #6a2c70` without quotes: YAML reads the colour as a comment.
            throw problem(node, settings, "the \(key) colour is empty (without quotes, YAML reads a # and all after it as a comment)",
                          fix: "put the colour in quotes, e.g. `\(key): \"#0b5563\"`")
        }
        guard let colour = Colour(hex: text) else {
            throw problem(node, settings, "the \(key) colour '\(text)' is not a colour smartsite can read",
                          fix: "write it as a hex colour in quotes, e.g. `\(key): \"#0b5563\"`")
        }
        let ratio = colour.contrast(with: .white)
        if ratio < minimumContrast {
            let shade = colour.nearestShade(reaching: minimumContrast, against: .white)
            throw problem(node, settings,
                          "the \(key) colour \(colour) has a contrast of \(Colour.ratioText(ratio)) with white; "
                              + "text on it (and in it, on the page) needs at least 4.5:1 to be readable (WCAG AA)",
                          fix: "use \"\(shade)\" (\(Colour.ratioText(shade.contrast(with: .white)))), the nearest darker shade that passes, or a darker colour")
        }
        return colour
    }

    private static func problem(_ node: Node, _ settings: SettingsReader, _ message: String, fix: String) -> Diagnostic {
        let at = settings.position(of: node)
        return .error(settings.path, line: at.line, column: at.column, message, fix: fix)
    }
}
