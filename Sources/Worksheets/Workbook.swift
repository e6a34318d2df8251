import PostScript

/// Every worksheet in one PDF for a paper size: a cover with the program's
/// name, a contents page whose entries link to the worksheets, then the
/// worksheets themselves with page numbers running through, their field
/// names prefixed by the worksheet (`urge-log.urge_log.row1.trigger`) so
/// none repeats, and bookmarks nested worksheet → its sections. A part's
/// workbook (a point's) holds its worksheets and names the part on its cover.
struct Workbook {
    let worksheets: [Worksheet]
    let paper: Paper
    let settings: WorksheetSettings
    var part: WorkbookPart?

    /// e.g. workbook-letter, workbook-point-1-a4: the PDF's name, and how gs's log names it.
    var name: String { "workbook-" + (part.map { $0.key + "-" } ?? "") + paper.rawValue }
    var pdfPath: String { settings.urlPrefix + "worksheets/\(name).pdf" }

    static let entriesPerContentsPage = 24

    /// The document and its page count.
    func document() -> PostScriptDocument {
        let words = settings.words
        let layouts = worksheets.map { WorksheetLayout(worksheet: $0, paper: paper, settings: settings) }
        let laid = layouts.map { $0.paginated() }
        let contentsPages = max(1, (worksheets.count + Self.entriesPerContentsPage - 1) / Self.entriesPerContentsPage)
        var firstPages: [Int] = []
        var next = 2 + contentsPages
        for pages in laid {
            firstPages.append(next)
            next += pages.pages.count
        }
        let pageCount = next - 1

        let title = part.map { words.partWorkbookTitle(settings.siteTitle, $0.title) } ?? words.workbookTitle(settings.siteTitle)
        var info = DocumentInfo(title: title, author: settings.siteTitle,
                                subject: words.subject(settings.siteTitle), keywords: words.keywords,
                                creator: "smartsite", date: settings.pdfDate)
        info.custom = [(key: "Paper", value: paper.rawValue)]
        info.language = settings.language ?? words.language
        var document = PostScriptDocument(info: info, pageSize: paper.pageSize, logo: settings.logo)
        let page = WorksheetLayout(worksheet: worksheets.first ?? Self.blank, paper: paper, settings: settings)
        let (left, width) = (page.left, page.width)
        let size = paper.pageSize

        document.addPage { canvas in
            canvas.bookmark(words.cover, level: 1, y: size.height)
            canvas.setGray(0.1)
            var y = size.height * 0.62
            // An inch high above the program's name.
            canvas.drawLogo(x: left, y: y + 30, height: 72)
            for line in TextLayout.lines([TextRun(settings.siteTitle, font: .helveticaBold)], size: 20, width: width) {
                canvas.textLine(line.runs, size: 20, x: left, y: y)
                y -= 26
            }
            if let part {
                y -= 6
                for line in TextLayout.lines([TextRun(part.title, font: .helveticaBold)], size: 15, width: width) {
                    canvas.textLine(line.runs, size: 15, x: left, y: y)
                    y -= 20
                }
            }
            canvas.setGray(0.35)
            canvas.text(words.workbookSubtitle, font: .helvetica, size: 12.5, x: left, y: y - 8)
            canvas.setLineWidth(2)
            canvas.strokeLine(from: (left, y - 24), to: (left + width, y - 24))
            canvas.text(page.siteAddress, font: .helvetica, size: 10, x: left, y: y - 44)
            canvas.setGray(0)
            page.footer.draw(&canvas, left: left, width: width, bottom: 30, pageNumber: 1, pageCount: pageCount)
        }
        for contentsPage in 0..<contentsPages {
            document.addPage { canvas in
                if contentsPage == 0 { canvas.bookmark(words.contents, level: 1, y: size.height) }
                let top = size.height - page.topMargin
                canvas.text(words.contents, font: .helveticaBold, size: 20, x: left, y: top - 20)
                let entries = Array(worksheets.indices).dropFirst(contentsPage * Self.entriesPerContentsPage).prefix(Self.entriesPerContentsPage)
                var y = top - 56
                for i in entries {
                    let number = String(firstPages[i])
                    canvas.text(worksheets[i].title, font: .helvetica, size: 12.5, x: left, y: y)
                    canvas.setGray(0.35)
                    canvas.text(number, font: .helveticaBold, size: 12.5, x: left + width, y: y, align: .right)
                    canvas.setGray(0)
                    canvas.link(toPage: firstPages[i], rect: Rect(x: left, y: y - 4, width: width, height: 17))
                    y -= 24
                }
                page.footer.draw(&canvas, left: left, width: width, bottom: 30, pageNumber: 2 + contentsPage, pageCount: pageCount)
            }
        }
        for (i, layout) in layouts.enumerated() {
            layout.addPages(laid[i], to: &document, place: .init(firstPage: firstPages[i], pageCount: pageCount,
                                                                 fieldPrefix: worksheets[i].slug + ".", bookmarkDepth: 1))
        }
        return document
    }

    private static let blank = Worksheet(slug: "", title: "", description: "", paper: .letter, sourcePath: "", intro: [], blocks: [])
}
