import DerivedFiles
import Foundation
import VipsCalls

/// A logo drawn as SVG, as a PNG picture: social media show no SVG when a
/// page is shared, so a site whose logo is a drawing sends this instead.
public enum DrawingPicture {
    /// Square logos look right at this size in a shared link's preview.
    public static let width = 512

    /// The drawing `data` (found at `path` below content/) rendered `width`
    /// pixels wide, with no metadata, named like the photos' copies
    /// (`images/logo.3fa2c1d0e5.512.png`: a changed drawing, a new name).
    public static func png(ofSVG data: Data, path: String, width: Int = width) throws(ImageProblem) -> ResizedImage.Copy {
        try Vips.start()
        let image = try Vips.withBytes(data) { (bytes, length) throws(ImageProblem) -> DecodedImage in
            var image: OpaquePointer?
            guard smartsite_vips_render_drawing(bytes, length, Int32(width), &image) == 0, let image else {
                throw ImageProblem.unreadable(Vips.lastError())
            }
            return DecodedImage(adopting: image)
        }
        var hasher = SHA256()
        hasher.update(data)
        let key = hasher.hexDigest()
        return ResizedImage.Copy(path: ImageVariants.copyPath(path, key: key, width: image.width, format: .png),
                                 width: image.width, height: image.height, format: .png, bytes: try image.encoded(as: .png))
    }
}
