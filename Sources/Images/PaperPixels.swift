import Foundation
import VipsCalls

/// A logo's pixels for the printed sheets (worksheets, workbooks, the
/// meetings flyer): PostScript draws raw colour samples, so the file is
/// decoded here, sized for print and laid on white.
public struct PaperPixels: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Red, green, blue for each pixel, rows from the top.
    public var rgb: Data

    /// Tall enough for the workbook cover's logo (an inch high: 160 pixels
    /// print at 160 dpi there, sharper in the smaller headers), and never
    /// wider than three times that: a banner logo is shown shrunk to fit.
    public static let height = 160
    static let widest = 3 * height

    /// `data`, the site's logo file (SVG, PNG, JPEG or WebP), decoded for paper.
    public static func ofLogo(_ data: Data) throws(ImageProblem) -> PaperPixels {
        try Vips.start()
        var fileWidth: Int32 = 0, fileHeight: Int32 = 0
        try Vips.withBytes(data) { (bytes, length) throws(ImageProblem) in
            guard smartsite_vips_header(bytes, length, &fileWidth, &fileHeight) == 0 else { throw ImageProblem.unreadable(Vips.lastError()) }
        }
        guard fileWidth > 0, fileHeight > 0 else { throw ImageProblem.unreadable("it has no pixels") }
        // At most `height` high and `widest` wide, in proportion.
        let scale = min(Double(height) / Double(fileHeight), Double(widest) / Double(fileWidth))
        let width = max(1, Int((Double(fileWidth) * scale).rounded()))
        let image = try Vips.withBytes(data) { (bytes, length) throws(ImageProblem) -> DecodedImage in
            var image: OpaquePointer?
            // Enlarged when smaller: a small logo prints soft, not tiny.
            guard smartsite_vips_render_drawing(bytes, length, Int32(width), &image) == 0, let image else {
                throw ImageProblem.unreadable(Vips.lastError())
            }
            return DecodedImage(adopting: image)
        }
        return PaperPixels(width: image.width, height: image.height, rgb: try image.printPixels())
    }
}
