/// A multi-page PostScript program conforming to the Document Structuring
/// Conventions 3.0: header comments, a prolog of procedures, a setup that
/// selects the paper and re-encodes the fonts, independent pages, a trailer.
/// PDF-only features (document info, bookmarks, links, form fields) are
/// pdfmark operators, guarded so that a printer without pdfmark ignores them.
public struct PostScriptDocument {
    public var info: DocumentInfo
    public var pageSize: PageSize
    private var pages: [PageCanvas] = []

    public init(info: DocumentInfo, pageSize: PageSize) {
        self.info = info
        self.pageSize = pageSize
    }

    public var pageCount: Int { pages.count }

    /// Characters that could not be shown, duplicate field names... Each is
    /// worth telling the author about; none makes the program invalid.
    public var warnings: [String] {
        var all: [String] = []
        for page in pages { all.append(contentsOf: page.warnings) }
        var seen: Set<String> = []
        for name in pages.flatMap(\.fieldNames) where !seen.insert(name).inserted {
            all.append("the form field name '\(name)' is used twice; a PDF viewer will fill both as one")
        }
        all.append(contentsOf: FieldTree(widgets: pages.flatMap { $0.widgets.map(\.widget) }).warnings)
        return all
    }

    /// Adds a page and lets `draw` paint it. `size` overrides the document's
    /// page size for this page (a page set of its own).
    public mutating func addPage(size: PageSize? = nil, _ draw: (inout PageCanvas) -> Void) {
        var canvas = PageCanvas(size: size ?? pageSize, number: pages.count + 1)
        draw(&canvas)
        pages.append(canvas)
    }

    public func render() -> String {
        var out: [String] = []
        let fonts = StandardFont.allCases.filter { f in pages.contains { $0.fontsUsed.contains(f) } }
        let hasFields = pages.contains { !$0.widgets.isEmpty }
        let maxWidth = pages.map(\.size.width).max() ?? pageSize.width
        let maxHeight = pages.map(\.size.height).max() ?? pageSize.height
        var media: [PageSize] = []
        for size in [pageSize] + pages.map(\.size) where !media.contains(size) { media.append(size) }

        // Header comments
        out.append("%!PS-Adobe-3.0")
        out.append("%%Title: " + Literal.comment(info.title))
        out.append("%%Creator: " + Literal.comment(info.creator))
        out.append("%%BoundingBox: 0 0 \(Int(maxWidth.rounded(.up))) \(Int(maxHeight.rounded(.up)))")
        out.append("%%LanguageLevel: 2")
        out.append("%%Pages: \(pages.count)")
        out.append("%%PageOrder: Ascend")
        out.append("%%Orientation: Portrait")
        for (i, m) in media.enumerated() {
            out.append((i == 0 ? "%%DocumentMedia: " : "%%+ ") + "\(m.name) \(Literal.number(m.width)) \(Literal.number(m.height)) 0 () ()")
        }
        for (i, f) in fonts.enumerated() {
            out.append((i == 0 ? "%%DocumentNeededResources: " : "%%+ ") + "font \(f.rawValue)")
        }
        out.append("%%EndComments")

        // Prolog: procedures only, no output
        out.append("%%BeginProlog")
        out.append("%%BeginResource: procset smartsite-prolog 1.0 0")
        out.append("% Printers without pdfmark discard PDF-only instructions.")
        out.append("/pdfmark where {pop} {userdict /pdfmark /cleartomark load put} ifelse")
        out.append("/M {moveto} bind def")
        out.append("/L {lineto} bind def")
        out.append("/S {show} bind def")
        out.append("% /name size SF: select a re-encoded font")
        out.append("/SF {exch findfont exch scalefont setfont} bind def")
        out.append("% /newname /basename SSReencode: a copy of the font with SSWinAnsi as its encoding")
        out.append("/SSReencode {")
        out.append("  findfont dup length dict begin")
        out.append("  {1 index /FID ne {def} {pop pop} ifelse} forall")
        out.append("  /Encoding SSWinAnsi def")
        out.append("  currentdict end definefont pop")
        out.append("} bind def")
        out.append("/SSWinAnsi [")
        var row = ""
        for name in WinAnsi.glyphNames {
            let token = "/" + name
            if row.count + token.count + 1 > 100 {
                out.append(row)
                row = ""
            }
            row += (row.isEmpty ? "" : " ") + token
        }
        if !row.isEmpty { out.append(row) }
        out.append("] def")
        out.append("%%EndResource")
        out.append("%%EndProlog")

        // Setup: paper, fonts, document info, form objects
        out.append("%%BeginSetup")
        out.append(contentsOf: pageDeviceSetup(pageSize))
        for f in fonts {
            out.append("%%IncludeResource: font \(f.rawValue)")
            out.append("/\(f.encodedName) /\(f.rawValue) SSReencode")
        }
        out.append(contentsOf: docInfoMark())
        let fieldTree = FieldTree(widgets: pages.flatMap { $0.widgets.map(\.widget) })
        if hasFields {
            out.append(contentsOf: formObjects())
            out.append(contentsOf: fieldTree.setupMarks())
        }
        out.append("%%EndSetup")

        // Pages; each page carries its own bookmarks, so no mark points at a
        // page pdfwrite has not seen yet.
        var outlines: [Int: [String]] = [:]
        for (page, mark) in outlineMarks() { outlines[page, default: []].append(mark) }
        var currentSize = pageSize
        for page in pages {
            out.append("%%Page: \(page.number) \(page.number)")
            out.append("%%BeginPageSetup")
            if page.size != currentSize {
                out.append(contentsOf: pageDeviceSetup(page.size))
                currentSize = page.size
            }
            out.append("/SSPageSave save def")
            out.append("%%EndPageSetup")
            var widgetIndex = 0
            for (position, line) in page.lines.enumerated() {
                while widgetIndex < page.widgets.count && page.widgets[widgetIndex].position == position {
                    out.append(contentsOf: fieldTree.marks(for: page.widgets[widgetIndex].widget,
                                                           objectName: "SSField\(page.number)_\(widgetIndex + 1)"))
                    widgetIndex += 1
                }
                out.append(line)
            }
            for (i, w) in page.widgets.enumerated() where i >= widgetIndex {
                out.append(contentsOf: fieldTree.marks(for: w.widget, objectName: "SSField\(page.number)_\(i + 1)"))
            }
            out.append(contentsOf: outlines[page.number] ?? [])
            out.append("SSPageSave restore")
            out.append("showpage")
            out.append("%%PageTrailer")
        }

        // Trailer: the form put into the Catalog
        out.append("%%Trailer")
        if hasFields {
            out.append("[ /_objdef {SSAcroForm} /type /dict /OBJ pdfmark")
            // Every field has its appearance (/AP), so no /NeedAppearances:
            // viewers that ignore it (and PDF 2.0, which drops it) show them all.
            out.append("[ {SSAcroForm} << /Fields {SSFields} /DA (/Helv 0 Tf 0 g)")
            out.append("  /DR << /Font << /Helv {SSHelv} /ZaDb {SSZaDb} >> >> >> /PUT pdfmark")
            out.append("% Without /AcroForm in the Catalog, viewers show no form.")
            out.append("[ {Catalog} << /AcroForm {SSAcroForm} >> /PUT pdfmark")
        }
        if let language = info.language, !language.isEmpty {
            out.append("[ {Catalog} << /Lang \(Literal.ascii(language)) >> /PUT pdfmark")
        }
        out.append("%%EOF")
        return out.joined(separator: "\n") + "\n"
    }

    private func pageDeviceSetup(_ size: PageSize) -> [String] {
        ["%%BeginFeature: *PageSize \(size.name)",
         "<< /PageSize [\(Literal.number(size.width)) \(Literal.number(size.height))] >> setpagedevice",
         "%%EndFeature"]
    }

    private func docInfoMark() -> [String] {
        var lines = ["[ /Title \(Literal.pdfText(info.title, basicPlaneOnly: true))"]
        if !info.author.isEmpty { lines.append("  /Author \(Literal.pdfText(info.author, basicPlaneOnly: true))") }
        if !info.subject.isEmpty { lines.append("  /Subject \(Literal.pdfText(info.subject, basicPlaneOnly: true))") }
        if !info.keywords.isEmpty { lines.append("  /Keywords \(Literal.pdfText(info.keywords.joined(separator: ", "), basicPlaneOnly: true))") }
        lines.append("  /Creator \(Literal.pdfText(info.creator, basicPlaneOnly: true))")
        lines.append("  /CreationDate \(Literal.ascii(info.date)) /ModDate \(Literal.ascii(info.date))")
        for (key, value) in info.custom {
            lines.append("  \(Literal.name(key)) \(Literal.pdfText(value, basicPlaneOnly: true))")
        }
        lines[lines.count - 1] += " /DOCINFO pdfmark"
        return lines
    }

    private func formObjects() -> [String] {
        var lines = [
            "[ /_objdef {SSFields} /type /array /OBJ pdfmark",
            "[ /_objdef {SSHelv} /type /dict /OBJ pdfmark",
            "[ {SSHelv} << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> /PUT pdfmark",
            "[ /_objdef {SSZaDb} /type /dict /OBJ pdfmark",
            "[ {SSZaDb} << /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >> /PUT pdfmark",
        ]
        // Check-box appearances, one pair per size: on draws a check mark, off
        // draws nothing (the square is part of the page, so it also prints).
        for key in Set(pages.flatMap(\.checkBoxSizes)).sorted() {
            let s = Double(key) / 100
            let bbox = "[0 0 \(Literal.number(s)) \(Literal.number(s))]"
            let f = { (v: Double) in Literal.number(v * s) }
            let check = "q 0 g \(f(0.12)) w 1 J 1 j \(f(0.2)) \(f(0.52)) m \(f(0.42)) \(f(0.25)) l \(f(0.82)) \(f(0.8)) l S Q"
            lines.append("[ /_objdef {SSCheckOn\(key)} /type /stream /OBJ pdfmark")
            lines.append("[ {SSCheckOn\(key)} \(Literal.ascii(check)) /PUT pdfmark")
            lines.append("[ {SSCheckOn\(key)} << /Type /XObject /Subtype /Form /BBox \(bbox) >> /PUT pdfmark")
            lines.append("[ /_objdef {SSCheckOff\(key)} /type /stream /OBJ pdfmark")
            lines.append("[ {SSCheckOff\(key)} () /PUT pdfmark")
            lines.append("[ {SSCheckOff\(key)} << /Type /XObject /Subtype /Form /BBox \(bbox) >> /PUT pdfmark")
        }
        // Text fields: an empty appearance per size, marked as the field's
        // variable text; a viewer draws over it what is typed.
        for key in Set(pages.flatMap(\.textFieldSizes)).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let name = "SSText\(key[0])x\(key[1])"
            let bbox = "[0 0 \(Literal.number(Double(key[0]) / 100)) \(Literal.number(Double(key[1]) / 100))]"
            lines.append("[ /_objdef {\(name)} /type /stream /OBJ pdfmark")
            lines.append("[ {\(name)} (/Tx BMC EMC) /PUT pdfmark")
            lines.append("[ {\(name)} << /Type /XObject /Subtype /Form /BBox \(bbox) /Resources << /Font << /Helv {SSHelv} >> >> >> /PUT pdfmark")
        }
        // Radio buttons: on is a filled dot (four Bézier arcs).
        for key in Set(pages.flatMap(\.radioSizes)).sorted() {
            let s = Double(key) / 100
            let c = s / 2, r = s * 0.28, k = r * 0.5523
            let f = Literal.number
            let dot = "q 0 g \(f(c + r)) \(f(c)) m \(f(c + r)) \(f(c + k)) \(f(c + k)) \(f(c + r)) \(f(c)) \(f(c + r)) c "
                + "\(f(c - k)) \(f(c + r)) \(f(c - r)) \(f(c + k)) \(f(c - r)) \(f(c)) c "
                + "\(f(c - r)) \(f(c - k)) \(f(c - k)) \(f(c - r)) \(f(c)) \(f(c - r)) c "
                + "\(f(c + k)) \(f(c - r)) \(f(c + r)) \(f(c - k)) \(f(c + r)) \(f(c)) c f Q"
            lines.append("[ /_objdef {SSRadioOn\(key)} /type /stream /OBJ pdfmark")
            lines.append("[ {SSRadioOn\(key)} \(Literal.ascii(dot)) /PUT pdfmark")
            lines.append("[ {SSRadioOn\(key)} << /Type /XObject /Subtype /Form /BBox [0 0 \(f(s)) \(f(s))] >> /PUT pdfmark")
        }
        return lines
    }

    /// /OUT marks; /Count tells how many of the following entries are this
    /// entry's direct children.
    private func outlineMarks() -> [(page: Int, mark: String)] {
        let entries = pages.flatMap(\.outline)
        var lines: [(Int, String)] = []
        for (i, e) in entries.enumerated() {
            var children = 0
            for later in entries[(i + 1)...] {
                if later.level <= e.level { break }
                if later.level == e.level + 1 { children += 1 }
            }
            // No /Page: the mark is written on its own page, which it then means.
            // (An explicit /Page outlives an OutputFile switch in gs 10 and is
            // checked against the next document's pages.)
            var mark = "[ /Title \(Literal.pdfText(e.title)) /View [/XYZ null \(Literal.number(e.y)) null]"
            if children > 0 { mark += " /Count \(children)" }
            lines.append((e.page, mark + " /OUT pdfmark"))
        }
        return lines
    }
}
