import Content

/// What the templates show of site.yaml's `logo` and `colors`: the logo's
/// address (the shipped drawing when there is none), the favicon, and the
/// colours as CSS custom properties over templates/assets/site.css's own.
/// Worked out once per build.
struct SiteBrand: Sendable {
    /// Below the site root: `images/logo.3fa2c1d0e5.96.png` or `assets/logo.svg`.
    var logoPath = "assets/logo.svg"
    var faviconPath = "assets/favicon.svg"
    var faviconType = "image/svg+xml"
    /// The largest copy of a photo logo, for pages with no image of their own (`og:image`).
    var socialImagePath: String?
    /// `:root { … }` rules, nil when site.yaml sets no colour.
    var style: String?
    var themeColour = "#0b5563"

    /// A copy at least twice the header's 36 px, for sharp screens.
    static let headerWidth = 72

    init(branding: Branding, images: [String: PublishedImage]) {
        if let logo = branding.logo, case .file(let path, _) = LinkTarget.of(logo, from: "site.yaml") {
            if path.lowercased().hasSuffix(".svg") {
                // The drawing in the header and the tab; its PNG picture for social media.
                logoPath = path
                faviconPath = path
                socialImagePath = images[path]?.original.last?.path
            } else if let image = images[path] {
                let copy = image.original.first { $0.width >= Self.headerWidth } ?? image.original.last
                logoPath = copy?.path ?? path
                faviconPath = logoPath
                faviconType = image.mediaType
                socialImagePath = image.original.last { $0.width <= 1200 }?.path ?? image.original.last?.path
            } else {
                logoPath = path
                faviconPath = path
            }
        }
        if let brand = branding.brand { themeColour = brand.description }
        style = Self.css(brand: branding.brand, accent: branding.accent)
    }

    /// Light: the colours as given (site.yaml has checked they carry white
    /// text). Dark: the header a darker shade of the brand, links and the
    /// accent the nearest lighter shades that read on the dark page.
    static func css(brand: Colour?, accent: Colour?) -> String? {
        guard brand != nil || accent != nil else { return nil }
        var light: [String] = []
        var dark: [String] = []
        let minimum = Branding.minimumContrast
        if let brand {
            light += ["--brand: \(brand)", "--brand-dark: \(brand.darkened(0.3))"]
            let link = brand.nearestShade(reaching: minimum, against: .darkPaper)
            dark += ["--header-bg: \(brand.darkened(0.4))", "--brand-dark: \(brand.darkened(0.6))",
                     "--link: \(link)", "--link-hover: \(link.lightened(0.35))"]
        }
        if let accent {
            light.append("--accent: \(accent)")
            dark.append("--accent: \(accent.nearestShade(reaching: minimum, against: .darkPaper))")
        }
        return ":root { \(light.joined(separator: "; ")); }\n"
            + "@media (prefers-color-scheme: dark) { :root { \(dark.joined(separator: "; ")); } }"
    }
}
