import Content

/// The words smartsite itself prints on worksheets, their PDFs and their
/// downloads, in the worksheet's language, from the language's strings file
/// (`templates/i18n/CODE.yaml`, InterfaceWords). Everything a content editor
/// writes (titles, labels) comes from the worksheet files, not from here.
public struct WorksheetWords: Sendable {
    public let interface: InterfaceWords

    public init(_ interface: InterfaceWords) {
        self.interface = interface
    }

    private func text(_ key: String, _ values: [String: String] = [:]) -> String { interface.text(key, values) }

    /// The language for the PDF's /Lang: `en-US`, `es-US` (the programs are in the US).
    public var pdfLanguage: String { interface.language.contains("-") ? interface.language : interface.language + "-US" }
    /// A paper size as a download link says it: "US Letter", "A4".
    public func paperName(_ paper: Paper) -> String { text(paper == .letter ? "paper_letter" : "paper_a4") }
    /// The footer's page number: "page 1 of 2".
    public func pageNumber(_ page: Int, _ pageCount: Int) -> String {
        text("page_number", ["page": String(page), "pages": String(pageCount)])
    }
    /// The PDF's subject when the worksheet has no description.
    public func subject(_ siteTitle: String) -> String { text("worksheet_subject", ["site": siteTitle]) }
    /// Keywords every PDF has, before the worksheet's title and tool.
    public var keywords: [String] {
        text("worksheet_keywords").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    /// The footer's note when site.yaml gives no `disclaimer`.
    public var disclaimer: String { text("worksheet_disclaimer") }
    /// The tooltip of a table cell: "When, row 3".
    public func tableCell(_ header: String, _ row: Int) -> String { text("table_cell", ["header": header, "row": String(row)]) }
    /// Printed after a pie slice's score line.
    public var outOfTen: String { text("out_of_ten") }
    /// The tooltip of a pie slice's score field.
    public func sliceScore(_ slice: String) -> String { text("slice_score", ["slice": slice]) }
    /// How a screen reader names a scale's points on the web page: "from 0 to 10".
    public func scaleRange(_ from: Int, _ to: Int) -> String { text("scale_range", ["from": String(from), "to": String(to)]) }
    /// How a screen reader names a table without a label on the web page.
    public var table: String { text("table") }
    /// How long a PDF is, beside its download link: "1 page", "2 pages".
    public func pageCount(_ count: Int) -> String { count == 1 ? text("page_count_one") : text("page_count_other", ["count": String(count)]) }
    /// The start of the footer's help line: a filled-in sheet often sits at
    /// a bedside, far from the site.
    public var needHelp: String { text("need_help") }
    /// One help line of site.yaml in the footer: "988 Suicide & Crisis Lifeline: call 988, text 988".
    public func helpLine(_ name: String, _ phone: String?, _ textNumber: String?) -> String {
        let ways = [phone.map { text("help_line_call", ["number": $0]) }, textNumber.map { text("help_line_text", ["number": $0]) }]
            .compactMap { $0 }
        return ways.isEmpty ? name : name + ": " + ways.joined(separator: ", ")
    }

    /// The language of these words (BCP 47, `en`): the PDFs' /Lang on a site of one language.
    public var language: String { interface.language }
    /// A large-print download: "US Letter, large print".
    public func largePrint(_ paper: String) -> String { text("large_print", ["paper": paper]) }

    /// The workbook PDF's title: "SMART Recovery Program Guide: worksheets".
    public func workbookTitle(_ siteTitle: String) -> String { text("workbook_title", ["site": siteTitle]) }
    /// A point's workbook's title: "SMART Recovery Program Guide: Point 1: Building and Maintaining Motivation, worksheets".
    public func partWorkbookTitle(_ siteTitle: String, _ part: String) -> String {
        text("part_workbook_title", ["site": siteTitle, "part": part])
    }
    /// Under the program's name on the workbook's cover.
    public var workbookSubtitle: String { text("workbook_subtitle") }
    /// The workbook's bookmarks for its first pages.
    public var cover: String { text("workbook_cover") }
    public var contents: String { text("workbook_contents") }
}
