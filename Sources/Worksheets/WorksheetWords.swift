/// The words smartsite itself prints on worksheets, their PDFs and their
/// downloads, kept in one place: a translation of the site replaces this
/// value (through WorksheetSettings) instead of editing the layout code.
/// Everything a content editor writes (titles, labels) comes from the
/// worksheet files, not from here.
public struct WorksheetWords: Sendable {
    /// A paper size as a download link says it: "US Letter", "A4".
    public var paperName: @Sendable (Paper) -> String
    /// The footer's page number: "page 1 of 2".
    public var pageNumber: @Sendable (_ page: Int, _ pageCount: Int) -> String
    /// The PDF's subject when the worksheet has no description.
    public var subject: @Sendable (_ siteTitle: String) -> String
    /// Keywords every PDF has, before the worksheet's title and tool.
    public var keywords: [String]
    /// The footer's note when site.yaml gives no `disclaimer`.
    public var disclaimer: String
    /// The tooltip of a table cell: "When, row 3".
    public var tableCell: @Sendable (_ header: String, _ row: Int) -> String
    /// Printed after a pie slice's score line.
    public var outOfTen: String
    /// The tooltip of a pie slice's score field.
    public var sliceScore: @Sendable (_ slice: String) -> String
    /// How a screen reader names a scale's points on the web page: "from 0 to 10".
    public var scaleRange: @Sendable (_ from: Int, _ to: Int) -> String
    /// How a screen reader names a table without a label on the web page.
    public var table: String
    /// How long a PDF is, beside its download link: "1 page", "2 pages".
    public var pageCount: @Sendable (Int) -> String = { $0 == 1 ? "1 page" : "\($0) pages" }
    /// The start of the footer's help line: a filled-in sheet often sits at
    /// a bedside, far from the site.
    public var needHelp: String = "Need help now?"
    /// One help line of site.yaml in the footer: "988 Suicide & Crisis Lifeline: call 988, text 988".
    public var helpLine: @Sendable (_ name: String, _ phone: String?, _ text: String?) -> String = { name, phone, text in
        let ways = [phone.map { "call \($0)" }, text.map { "text \($0)" }].compactMap { $0 }
        return ways.isEmpty ? name : name + ": " + ways.joined(separator: ", ")
    }

    /// The language of these words (BCP 47): the PDFs' /Lang.
    public var language = "en"
    /// A large-print download: "US Letter, large print".
    public var largePrint: @Sendable (_ paper: String) -> String = { "\($0), large print" }

    /// The workbook PDF's title: "SMART Recovery Program Guide: worksheets".
    public var workbookTitle: @Sendable (_ siteTitle: String) -> String = { "\($0): worksheets" }
    /// A point's workbook's title: "SMART Recovery Program Guide: Point 1: Building and Maintaining Motivation, worksheets".
    public var partWorkbookTitle: @Sendable (_ siteTitle: String, _ part: String) -> String = { "\($0): \($1), worksheets" }
    /// Under the program's name on the workbook's cover.
    public var workbookSubtitle = "Worksheets to print and fill in"
    /// The workbook's bookmarks for its first pages.
    public var cover = "Cover"
    public var contents = "Contents"

    public static let english = WorksheetWords(
        paperName: { $0 == .letter ? "US Letter" : "A4" },
        pageNumber: { "page \($0) of \($1)" },
        subject: { "A worksheet from \($0)" },
        keywords: ["worksheet", "SMART Recovery"],
        disclaimer: "Not affiliated with or endorsed by SMART Recovery.",
        tableCell: { "\($0), row \($1)" },
        outOfTen: "/ 10",
        sliceScore: { "\($0): score from 0 to 10" },
        scaleRange: { "from \($0) to \($1)" },
        table: "Table")
}
