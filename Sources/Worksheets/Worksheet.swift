import Foundation

/// A printable form, read from one Markdown file in content/worksheets/.
/// The same value is laid out as PostScript (for the PDFs) and as HTML (for
/// the worksheet's page), so the two always show the same form.
public struct Worksheet: Sendable {
    public var slug: String
    public var title: String
    public var description: String
    /// The toolbox page this worksheet belongs to (its slug), if any.
    public var tool: String?
    /// The line of `tool:` in the file, for the error when no such tool page exists.
    public var toolLine = 0
    /// The paper `smartsite worksheet` uses when none is asked for.
    public var paper: Paper
    /// Printed on pages turned sideways: a table of many columns needs the width.
    public var landscape = false
    public var sourcePath: String
    /// Paragraphs before the first heading, printed under the title.
    public var intro: [[Span]]
    public var blocks: [FormBlock]
}

/// A piece of text with Markdown's inline styles, already flattened.
public struct Span: Sendable, Hashable {
    public var text: String
    public var bold = false
    public var italic = false
    /// An absolute URL when the text is a link.
    public var link: String?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.link = link
    }
}

extension Array where Element == Span {
    public var plainText: String { map(\.text).joined() }
}

/// The building blocks of a form. Field names are stable: they come from the
/// labels (or an explicit `name=`), never from positions that shift when an
/// editor adds a block.
public enum FormBlock: Sendable {
    /// `##` starts a section (a bookmark in the PDF); `###` a subsection.
    case heading(level: Int, text: [Span])
    /// Instructions.
    case paragraph([Span])
    /// A bulleted or numbered list of instructions.
    case list(ordered: Bool, items: [[Span]])
    /// One or more labelled single-line fields, side by side.
    case fields([SingleField])
    /// A labelled writing area of `lines` ruled lines.
    case lines(WritingArea)
    case checkboxes(CheckboxList)
    case scale(RatingScale)
    case grid(Grid)
    case table(Table)
    case pie(Pie)
    case pageBreak
}

public struct SingleField: Sendable {
    public var label: String
    public var name: String
}

public struct WritingArea: Sendable {
    public var label: [Span]
    public var hint: String?
    public var lines: Int
    public var name: String
}

public struct CheckboxList: Sendable {
    public var label: [Span]
    public var items: [[Span]]
    /// One name per item: `list_name.item_name`.
    public var names: [String]
    public var columns: Int
}

public struct RatingScale: Sendable {
    public var label: [Span]
    public var from: Int
    public var to: Int
    public var lowAnchor: String?
    public var highAnchor: String?
    public var name: String
}

public struct Grid: Sendable {
    public struct Cell: Sendable {
        public var label: String
        public var name: String
    }
    public var columns: Int
    public var lines: Int
    public var cells: [Cell]
}

public struct Table: Sendable {
    public struct Column: Sendable {
        public var header: String
        public var name: String
        public var width: ColumnWidth = .normal
    }
    public var label: [Span]
    public var columns: [Column]
    public var rows: Int
    public var name: String
}

public struct Pie: Sendable {
    public struct Slice: Sendable {
        public var label: String
        public var name: String
    }
    public var label: [Span]
    public var slices: [Slice]
    public var name: String
}

/// How much room a table column gets: `narrow` for a number or a score,
/// `wide` for a sentence. Written after the header (`Trigger | wide`), or
/// chosen from the header (a scale such as "Intensity (0–10)" is narrow).
public enum ColumnWidth: String, Sendable, CaseIterable {
    case narrow, normal, wide

    /// Shares of the table's width.
    var weight: Double {
        switch self {
        case .narrow: return 1
        case .normal: return 2
        case .wide: return 3
        }
    }

    /// A header that asks for a number: it names a range ("0-10", "1–5").
    static func guess(_ header: String) -> ColumnWidth {
        let range = header.range(of: #"\d+\s*[-–]\s*\d+"#, options: .regularExpression)
        return range == nil ? .normal : .narrow
    }
}
