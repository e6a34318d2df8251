import VipsCalls

/// The image formats the build resizes: what the bytes are, not what the
/// file is called.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif

    /// The name a person knows it by, for messages.
    public var name: String {
        switch self {
        case .jpeg: return "JPEG"
        case .png: return "PNG"
        case .webp: return "WebP"
        case .gif: return "GIF"
        }
    }

    /// The file name ending the resized copies get.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The `type` of a `<source>` element.
    public var mediaType: String { "image/" + rawValue }

    /// The endings a file of this format may have.
    var extensions: [String] {
        switch self {
        case .jpeg: return ["jpg", "jpeg"]
        case .png: return ["png"]
        case .webp: return ["webp"]
        case .gif: return ["gif"]
        }
    }

    /// The format a file name says, if it is one the build resizes.
    public static func named(_ path: String) -> ImageFormat? {
        let ending = fileEnding(path)
        return allCases.first { $0.extensions.contains(ending) }
    }

    /// JPEG 82 and WebP 80 are where photos stop looking better and only grow.
    var quality: Int { self == .webp ? 80 : 82 }

    var vipsFormat: smartsite_image_format {
        switch self {
        case .jpeg: return SMARTSITE_IMAGE_JPEG
        case .png: return SMARTSITE_IMAGE_PNG
        case .webp: return SMARTSITE_IMAGE_WEBP
        case .gif: return SMARTSITE_IMAGE_GIF
        }
    }

    init?(vips: smartsite_image_format) {
        switch vips {
        case SMARTSITE_IMAGE_JPEG: self = .jpeg
        case SMARTSITE_IMAGE_PNG: self = .png
        case SMARTSITE_IMAGE_WEBP: self = .webp
        case SMARTSITE_IMAGE_GIF: self = .gif
        default: return nil
        }
    }
}

/// `images/Room.JPG` → `jpg`.
func fileEnding(_ path: String) -> String {
    guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return "" }
    return name[name.index(after: dot)...].lowercased()
}
