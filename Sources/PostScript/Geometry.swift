/// A page size in PostScript points (1/72 inch).
public struct PageSize: Sendable, Hashable {
    public var width: Double
    public var height: Double
    /// The media name for DSC comments, e.g. "Letter".
    public var name: String

    public init(width: Double, height: Double, name: String) {
        self.width = width
        self.height = height
        self.name = name
    }

    public static let letter = PageSize(width: 612, height: 792, name: "Letter")
    public static let a4 = PageSize(width: 595, height: 842, name: "A4")
}

/// A rectangle in PostScript coordinates: origin at the bottom left of the
/// page, y growing upwards.
public struct Rect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }
}

/// Text in one font: a paragraph is a list of runs, so bold and italic words
/// can sit in the same line.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var font: StandardFont
    /// A URL the run links to in the PDF (a link annotation over its box).
    public var link: String?

    public init(_ text: String, font: StandardFont, link: String? = nil) {
        self.text = text
        self.font = font
        self.link = link
    }
}

public enum TextAlignment: Sendable { case left, center, right }
