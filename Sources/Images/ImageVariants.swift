import DerivedFiles
import Foundation

/// Makes the published copies of an image: widths for phones, tablets and
/// desktops (never wider than the photo), each in WebP and in the photo's
/// own format, upright, in sRGB, with EXIF, GPS, XMP, IPTC, the ICC
/// profile and comments left out, so a photo does not publish where it was
/// taken or with what.
public enum ImageVariants {
    /// The widths `srcset` offers; the largest copy is the photo's own width,
    /// up to `largestWidth`.
    public static let widths = [480, 960, 1600]
    /// Wider than any screen shows a photo in a page's column (1600 px at 1.5x).
    public static let largestWidth = 2400

    /// Changes whenever what comes out for the same photo would change (the
    /// widths, the qualities, the libvips calls), so the last build's copies
    /// are not reused after it.
    static let recipe = "smartsite-images-1 widths=\(widths) largest=\(largestWidth) "
        + ImageFormat.allCases.map { "\($0.rawValue)=q\($0.quality)" }.joined(separator: ",")

    /// The copies of `file` (found at `path` below content/), reusing the
    /// last build's when the photo did not change.
    public static func make(_ file: ImageFile, path: String, cache: DerivedFileCache) throws(ImageProblem) -> ResizedImage {
        let key = self.key(of: file)
        if let reused = reuse(file, path: path, key: key, cache: cache) { return reused }
        let full = try DecodedImage.decode(file.bytes, width: largestWidth)
        var images: [(width: Int, image: DecodedImage)] = []
        for width in widths where width < full.width { images.append((width, try full.shrunk(to: width))) }
        images.append((full.width, full))
        var copies: [ResizedImage.Copy] = []
        for (width, image) in images {
            for format in formats(for: file.format) {
                copies.append(.init(path: copyPath(path, key: key, width: width, format: format),
                                    width: image.width, height: image.height, format: format, bytes: try image.encoded(as: format)))
            }
        }
        return ResizedImage(source: path, format: file.format, copies: copies, reused: false)
    }

    /// WebP first (what `<source>` offers), then the photo's own format.
    static func formats(for format: ImageFormat) -> [ImageFormat] { format == .webp ? [.webp] : [.webp, format] }

    /// `images/room.png` → `images/room.3fa2c1d0e5.960.webp`: the key in the
    /// name is the cache's stamp (the same name is the same photo, resized
    /// the same way) and lets browsers keep the file forever.
    static func copyPath(_ path: String, key: String, width: Int, format: ImageFormat) -> String {
        let stem = path.lastIndex(of: ".").map { String(path[..<$0]) } ?? path
        return "\(stem).\(key.prefix(10)).\(width).\(format.fileExtension)"
    }

    static func key(of file: ImageFile) -> String {
        var hasher = SHA256()
        hasher.update(recipe.utf8)
        hasher.update(file.bytes)
        return hasher.hexDigest()
    }

    /// The last build's copies, if all of them are there. The largest one
    /// says how wide the upright photo is, so which smaller ones to expect.
    static func reuse(_ file: ImageFile, path: String, key: String, cache: DerivedFileCache) -> ResizedImage? {
        let formats = formats(for: file.format)
        // The upright width is not known without decoding; the largest copy
        // is the photo's width up to largestWidth, so try the widths it can have.
        let candidates = Set([min(file.width, largestWidth), min(file.height, largestWidth)])
        for fullWidth in candidates.sorted() {
            let widths = self.widths.filter { $0 < fullWidth } + [fullWidth]
            var copies: [ResizedImage.Copy] = []
            for width in widths {
                for format in formats {
                    let copyPath = copyPath(path, key: key, width: width, format: format)
                    guard let bytes = cache.reuse(copyPath, madeFrom: key, stamp: NamedByKey()),
                          let size = try? ImageFile.checked(bytes, path: copyPath, limits: .standard) else { break }
                    copies.append(.init(path: copyPath, width: size.width, height: size.height, format: format, bytes: bytes))
                }
            }
            if copies.count == widths.count * formats.count {
                return ResizedImage(source: path, format: file.format, copies: copies, reused: true)
            }
        }
        return nil
    }
}

/// The copies carry their key in their name (ImageVariants.copyPath), so a
/// file found at that name was made from that input.
struct NamedByKey: DerivedFileStamp {
    func stamping(_ data: Data, with key: String) -> Data? { data }
    func isStamped(_ data: Data, with key: String) -> Bool { !data.isEmpty }
}
