/// One page being drawn. Coordinates are PostScript points from the bottom
/// left. Everything a caller passes in (text, names, URLs) is encoded and
/// escaped here, so no input can produce a broken program.
public struct PageCanvas {
    public let size: PageSize
    /// 1-based.
    public let number: Int

    var lines: [String] = []
    var fontsUsed: Set<StandardFont> = []
    var warnings: [String] = []
    var outline: [OutlineEntry] = []
    var checkBoxSizes: Set<Int> = []
    /// Form fields and the index in `lines` they go before; written out by
    /// the document, which knows the whole field hierarchy.
    var widgets: [(position: Int, widget: FormWidget)] = []
    var fieldNames: [String] {
        widgets.compactMap { if case .radio = $0.widget.kind { return nil } else { return $0.widget.name } }
    }
    var radioSizes: Set<Int> = []
    /// Text field sizes (FormWidget.sizeKey of width and height), one empty
    /// appearance each.
    var textFieldSizes: Set<[Int]> = []
    /// Put before every field name on this page: a workbook's pages carry
    /// their worksheet's name (`urge-log.`), so names stay unique in it.
    public var fieldPrefix = ""
    /// Added to every bookmark's level: in a workbook, a worksheet's
    /// sections sit under the worksheet's own bookmark.
    public var bookmarkDepth = 0
    private var currentFont: (StandardFont, Double)?
    private var currentGray: Double = 0
    private var currentLineWidth: Double = 1

    init(size: PageSize, number: Int) {
        self.size = size
        self.number = number
    }

    // MARK: Graphics state

    /// Gray level from 0 (black) to 1 (white), rounded to sixteenths: those
    /// survive Ghostscript's pdfwrite exactly (it keeps 12 bits), so a page
    /// looks the same printed from the PostScript and from the PDF.
    public mutating func setGray(_ gray: Double) {
        let sixteenths = Int((min(max(gray, 0), 1) * 16).rounded())
        let level = Double(sixteenths) / 16
        guard level != currentGray else { return }
        currentGray = level
        let text = sixteenths == 16 ? "1" : sixteenths == 0 ? "0" : String(String(level).prefix(6))
        lines.append("\(text) setgray")
    }

    public mutating func setLineWidth(_ width: Double) {
        guard width != currentLineWidth else { return }
        currentLineWidth = width
        lines.append("\(n(width)) setlinewidth")
    }

    /// A dash pattern for the strokes that follow; empty for solid lines.
    public mutating func setDash(_ pattern: [Double]) {
        lines.append("[" + pattern.map(n).joined(separator: " ") + "] 0 setdash")
    }

    /// Everything drawn after this is `factor` times as large (large print):
    /// the caller lays out on a page `factor` times smaller. Form fields and
    /// links scale with it.
    public mutating func scale(_ factor: Double) {
        lines.append("\(n(factor)) \(n(factor)) scale")
    }

    // MARK: Shapes

    public mutating func strokeLine(from a: (x: Double, y: Double), to b: (x: Double, y: Double)) {
        lines.append("\(n(a.x)) \(n(a.y)) M \(n(b.x)) \(n(b.y)) L stroke")
    }

    public mutating func strokeRect(_ r: Rect) {
        lines.append("\(n(r.x)) \(n(r.y)) \(n(r.width)) \(n(r.height)) rectstroke")
    }

    public mutating func fillRect(_ r: Rect) {
        lines.append("\(n(r.x)) \(n(r.y)) \(n(r.width)) \(n(r.height)) rectfill")
    }

    /// Many rectangles as one path and one fill (a QR code's modules): one
    /// fill has no seams between rectangles that touch.
    public mutating func fillRects(_ rects: [Rect]) {
        guard !rects.isEmpty else { return }
        lines.append("newpath")
        for r in rects {
            lines.append("\(n(r.x)) \(n(r.y)) M \(n(r.width)) 0 rlineto 0 \(n(r.height)) rlineto \(n(-r.width)) 0 rlineto closepath")
        }
        lines.append("fill")
    }

    public mutating func strokeCircle(center: (x: Double, y: Double), radius: Double) {
        lines.append(circlePath(center, radius) + " stroke")
    }

    public mutating func fillCircle(center: (x: Double, y: Double), radius: Double) {
        lines.append(circlePath(center, radius) + " fill")
    }

    /// A circle as four Bézier curves. Written out rather than with `arc`, so
    /// the PDF (where pdfwrite turns arcs into curves of its own) holds the
    /// very same path and renders the same pixels.
    private func circlePath(_ c: (x: Double, y: Double), _ r: Double) -> String {
        let k = r * 0.5523
        var p = "newpath \(n(c.x + r)) \(n(c.y)) M"
        p += " \(n(c.x + r)) \(n(c.y + k)) \(n(c.x + k)) \(n(c.y + r)) \(n(c.x)) \(n(c.y + r)) curveto"
        p += " \(n(c.x - k)) \(n(c.y + r)) \(n(c.x - r)) \(n(c.y + k)) \(n(c.x - r)) \(n(c.y)) curveto\n"
        p += "\(n(c.x - r)) \(n(c.y - k)) \(n(c.x - k)) \(n(c.y - r)) \(n(c.x)) \(n(c.y - r)) curveto"
        p += " \(n(c.x + k)) \(n(c.y - r)) \(n(c.x + r)) \(n(c.y - k)) \(n(c.x + r)) \(n(c.y)) curveto closepath"
        return p
    }

    /// A closed or open polyline.
    public mutating func strokePolyline(_ points: [(x: Double, y: Double)], closed: Bool = false) {
        guard let first = points.first else { return }
        var text = "newpath \(n(first.x)) \(n(first.y)) M"
        for p in points.dropFirst() {
            text += " \(n(p.x)) \(n(p.y)) L"
            if text.count > 180 {
                lines.append(text)
                text = ""
            }
        }
        lines.append(text + (closed ? " closepath stroke" : " stroke"))
    }

    // MARK: Text

    /// One line of text in one font. Returns the width it took.
    @discardableResult
    public mutating func text(_ string: String, font: StandardFont, size: Double, x: Double, y: Double,
                              align: TextAlignment = .left) -> Double {
        textLine([TextRun(string, font: font)], size: size, x: x, y: y, align: align)
    }

    /// One line of runs in mixed fonts, placed one after the other.
    @discardableResult
    public mutating func textLine(_ runs: [TextRun], size: Double, x: Double, y: Double,
                                  align: TextAlignment = .left) -> Double {
        var encoded: [(StandardFont, [UInt8], String?, Double)] = []
        var width = 0.0
        for run in runs where !run.text.isEmpty {
            let (bytes, missing) = WinAnsi.encode(run.text)
            if !missing.isEmpty { warnUnmappable(missing) }
            let w = run.font.metrics.width(ofEncoded: bytes) * size / 1000
            encoded.append((run.font, bytes, run.link, w))
            width += w
        }
        guard !encoded.isEmpty else { return 0 }
        let startX: Double
        switch align {
        case .left: startX = x
        case .center: startX = x - width / 2
        case .right: startX = x - width
        }
        var runX = startX
        for (font, bytes, url, w) in encoded {
            // Every run starts from an explicit point in tenths of a point,
            // where pdfwrite can put it exactly (see Literal.number).
            lines.append("\(n(runX)) \(n(y)) M")
            useFont(font, size: size)
            lines.append(Literal.string(bytes) + " S")
            if let url {
                link(Rect(x: runX, y: y + Double(font.metrics.descender) * size / 1000, width: w,
                          height: Double(font.metrics.ascender - font.metrics.descender) * size / 1000), url: url)
            }
            runX += w
        }
        return width
    }

    private mutating func useFont(_ font: StandardFont, size: Double) {
        fontsUsed.insert(font)
        if let current = currentFont, current.0 == font, current.1 == size { return }
        currentFont = (font, size)
        lines.append("/\(font.encodedName) \(n(size)) SF")
    }

    private mutating func warnUnmappable(_ characters: [Character]) {
        for c in characters {
            let codes = c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
            let message = "page \(number): the fonts have no glyph for '\(c)' (\(codes)); printed as '?'"
            if !warnings.contains(message) { warnings.append(message) }
        }
    }

    // MARK: PDF features (pdfmark; ignored by printers)

    /// A clickable area that opens a URL in a PDF viewer.
    public mutating func link(_ rect: Rect, url: String) {
        lines.append("[ /Rect \(box(rect)) /Border [0 0 0] /Action << /Subtype /URI /URI \(Literal.ascii(url)) >> /Subtype /Link /ANN pdfmark")
    }

    /// A clickable area that turns to page `page` (1-based) of this document.
    public mutating func link(toPage page: Int, rect: Rect) {
        lines.append("[ /Rect \(box(rect)) /Border [0 0 0] /Page \(max(1, page)) /View [/XYZ null null null] /Subtype /Link /ANN pdfmark")
    }

    /// A bookmark pointing at height `y` of this page. `level` 1 is top.
    public mutating func bookmark(_ title: String, level: Int = 1, y: Double) {
        outline.append(OutlineEntry(title: title, level: max(1, level + bookmarkDepth), page: number, y: y))
    }

    /// A fillable text field over `rect`; `multiline` for writing areas.
    /// Dots in `name` make a hierarchy (`urge_log.row3.trigger`), as PDF
    /// form field names do.
    public mutating func textField(name: String, rect: Rect, multiline: Bool, fontSize: Double = 11, tooltip: String? = nil) {
        textFieldSizes.insert([FormWidget.sizeKey(rect.width), FormWidget.sizeKey(rect.height)])
        addWidget(FormWidget(name: name, kind: .text(multiline: multiline, fontSize: fontSize), rect: rect, tooltip: tooltip))
    }

    /// A check box with its own on (a check mark) and off (empty) appearances;
    /// the square itself should be drawn on the page so it prints. `rect` is
    /// made square (its width).
    public mutating func checkBox(name: String, rect: Rect, tooltip: String? = nil) {
        let square = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.width)
        checkBoxSizes.insert(FormWidget.sizeKey(rect.width))
        addWidget(FormWidget(name: name, kind: .checkBox, rect: square, tooltip: tooltip))
    }

    /// One button of a radio group: the group `group` takes the value
    /// `value` (letters and digits) when this button is on. Draw the circle
    /// on the page; the on appearance is a dot.
    public mutating func radioButton(group: String, value: String, rect: Rect, tooltip: String? = nil) {
        let square = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.width)
        checkBoxSizes.insert(FormWidget.sizeKey(rect.width))
        radioSizes.insert(FormWidget.sizeKey(rect.width))
        addWidget(FormWidget(name: group, kind: .radio(value: value), rect: square, tooltip: tooltip))
    }

    private mutating func addWidget(_ widget: FormWidget) {
        var widget = widget
        widget.name = fieldPrefix + widget.name
        widgets.append((lines.count, widget))
    }

    private func box(_ r: Rect) -> String {
        "[\(n(r.x)) \(n(r.y)) \(n(r.maxX)) \(n(r.maxY))]"
    }

    private func n(_ v: Double) -> String { Literal.number(v) }
}

struct OutlineEntry {
    var title: String
    var level: Int
    var page: Int
    var y: Double
}
