/// A raster picture, the program's logo, on the pages of one document. Its
/// samples are written once, in the prolog, and each page that shows it
/// calls one procedure: a 40-page workbook carries the pixels once, and
/// Ghostscript keeps a single image for the identical draws.
public struct Picture: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Red, green, blue for each pixel, rows from the top.
    public let rgb: [UInt8]
    /// Written once: every document of a build carries the same lines.
    let prologLines: [String]

    /// Nil unless there are exactly `width × height` pixels, at least one.
    public init?(width: Int, height: Int, rgb: [UInt8]) {
        guard width > 0, height > 0, rgb.count == width * height * 3 else { return nil }
        self.width = width
        self.height = height
        self.rgb = rgb
        prologLines = Self.prolog(width: width, height: height, rgb: rgb)
    }

    /// How wide it is drawn `height` points high.
    public func width(atHeight height: Double) -> Double {
        height * Double(width) / Double(self.height)
    }

    /// The prolog's definitions: the samples as hex strings (a PostScript
    /// string holds at most 65,535 bytes, so whole rows in pieces under
    /// that), and `SSLogo`, which paints them into the unit square.
    private static func prolog(width: Int, height: Int, rgb: [UInt8]) -> [String] {
        let rowBytes = width * 3
        let rowsPerPiece = max(1, 60_000 / rowBytes)
        var out = ["% The logo, \(width) x \(height) pixels: SSLogo paints it into the unit square.", "/SSLogoData ["]
        var start = 0
        while start < rgb.count {
            let end = min(rgb.count, start + rowsPerPiece * rowBytes)
            out.append("<")
            var lineStart = start
            while lineStart < end {
                let lineEnd = min(end, lineStart + 64)
                var line: [UInt8] = []
                line.reserveCapacity(128)
                for byte in rgb[lineStart..<lineEnd] {
                    line.append(hexDigits[Int(byte >> 4)])
                    line.append(hexDigits[Int(byte & 0x0F)])
                }
                out.append(String(decoding: line, as: UTF8.self))
                lineStart = lineEnd
            }
            out.append(">")
            start = end
        }
        out.append("] def")
        out.append("/SSLogo {")
        out.append("  /SSLogoNext 0 def")
        out.append("  \(width) \(height) 8 [\(width) 0 0 -\(height) 0 \(height)]")
        out.append("  {SSLogoData SSLogoNext get /SSLogoNext SSLogoNext 1 add def}")
        out.append("  false 3 colorimage")
        out.append("} bind def")
        return out
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
