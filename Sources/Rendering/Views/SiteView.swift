import Content

/// `site`: the settings of content/site.yaml.
struct SiteView: TemplateView {
    enum Key: String, CaseIterable {
        case title, description, language, disclaimer
        case baseURL = "base_url"
        case helpLines = "help_lines"
        case logo, favicon
        case faviconType = "favicon_type"
        case brandStyle = "brand_style"
        case themeColor = "theme_color"
    }

    let site: SiteData

    // Texts as TemplateText: every page prints the site's title and language.
    func value(_ key: Key) -> (any Sendable)? {
        let config = site.site.config
        switch key {
        case .title: return TemplateText(config.title)
        case .description: return config.description.map(TemplateText.init)
        case .language: return TemplateText(config.language)
        case .disclaimer: return config.disclaimer.map(TemplateText.init)
        case .baseURL: return TemplateText(config.baseURL)
        case .helpLines: return site.helpLines
        case .logo: return TemplateText(SitePaths.percentEncoded(site.brand.logoPath))
        case .favicon: return TemplateText(SitePaths.percentEncoded(site.brand.faviconPath))
        case .faviconType: return TemplateText(site.brand.faviconType)
        case .brandStyle: return site.brand.style.map(TemplateText.init)
        case .themeColor: return TemplateText(site.brand.themeColour)
        }
    }
}

/// One of `site.help_lines`, with the links that call or text it. A class,
/// made once per build: every page lists them.
final class HelpLineView: TemplateView {
    enum Key: String, CaseIterable {
        case name, summary, phone, text, tty, website
        case phoneURL = "phone_url"
        case textURL = "text_url"
        case ttyURL = "tty_url"
    }

    let line: SiteConfig.HelpLine
    let phoneURL: String?
    let textURL: String?
    let ttyURL: String?

    init(_ line: SiteConfig.HelpLine) {
        self.line = line
        phoneURL = line.phone.flatMap { PhoneNumber.link("tel", $0) }
        textURL = line.text.flatMap { PhoneNumber.link("sms", $0) }
        ttyURL = line.tty.flatMap { PhoneNumber.link("tel", $0) }
    }

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .name: return line.name
        case .summary: return line.summary
        case .phone: return line.phone
        case .text: return line.text
        case .tty: return line.tty
        case .website: return line.website
        case .phoneURL: return phoneURL
        case .textURL: return textURL
        case .ttyURL: return ttyURL
        }
    }
}
