/// The standard PostScript fonts the writer uses. Every PostScript printer and
/// Ghostscript has them (Ghostscript substitutes the metric-compatible URW
/// fonts), so nothing has to be embedded in the PostScript itself.
public enum StandardFont: String, CaseIterable, Sendable, Hashable {
    case helvetica = "Helvetica"
    case helveticaBold = "Helvetica-Bold"
    case helveticaOblique = "Helvetica-Oblique"
    case helveticaBoldOblique = "Helvetica-BoldOblique"
    case timesRoman = "Times-Roman"
    case timesBold = "Times-Bold"
    case timesItalic = "Times-Italic"
    case timesBoldItalic = "Times-BoldItalic"

    public enum Family: Sendable, Hashable { case helvetica, times }

    /// The font of a family with the given weight and slant, so callers can
    /// turn Markdown's strong/emphasis into a font without a table of their own.
    public static func of(_ family: Family, bold: Bool = false, italic: Bool = false) -> StandardFont {
        switch (family, bold, italic) {
        case (.helvetica, false, false): return .helvetica
        case (.helvetica, true, false): return .helveticaBold
        case (.helvetica, false, true): return .helveticaOblique
        case (.helvetica, true, true): return .helveticaBoldOblique
        case (.times, false, false): return .timesRoman
        case (.times, true, false): return .timesBold
        case (.times, false, true): return .timesItalic
        case (.times, true, true): return .timesBoldItalic
        }
    }

    public var family: Family {
        switch self {
        case .helvetica, .helveticaBold, .helveticaOblique, .helveticaBoldOblique: return .helvetica
        default: return .times
        }
    }

    public var isBold: Bool { [.helveticaBold, .helveticaBoldOblique, .timesBold, .timesBoldItalic].contains(self) }
    public var isItalic: Bool { [.helveticaOblique, .helveticaBoldOblique, .timesItalic, .timesBoldItalic].contains(self) }

    /// The name of the re-encoded copy the prolog defines.
    var encodedName: String { rawValue + "-WinAnsi" }

    public var metrics: FontMetrics {
        switch self {
        case .helvetica: return .helvetica
        case .helveticaBold: return .helveticaBold
        case .helveticaOblique: return .helveticaOblique
        case .helveticaBoldOblique: return .helveticaBoldOblique
        case .timesRoman: return .timesRoman
        case .timesBold: return .timesBold
        case .timesItalic: return .timesItalic
        case .timesBoldItalic: return .timesBoldItalic
        }
    }

    /// Width in points of `text` set at `size`, as `show` will advance it
    /// (no kerning: `show` does not kern either).
    public func width(of text: String, size: Double) -> Double {
        metrics.width(ofEncoded: WinAnsi.encode(text).bytes) * size / 1000
    }
}

/// Advance widths (1/1000 em) per WinAnsi byte code, from AFM data; see
/// FontMetrics+Generated.swift and scripts/generate-font-metrics.py.
public struct FontMetrics: Sendable {
    public let ascender: Int
    public let descender: Int
    public let capHeight: Int
    public let xHeight: Int
    let widths: [Int]

    init(ascender: Int, descender: Int, capHeight: Int, xHeight: Int, widths: [Int]) {
        self.ascender = ascender
        self.descender = descender
        self.capHeight = capHeight
        self.xHeight = xHeight
        self.widths = widths
    }

    public func width(ofEncoded bytes: [UInt8]) -> Double {
        var total = 0
        for b in bytes { total += widths[Int(b)] }
        return Double(total)
    }
}
