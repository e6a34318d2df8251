import Content
import Foundation
import PostScript
import QRCode

/// Lays a worksheet out on paper: title and introduction, then the blocks in
/// order, flowed over pages without splitting a field, a writing area or a
/// grid cell; a running header from page 2 and a footer on every page.
struct WorksheetLayout {
    let worksheet: Worksheet
    let paper: Paper
    let settings: WorksheetSettings
    /// Large print: everything drawn 1.4 times as large (10 pt body text
    /// becomes 14 pt, writing lines 32 pt apart), on the same paper.
    var largePrint = false

    // The look, in points. Generous writing space: 23 pt between ruled lines
    // is about 8 mm, room for ordinary handwriting. Font sizes are 2^a·5^b
    // points (6.25, 8, 10, 12.5, 20): pdfwrite writes the gaps between pieces
    // of text on one line in thousandths of the size, and with these sizes
    // every gap in tenths of a point is exact there, so the PDF renders the
    // very same pixels as the PostScript.
    static let ruleSpacing = 23.0
    static let bodySize = 10.0
    static let bodyLeading = 14.5
    static let labelSize = 10.0
    static let ink = 0.0
    static let softInk = 0.25
    static let ruleGray = 0.6
    static let family = StandardFont.Family.helvetica
    /// A QR code's module: 1.5 pt, or larger for a short address, so that
    /// the code is at least 20 mm (56.7 pt) across with its quiet zone,
    /// which a phone reads from arm's length. Tenths of a point, as
    /// everything on the page (see Literal.number).
    static func qrModule(_ code: QRCode) -> Double {
        max(1.5, (56.7 / Double(code.size + 2 * QRCode.quietZone) * 10).rounded(.up) / 10)
    }

    /// How much larger than the regular worksheet everything is drawn.
    var scale: Double { largePrint ? 1.4 : 1 }
    /// The paper, turned sideways for a landscape worksheet.
    var paperSize: PageSize {
        let size = paper.pageSize
        return worksheet.landscape ? PageSize(width: size.height, height: size.width, name: size.name) : size
    }
    /// The page the layout fills, in its own points: the paper shrunk by the
    /// scale, which every page then enlarges back.
    var size: PageSize { PageSize(width: paperSize.width / scale, height: paperSize.height / scale, name: paperSize.name) }
    var margin: Double { largePrint ? 38 : 54 }
    var topMargin: Double { largePrint ? 44 : 58 }
    var left: Double { margin }
    var width: Double { size.width - 2 * margin }
    var frameTop: Double { size.height - topMargin }
    var footer: Footer { Footer(settings: settings, width: width) }
    var frameHeight: Double { frameTop - (30 + footer.height + 14) }

    /// The PDF's file name without `.pdf`: urge-log-letter, urge-log-large-a4.
    var name: String { worksheet.slug + (largePrint ? "-large-" : "-") + paper.rawValue }

    /// The PostScript document of this worksheet alone, ready to render.
    func document() -> PostScriptDocument {
        var info = DocumentInfo(title: worksheet.title, author: settings.siteTitle,
                                subject: worksheet.description.isEmpty ? settings.words.subject(settings.siteTitle) : worksheet.description,
                                keywords: settings.words.keywords + [worksheet.title] + (worksheet.tool.map { [$0] } ?? []),
                                creator: "smartsite", date: settings.pdfDate)
        info.custom = [(key: "Paper", value: paper.rawValue)]
        info.language = settings.language ?? settings.words.language
        var document = PostScriptDocument(info: info, pageSize: paperSize, logo: settings.logo)
        let laid = paginated()
        addPages(laid, to: &document, place: Place(firstPage: 1, pageCount: laid.pages.count))
        return document
    }

    /// Where a worksheet's pages go in a document: its own PDF, or a workbook.
    struct Place {
        /// The number the footer prints on the worksheet's first page, and
        /// the document's page count.
        var firstPage: Int
        var pageCount: Int
        /// Put before every field name (`urge-log.`) so that names are unique in a workbook.
        var fieldPrefix = ""
        /// In a workbook, the worksheet's title is a bookmark and its
        /// sections are bookmarks under it.
        var bookmarkDepth = 0
    }

    /// The blocks and which page each goes on.
    struct Paginated {
        var blocks: [FlowBlock]
        var pages: [[PageFlow.Placement]]
    }

    /// Pages filled from the top. A last page left less than half full gets
    /// its writing areas lengthened down to the footer: more room to write,
    /// rather than a sheet of blank paper.
    func paginated() -> Paginated {
        var made = flowBlocks()
        var pages = PageFlow.paginate(made.blocks, frameHeight: frameHeight)
        guard pages.count > 1, let last = pages.last, let bottom = last.last else { return Paginated(blocks: made.blocks, pages: pages) }
        let used = bottom.offset + made.blocks[bottom.index].height
        let areas = last.compactMap { made.writingAreas[$0.index] }
        let extra = areas.isEmpty ? 0 : Int((frameHeight - used) / Self.ruleSpacing) / areas.count
        guard used < frameHeight / 2, extra > 0 else { return Paginated(blocks: made.blocks, pages: pages) }
        made = flowBlocks(extraLines: Dictionary(uniqueKeysWithValues: areas.map { ($0, extra) }))
        pages = PageFlow.paginate(made.blocks, frameHeight: frameHeight)
        return Paginated(blocks: made.blocks, pages: pages)
    }

    func addPages(_ laid: Paginated, to document: inout PostScriptDocument, place: Place) {
        let footer = self.footer
        for (index, placements) in laid.pages.enumerated() {
            document.addPage(size: paperSize) { page in
                if scale != 1 { page.scale(scale) }
                page.fieldPrefix = place.fieldPrefix
                if place.bookmarkDepth > 0 && index == 0 {
                    page.bookmark(worksheet.title, level: place.bookmarkDepth, y: size.height)
                }
                page.bookmarkDepth = place.bookmarkDepth
                if index > 0 { drawRunningHeader(&page) } else { drawTopLine(&page) }
                for placement in placements {
                    laid.blocks[placement.index].draw(&page, frameTop - placement.offset)
                }
                footer.draw(&page, left: left, width: width, bottom: 30, pageNumber: place.firstPage + index, pageCount: place.pageCount)
            }
        }
    }

    /// The site's address as the page prints it: without `https://`.
    var siteAddress: String {
        settings.baseURL.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
    }

    var pageURL: String {
        BaseURL.normalized(settings.baseURL) + settings.urlPrefix + "worksheets/\(worksheet.slug)/"
    }

    /// Page 1: where the worksheet comes from, above the title, and a QR
    /// code of its web page in the top right corner with the address beside
    /// it, so a sheet on paper leads back to the tool and to help.
    private func drawTopLine(_ page: inout PageCanvas) {
        let y = size.height - 34
        // The logo stands on the name's line, a little taller than its capitals.
        let logoWidth = page.drawLogo(x: left, y: y - 4, height: Self.headerLogoHeight)
        let nameLeft = logoWidth > 0 ? left + logoWidth + 6 : left
        page.setGray(0.35)
        page.text(settings.siteTitle.uppercased(), font: .helveticaBold, size: 8, x: nameLeft, y: y)
        var right = left + width
        if let code = QRCode(pageURL, errorCorrection: .medium) {
            // The quiet zone may reach into the margin: it is blank paper.
            let module = Self.qrModule(code)
            let quiet = Double(QRCode.quietZone) * module
            let side = Double(code.size + 2 * QRCode.quietZone) * module
            page.qrCode(code, x: left + width + quiet - side, top: size.height - 22, module: module)
            page.link(Rect(x: left + width + quiet - side, y: size.height - 22 - side, width: side, height: side), url: pageURL)
            right = left + width + quiet - side
        }
        page.setGray(0.35)
        let display = pageURL.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        // Beside the program's name when both fit on the line, else under it.
        let nameWidth = StandardFont.helveticaBold.width(of: settings.siteTitle.uppercased(), size: 8)
        let addressWidth = StandardFont.helvetica.width(of: display, size: 8)
        let (x, lineY, align) = nameWidth + 12 + addressWidth <= right - nameLeft ? (right, y, TextAlignment.right) : (nameLeft, y - 10, .left)
        let w = page.text(display, font: .helvetica, size: 8, x: x, y: lineY, align: align)
        page.link(Rect(x: align == .right ? x - w : x, y: lineY - 2, width: w, height: 9), url: pageURL)
        page.setGray(0)
    }

    /// Points high: 18 pt is a quarter inch, enough to know the program by.
    static let headerLogoHeight = 18.0

    /// The QR code's side, quiet zone included.
    var qrSide: Double {
        guard let code = QRCode(pageURL) else { return 0 }
        return Double(code.size + 2 * QRCode.quietZone) * Self.qrModule(code)
    }

    /// How far the QR code reaches left from the right margin on page 1:
    /// the title is kept clear of it.
    var qrClearance: Double {
        guard let code = QRCode(pageURL) else { return 0 }
        return Double(code.size + QRCode.quietZone) * Self.qrModule(code) + 6
    }

    /// Pages 2 and on: the title, so loose pages can be put back together.
    private func drawRunningHeader(_ page: inout PageCanvas) {
        let y = size.height - 34
        page.setGray(0.35)
        page.text(worksheet.title, font: .helveticaBold, size: 8, x: left, y: y)
        page.text(settings.siteTitle, font: .helvetica, size: 8, x: left + width, y: y, align: .right)
        page.setLineWidth(0.5)
        page.setGray(0.6)
        page.strokeLine(from: (left, y - 6), to: (left + width, y - 6))
        page.setGray(0)
    }

    // MARK: - Blocks

    /// The blocks in order, and which of them are writing areas (block
    /// index → index in the worksheet's blocks). `extraLines` lengthens
    /// writing areas, by the worksheet block's index.
    func flowBlocks(extraLines: [Int: Int] = [:]) -> (blocks: [FlowBlock], writingAreas: [Int: Int]) {
        var blocks: [FlowBlock] = [titleBlock()]
        var writingAreas: [Int: Int] = [:]
        for (i, paragraph) in worksheet.intro.enumerated() {
            blocks.append(paragraphBlock(paragraph, size: 10, leading: 15, spaceBefore: i == 0 ? 10 : 7, gray: 0.1))
        }
        var breakNext = false
        for (blockIndex, block) in worksheet.blocks.enumerated() {
            var made: [FlowBlock]
            switch block {
            case .pageBreak:
                breakNext = true
                continue
            case let .heading(level, text):
                made = [headingBlock(text, level: level)]
            case let .paragraph(spans):
                made = [paragraphBlock(spans, size: Self.bodySize, leading: Self.bodyLeading, spaceBefore: 7, gray: Self.softInk)]
            case let .list(ordered, items):
                made = items.enumerated().map { listItemBlock($1, marker: ordered ? "\($0 + 1)." : "\u{2022}", first: $0 == 0) }
            case let .fields(fields):
                made = [fieldRowBlock(fields)]
            case var .lines(area):
                area.lines += extraLines[blockIndex] ?? 0
                writingAreas[blocks.count] = blockIndex
                made = [writingAreaBlock(area)]
            case let .checkboxes(list):
                made = checkboxBlocks(list)
            case let .scale(scale):
                made = [scaleBlock(scale)]
            case let .grid(grid):
                made = gridBlocks(grid)
            case let .table(table):
                made = tableBlocks(table)
            case let .pie(pie):
                made = pieBlocks(pie)
            }
            if breakNext, !made.isEmpty {
                made[0].breakBefore = true
                breakNext = false
            }
            blocks += made
        }
        return (blocks, writingAreas)
    }

    /// The title, kept clear of the QR code beside it; its rule runs under both.
    private func titleBlock() -> FlowBlock {
        let clearance = qrClearance
        let lines = TextLayout.lines([TextRun(worksheet.title, font: .helveticaBold)], size: 20, width: width - clearance)
        // The code hangs from 22 pt below the paper's top; the frame starts at topMargin.
        let codeBottom = clearance > 0 ? qrSide - (topMargin - 22) - 2 : 0
        let height = max(Double(lines.count) * 26 + 12, codeBottom + 6)
        return FlowBlock(height: height) { page, top in
            for (i, line) in lines.enumerated() {
                page.textLine(line.runs, size: 20, x: left, y: top - 20 - Double(i) * 26)
            }
            page.setLineWidth(2)
            page.setGray(0.15)
            page.strokeLine(from: (left, top - height + 3), to: (left + width, top - height + 3))
            page.setGray(0)
        }
    }

    private func headingBlock(_ text: [Span], level: Int) -> FlowBlock {
        let size = level == 1 ? 12.5 : 10.0
        let leading = size + 4
        let lines = TextLayout.lines(runs(text, bold: true), size: size, width: width)
        let height = Double(lines.count) * leading + (level == 1 ? 6 : 2)
        let title = text.plainText
        return FlowBlock(height: height, spaceBefore: level == 1 ? 18 : 12, keepWithNext: true) { page, top in
            page.bookmark(title, level: level, y: top + 4)
            drawLines(lines, in: &page, x: left, top: top, size: size, leading: leading)
            if level == 1 {
                page.setLineWidth(0.6)
                page.setGray(0.55)
                page.strokeLine(from: (left, top - height + 2), to: (left + width, top - height + 2))
                page.setGray(0)
            }
        }
    }

    private func paragraphBlock(_ spans: [Span], size: Double, leading: Double, spaceBefore: Double, gray: Double) -> FlowBlock {
        let lines = TextLayout.lines(runs(spans), size: size, width: width)
        return FlowBlock(height: Double(lines.count) * leading, spaceBefore: spaceBefore) { page, top in
            page.setGray(gray)
            drawLines(lines, in: &page, x: left, top: top, size: size, leading: leading)
            page.setGray(0)
        }
    }

    private func listItemBlock(_ spans: [Span], marker: String, first: Bool) -> FlowBlock {
        let indent = 16.0
        let lines = TextLayout.lines(runs(spans), size: Self.bodySize, width: width - indent)
        return FlowBlock(height: Double(lines.count) * Self.bodyLeading, spaceBefore: first ? 6 : 2) { page, top in
            page.setGray(Self.softInk)
            let base = baseline(top, Self.bodySize, Self.bodyLeading)
            if marker == "\u{2022}" {
                // A drawn dot rather than the bullet glyph: pdfwrite would fold the
                // glyph and the text into one TJ, which renders a hair apart.
                page.fillCircle(center: (left + 5, base + Self.bodySize * 0.3), radius: 1.8)
            } else {
                page.text(marker, font: .helveticaBold, size: Self.bodySize, x: left + 1, y: base)
            }
            drawLines(lines, in: &page, x: left + indent, top: top, size: Self.bodySize, leading: Self.bodyLeading)
            page.setGray(0)
        }
    }

    /// Labelled single lines, side by side: "Name ________  Date ________".
    private func fieldRowBlock(_ fields: [SingleField]) -> FlowBlock {
        let gutter = 20.0
        let cell = (width - gutter * Double(fields.count - 1)) / Double(fields.count)
        let height = 30.0
        return FlowBlock(height: height, spaceBefore: 10) { page, top in
            let base = top - height + 6
            for (i, field) in fields.enumerated() {
                let x = left + Double(i) * (cell + gutter)
                let labelWidth = min(page.text(field.label, font: .helveticaBold, size: Self.labelSize, x: x, y: base + 3), cell * 0.6)
                let lineStart = x + labelWidth + 6
                page.setLineWidth(0.7)
                page.setGray(0.3)
                page.strokeLine(from: (lineStart, base), to: (x + cell, base))
                page.setGray(0)
                page.textField(name: field.name, rect: Rect(x: lineStart, y: base + 1, width: x + cell - lineStart, height: 18),
                               multiline: false, fontSize: 11 * scale, tooltip: field.label)
            }
        }
    }

    /// A label, an optional hint, and N ruled lines under one multi-line field.
    private func writingAreaBlock(_ area: WritingArea) -> FlowBlock {
        let label = TextLayout.lines(runs(area.label, bold: true), size: Self.labelSize, width: width)
        let hint = area.hint.map { TextLayout.lines([TextRun($0, font: .helveticaOblique)], size: 8, width: width) } ?? []
        let labelHeight = area.label.isEmpty ? 0 : Double(label.count) * 14
        let hintHeight = Double(hint.count) * 12
        let rules = Double(area.lines) * Self.ruleSpacing
        let height = labelHeight + hintHeight + rules + 2
        return FlowBlock(height: height, spaceBefore: 12) { page, top in
            if !area.label.isEmpty { drawLines(label, in: &page, x: left, top: top, size: Self.labelSize, leading: 14) }
            page.setGray(0.35)
            drawLines(hint, in: &page, x: left, top: top - labelHeight, size: 8, leading: 11)
            let rulesTop = top - labelHeight - hintHeight
            drawRules(&page, x: left, width: width, top: rulesTop, count: area.lines)
            page.textField(name: area.name, rect: Rect(x: left, y: rulesTop - rules, width: width, height: rules),
                           multiline: true, fontSize: 11 * scale, tooltip: area.label.plainText)
        }
    }

    private func checkboxBlocks(_ list: CheckboxList) -> [FlowBlock] {
        var blocks: [FlowBlock] = []
        blocks += labelBlock(list.label)
        let columns = list.columns
        let gutter = 16.0
        let columnWidth = (width - gutter * Double(columns - 1)) / Double(columns)
        let box = 11.0
        let textIndent = box + 8
        var index = 0
        while index < list.items.count {
            let row = Array(index..<min(index + columns, list.items.count))
            let laid = row.map { TextLayout.lines(runs(list.items[$0]), size: Self.bodySize, width: columnWidth - textIndent) }
            let height = (laid.map { Double($0.count) }.max() ?? 1) * Self.bodyLeading + 5
            let first = index == 0
            blocks.append(FlowBlock(height: height, spaceBefore: first ? (list.label.isEmpty ? 10 : 4) : 0) { page, top in
                for (slot, item) in row.enumerated() {
                    let x = left + Double(slot) * (columnWidth + gutter)
                    // Centred on the capital letters' middle, as a printed form's boxes are.
                    let capMiddle = baseline(top, Self.bodySize, Self.bodyLeading) + Self.bodySize * 0.36
                    let boxTop = capMiddle + box / 2
                    let rect = Rect(x: x + 1, y: boxTop - box, width: box, height: box)
                    page.setLineWidth(0.8)
                    page.setGray(0.2)
                    page.strokeRect(rect)
                    page.setGray(0)
                    page.checkBox(name: list.names[item], rect: rect, tooltip: list.items[item].plainText)
                    drawLines(laid[slot], in: &page, x: x + textIndent, top: top, size: Self.bodySize, leading: Self.bodyLeading)
                }
            })
            index += columns
        }
        return blocks
    }

    /// Numbered circles from `from` to `to`; one radio group, so a viewer
    /// lets the person pick exactly one.
    private func scaleBlock(_ scale: RatingScale) -> FlowBlock {
        let label = TextLayout.lines(runs(scale.label, bold: true), size: Self.labelSize, width: width)
        let labelHeight = Double(label.count) * 14
        let hasAnchors = scale.lowAnchor != nil || scale.highAnchor != nil
        let height = labelHeight + 46 + (hasAnchors ? 12 : 0)
        let count = scale.to - scale.from + 1
        return FlowBlock(height: height, spaceBefore: 12) { page, top in
            drawLines(label, in: &page, x: left, top: top, size: Self.labelSize, leading: 14)
            // Spread over the full width, aligned with the ruled lines.
            let step = (width - 14) / Double(count - 1)
            let span = step * Double(count - 1)
            let startX = left + 7
            let numberY = top - labelHeight - 16
            let circleY = numberY - 15
            let diameter = 14.0
            // Anchors on either side of the circles' drawing (see tableBlocks).
            if let low = scale.lowAnchor {
                page.setGray(0.375)
                page.text(low, font: .helveticaOblique, size: 8, x: startX - diameter / 2, y: circleY - 20)
            }
            for i in 0..<count {
                let value = scale.from + i
                let cx = startX + Double(i) * step
                page.setGray(0.2)
                page.text(String(value), font: .helveticaBold, size: 10, x: cx, y: numberY, align: .center)
                page.setLineWidth(0.8)
                page.strokeCircle(center: (cx, circleY), radius: diameter / 2)
                page.setGray(0)
                page.radioButton(group: scale.name, value: "v\(value)",
                                 rect: Rect(x: cx - diameter / 2, y: circleY - diameter / 2, width: diameter, height: diameter),
                                 tooltip: "\(scale.label.plainText): \(value)")
            }
            page.setGray(0.35)
            if let high = scale.highAnchor {
                page.text(high, font: .helveticaOblique, size: 8, x: startX + span + diameter / 2, y: circleY - 20, align: .right)
            }
            page.setGray(0)
        }
    }

    /// Rows of boxed cells; each cell has a label and ruled lines under one
    /// multi-line field. A row is one block, so no cell is ever split.
    private func gridBlocks(_ grid: Grid) -> [FlowBlock] {
        let columns = grid.columns
        let cellWidth = width / Double(columns)
        let pad = 9.0
        var blocks: [FlowBlock] = []
        var index = 0
        while index < grid.cells.count {
            let row = Array(grid.cells[index..<min(index + columns, grid.cells.count)])
            let labels = row.map { TextLayout.lines([TextRun($0.label, font: .helveticaBold)], size: Self.labelSize, width: cellWidth - 2 * pad) }
            let labelHeight = Double(labels.map(\.count).max() ?? 1) * 14
            let rules = Double(grid.lines) * Self.ruleSpacing
            let height = pad + labelHeight + rules + pad
            let first = index == 0
            blocks.append(FlowBlock(height: height, spaceBefore: first ? 12 : 0) { page, top in
                for (slot, cell) in row.enumerated() {
                    let x = left + Double(slot) * cellWidth
                    page.setLineWidth(0.9)
                    page.setGray(0.25)
                    page.strokeRect(Rect(x: x, y: top - height, width: cellWidth, height: height))
                    page.setGray(0)
                    drawLines(labels[slot], in: &page, x: x + pad, top: top - pad, size: Self.labelSize, leading: 14)
                    let rulesTop = top - pad - labelHeight
                    drawRules(&page, x: x + pad, width: cellWidth - 2 * pad, top: rulesTop, count: grid.lines)
                    page.textField(name: cell.name, rect: Rect(x: x + pad, y: rulesTop - rules, width: cellWidth - 2 * pad, height: rules),
                                   multiline: true, fontSize: 10 * scale, tooltip: cell.label)
                }
            })
            index += columns
        }
        return blocks
    }

    /// A header row and N blank rows, every cell a text field named
    /// `table.rowN.column`. A table taller than a page is cut into pieces
    /// that each repeat the header.
    private func tableBlocks(_ table: Table) -> [FlowBlock] {
        var blocks: [FlowBlock] = []
        blocks += labelBlock(table.label, spaceBelow: 4)
        // Each column gets its share of the width (narrow for a number, wide
        // for a sentence), but never less than its header's longest word.
        let headerSize = 8.0
        let minimums = table.columns.map { column -> Double in
            let longest = column.header.split(separator: " ").map { StandardFont.helveticaBold.width(of: String($0), size: headerSize) }.max() ?? 0
            return max(longest + 12, 36)
        }
        let weights = table.columns.map(\.width.weight)
        let totalWeight = weights.reduce(0, +)
        var widths = weights.map { width * $0 / totalWeight }
        for _ in 0..<3 {  // make room for long words, taking it from wider columns
            let deficit = zip(widths, minimums).reduce(0) { $0 + max(0, $1.1 - $1.0) }
            guard deficit > 0.01 else { break }
            let spare = zip(widths, minimums).reduce(0) { $0 + max(0, $1.0 - $1.1) }
            widths = zip(widths, minimums).map { w, m in w < m ? m : w - (w - m) / max(spare, 1) * deficit }
        }
        let headers = zip(table.columns, widths).map { TextLayout.lines([TextRun($0.header, font: .helveticaBold)], size: headerSize, width: $1 - 8) }
        let headerHeight = Double(headers.map(\.count).max() ?? 1) * 10.5 + 10
        let rowHeight = 27.0
        let frame = frameHeight
        let rowsPerPiece = max(1, Int((frame - headerHeight - 20) / rowHeight))
        var start = 1
        while start <= table.rows {
            let rows = Array(start...min(table.rows, start + rowsPerPiece - 1))
            let height = headerHeight + Double(rows.count) * rowHeight
            let spaceBefore = start == 1 ? (table.label.isEmpty ? 12.0 : 0) : 10
            blocks.append(FlowBlock(height: height, spaceBefore: spaceBefore) { page, top in
                page.setGray(0.9)
                // Inside the border, so the fill's edge (where PostScript and PDF
                // differ in which pixels a fill touches) sits under the border stroke.
                page.fillRect(Rect(x: left + 0.3, y: top - headerHeight + 0.3, width: width - 0.6, height: headerHeight - 0.3))
                // Each header is followed by its column's right-hand line: a path
                // between two headers keeps pdfwrite from joining them into one
                // TJ, whose computed gaps can land a pixel off the PostScript's.
                var x = left
                page.setLineWidth(0.6)
                for (c, lines) in headers.enumerated() {
                    page.setGray(0.1)
                    drawLines(lines, in: &page, x: x + 4, top: top - 5, size: headerSize, leading: 10.5)
                    x += widths[c]
                    page.setGray(0.35)
                    page.strokeLine(from: (x, top), to: (x, top - height))
                }
                page.strokeRect(Rect(x: left, y: top - height, width: width, height: height))
                for r in 0...rows.count - 1 {
                    let y = top - headerHeight - Double(r) * rowHeight
                    page.strokeLine(from: (left, y), to: (left + width, y))
                }
                page.setGray(0)
                for (r, row) in rows.enumerated() {
                    let y = top - headerHeight - Double(r + 1) * rowHeight
                    var cx = left
                    for (c, column) in table.columns.enumerated() {
                        page.textField(name: "\(table.name).row\(row).\(column.name)",
                                       rect: Rect(x: cx + 1, y: y + 1, width: widths[c] - 2, height: rowHeight - 2),
                                       multiline: widths[c] > 90, fontSize: 9 * scale, tooltip: settings.words.tableCell(column.header, row))
                        cx += widths[c]
                    }
                }
            })
            start += rowsPerPiece
        }
        return blocks
    }

    /// A circle cut into labelled slices with rings for 0 (centre) to 10
    /// (edge), and a score field per slice beside it.
    private func pieBlocks(_ pie: Pie) -> [FlowBlock] {
        var blocks: [FlowBlock] = []
        blocks += labelBlock(pie.label)
        let radius = min(118.0, width * 0.25)
        let labelSize = 8.0
        let count = pie.slices.count
        let labelWidth = width / 2 - radius - 16
        let sliceLabels = pie.slices.map { TextLayout.lines([TextRun($0.label, font: .helveticaBold)], size: labelSize, width: labelWidth) }
        let circleBlockHeight = 2 * radius + 56
        blocks.append(FlowBlock(height: circleBlockHeight, spaceBefore: pie.label.isEmpty ? 12 : 6) { page, top in
            let cx = left + width / 2
            let cy = top - circleBlockHeight / 2
            // Rings 1-10, the middle one a little darker.
            page.setLineWidth(0.4)
            for ring in 1...9 {
                page.setGray(ring == 5 ? 0.55 : 0.8)
                page.strokeCircle(center: (cx, cy), radius: radius * Double(ring) / 10)
            }
            page.setGray(0.1)
            page.setLineWidth(1.3)
            page.strokeCircle(center: (cx, cy), radius: radius)
            page.setLineWidth(0.8)
            page.setGray(0.25)

            // Ring numbers along the top spoke.
            page.setGray(0.45)
            for ring in stride(from: 2, through: 10, by: 2) {
                page.text(String(ring), font: .helvetica, size: 6.25, x: cx + 2.5, y: cy + radius * Double(ring) / 10 - 7)
            }
            page.text("0", font: .helvetica, size: 6.25, x: cx + 2.5, y: cy - 7)
            page.setGray(0)
            for (i, lines) in sliceLabels.enumerated() {
                let angle = Double.pi / 2 - 2 * Double.pi * (Double(i) + 0.5) / Double(count)
                let ax = cx + (radius + 8) * cos(angle)
                let ay = cy + (radius + 8) * sin(angle)
                let c = cos(angle)
                let align: TextAlignment = abs(c) < 0.2 ? .center : (c > 0 ? .left : .right)
                let blockHeight = Double(lines.count) * 11
                // Above the centre the text sits on the anchor; below, it hangs from it.
                let s = sin(angle)
                var y = ay + (s > 0.2 ? blockHeight - 8 : (s < -0.2 ? -8 : blockHeight / 2 - 8))
                for line in lines {
                    page.textLine(line.runs, size: labelSize, x: ax, y: y, align: align)
                    y -= 11
                }
                // The spoke after each label keeps the labels apart in the PDF (see tableBlocks).
                let spoke = Double.pi / 2 - 2 * Double.pi * Double(i) / Double(count)
                page.setLineWidth(0.8)
                page.setGray(0.25)
                page.strokeLine(from: (cx, cy), to: (cx + radius * cos(spoke), cy + radius * sin(spoke)))
                page.setGray(0)
            }
        })
        // Scores: "Work ___ / 10" in two columns.
        let perRow = 2
        let gutter = 20.0
        let cell = (width - gutter) / Double(perRow)
        var index = 0
        while index < count {
            let row = Array(index..<min(index + perRow, count))
            blocks.append(FlowBlock(height: 24, spaceBefore: index == 0 ? 8 : 0) { page, top in
                for (slot, i) in row.enumerated() {
                    let x = left + Double(slot) * (cell + gutter)
                    let base = top - 17
                    let slice = pie.slices[i]
                    page.text(slice.label, font: .helveticaBold, size: 10, x: x, y: base + 2)
                    let lineEnd = x + cell - 24
                    let lineStart = lineEnd - 46
                    page.setLineWidth(0.7)
                    page.setGray(0.3)
                    page.strokeLine(from: (lineStart, base), to: (lineEnd, base))
                    page.setGray(0.35)
                    page.text(settings.words.outOfTen, font: .helvetica, size: 8, x: lineEnd + 4, y: base + 2)
                    page.setGray(0)
                    page.textField(name: slice.name, rect: Rect(x: lineStart, y: base + 1, width: lineEnd - lineStart, height: 16),
                                   multiline: false, fontSize: 10 * scale, tooltip: settings.words.sliceScore(slice.label))
                }
            })
            index += perRow
        }
        return blocks
    }

    // MARK: - Drawing helpers

    /// The bold label above a list, table or pie, kept on the same page as
    /// what it labels; nothing when the label is empty.
    private func labelBlock(_ spans: [Span], spaceBelow: Double = 0) -> [FlowBlock] {
        guard !spans.isEmpty else { return [] }
        let label = TextLayout.lines(runs(spans, bold: true), size: Self.labelSize, width: width)
        return [FlowBlock(height: Double(label.count) * 14 + spaceBelow, spaceBefore: 12, keepWithNext: true) { page, top in
            drawLines(label, in: &page, x: left, top: top, size: Self.labelSize, leading: 14)
        }]
    }

    private func runs(_ spans: [Span], bold: Bool = false) -> [TextRun] {
        spans.map { TextRun($0.text, font: StandardFont.of(Self.family, bold: bold || $0.bold, italic: $0.italic), link: $0.link) }
    }

    /// The baseline of a line whose box starts at `top`: text centred in the
    /// line's leading.
    private func baseline(_ top: Double, _ size: Double, _ leading: Double) -> Double {
        top - leading / 2 - size * 0.35
    }

    private func drawLines(_ lines: [TextLine], in page: inout PageCanvas, x: Double, top: Double, size: Double, leading: Double) {
        for (i, line) in lines.enumerated() {
            page.textLine(line.runs, size: size, x: x, y: baseline(top - Double(i) * leading, size, leading))
        }
    }

    private func drawRules(_ page: inout PageCanvas, x: Double, width: Double, top: Double, count: Int) {
        page.setLineWidth(0.6)
        page.setGray(Self.ruleGray)
        for i in 1...count {
            let y = top - Double(i) * Self.ruleSpacing
            page.strokeLine(from: (x, y), to: (x + width, y))
        }
        page.setGray(0)
    }
}

/// The footer on every page: the help lines of site.yaml, then the site name
/// and the not-affiliated note on the left, "page 1 of 2" on the right.
struct Footer {
    let lines: [TextLine]
    let pageNumber: @Sendable (Int, Int) -> String
    static let size = 6.25
    static let leading = 9.0

    init(settings: WorksheetSettings, width: Double) {
        let words = settings.words
        pageNumber = { words.pageNumber($0, $1) }
        var help = [TextRun(settings.words.needHelp, font: .helveticaBold)]
        for line in settings.helpLines { help.append(TextRun(" \u{2022} " + line, font: .helvetica)) }
        var runs = [TextRun(settings.siteTitle, font: .helveticaBold)]
        if !settings.disclaimer.isEmpty { runs.append(TextRun(" \u{2014} " + settings.disclaimer, font: .helvetica)) }
        lines = TextLayout.lines(help, size: Self.size, width: width - 80) + TextLayout.lines(runs, size: Self.size, width: width - 80)
    }

    var height: Double { Double(lines.count) * Self.leading + 8 }

    func draw(_ page: inout PageCanvas, left: Double, width: Double, bottom: Double, pageNumber: Int, pageCount: Int) {
        let top = bottom + height
        page.setLineWidth(0.5)
        page.setGray(0.6)
        page.strokeLine(from: (left, top), to: (left + width, top))
        page.setGray(0.35)
        for (i, line) in lines.enumerated() {
            page.textLine(line.runs, size: Self.size, x: left, y: top - 10 - Double(i) * Self.leading)
        }
        page.text(self.pageNumber(pageNumber, pageCount), font: .helvetica, size: 8, x: left + width, y: top - 10, align: .right)
        page.setGray(0)
    }
}
