/// Part of the program with a workbook of its own: one point of the 4-Point
/// Program and the worksheets of the tools that serve it. The site build
/// knows the points and tools; the worksheets only see this.
public struct WorkbookPart: Sendable, Hashable {
    /// In the file name: `point-1` → worksheets/workbook-point-1-letter.pdf.
    public var key: String
    /// On the cover, in the PDF's title and beside its links: "Point 1: Building and Maintaining Motivation".
    public var title: String
    /// The tool pages (names in toolbox/, without `.md`) whose worksheets it holds.
    public var tools: Set<String>
    /// Worksheets those tool pages name with `worksheet:`, for a worksheet without `tool:`.
    public var worksheets: Set<String>

    public init(key: String, title: String, tools: Set<String>, worksheets: Set<String> = []) {
        self.key = key
        self.title = title
        self.tools = tools
        self.worksheets = worksheets
    }

    func holds(_ worksheet: Worksheet) -> Bool {
        worksheet.tool.map(tools.contains) == true || worksheets.contains(worksheet.slug)
    }
}
