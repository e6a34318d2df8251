import Content
import Foundation
import Images
import PostScript

/// The logo the printed sheets carry: the one the site's header shows
/// (site.yaml `logo`, else smartsite's own in templates/assets/logo.svg),
/// decoded for paper.
enum PrintedLogo {
    /// Nil when there is no logo file or it cannot be decoded. The sheets then
    /// print the program's name alone; a broken `logo:` is already the image
    /// step's error, reported at its line in site.yaml.
    static func picture(site: Site, templatesFolder: String) -> Picture? {
        guard let data = logoFile(site: site, templatesFolder: templatesFolder),
              let pixels = try? PaperPixels.ofLogo(data) else { return nil }
        return Picture(width: pixels.width, height: pixels.height, rgb: [UInt8](pixels.rgb))
    }

    private static func logoFile(site: Site, templatesFolder: String) -> Data? {
        if let logo = site.config.branding.logo {
            guard case .file(let path, _) = LinkTarget.of(logo, from: "site.yaml") else { return nil }
            return try? Data(contentsOf: site.folder.url(path))
        }
        return FileManager.default.contents(atPath: templatesFolder + "/assets/logo.svg")
    }
}
