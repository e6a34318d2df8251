import PostScript
import QRCode

/// The flyer on one page: the program's name and the title at the top, the
/// week's meetings by day in one or two columns, and at the bottom the help
/// lines beside a QR code of the meetings page, then the address to type.
/// A long schedule is set in two columns and then smaller, down to a size
/// still readable from arm's length; what does not fit then is left out with
/// a warning, and the flyer says there are more on the website.
struct MeetingFlyerLayout {
    let flyer: MeetingFlyer
    let paper: Paper
    /// The PDF's creation date (WorksheetSettings.pdfDate).
    let date: String

    private var size: PageSize { paper.pageSize }
    private let margin = 48.0
    private var left: Double { margin }
    private var width: Double { size.width - 2 * margin }
    private let columnGap = 24.0
    /// Tried in order until the schedule fits: (columns, text scale). A
    /// short schedule is set large, to be read from across a waiting room.
    private static let fits: [(columns: Int, scale: Double)] = [(1, 1.3), (1, 1.2), (1, 1.1), (1, 1), (2, 1), (2, 0.92), (2, 0.85),
                                                                (2, 0.78), (2, 0.72)]

    /// The page, and what a content editor should hear about it (meetings
    /// left out, characters the fonts cannot print).
    func document() -> (document: PostScriptDocument, warnings: [String]) {
        var info = DocumentInfo(title: flyer.documentTitle, author: flyer.siteTitle, subject: flyer.title, date: date)
        info.language = flyer.language
        var document = PostScriptDocument(info: info, pageSize: size)
        var warnings: [String] = []
        document.addPage { page in
            let scheduleTop = drawHeader(&page)
            let scheduleBottom = drawFooter(&page) + 18
            warnings += drawSchedule(&page, top: scheduleTop, bottom: scheduleBottom)
        }
        return (document, warnings + document.warnings)
    }

    // MARK: - Header

    /// Returns where the schedule may start.
    private func drawHeader(_ page: inout PageCanvas) -> Double {
        var y = size.height - margin - 9
        page.setGray(0.35)
        page.text(flyer.siteTitle.uppercased(), font: .helveticaBold, size: 9, x: left, y: y)
        let address = MeetingFlyer.typed(flyer.meetingsURL)
        let nameWidth = StandardFont.helveticaBold.width(of: flyer.siteTitle.uppercased(), size: 9)
        if nameWidth + 16 + StandardFont.helvetica.width(of: address, size: 9) <= width {
            let w = page.text(address, font: .helvetica, size: 9, x: left + width, y: y, align: .right)
            page.link(Rect(x: left + width - w, y: y - 2, width: w, height: 10), url: flyer.meetingsURL)
        }
        page.setGray(0)
        y -= 10
        for line in TextLayout.lines([TextRun(flyer.title, font: .helveticaBold)], size: 30, width: width) {
            y -= 32
            page.textLine(line.runs, size: 30, x: left, y: y)
        }
        if let subtitle = flyer.subtitle {
            page.setGray(0.25)
            y -= 4
            for line in TextLayout.lines([TextRun(subtitle, font: .helvetica)], size: 13, width: width) {
                y -= 17
                page.textLine(line.runs, size: 13, x: left, y: y)
            }
            page.setGray(0)
        }
        y -= 14
        if let note = flyer.exampleNote {
            let lines = TextLayout.lines([TextRun(note, font: .helveticaBold)], size: 11, width: width - 26)
            let height = Double(lines.count) * 14 + 14
            page.setGray(0.875)
            page.fillRect(Rect(x: left, y: y - height, width: width, height: height))
            page.setGray(0)
            page.fillRect(Rect(x: left, y: y - height, width: 5, height: height))
            for (i, line) in lines.enumerated() {
                page.textLine(line.runs, size: 11, x: left + 16, y: y - 18 - Double(i) * 14)
            }
            y -= height + 10
        }
        return y
    }

    // MARK: - Footer

    /// The help box, the address and the small print, from the bottom of
    /// the page up. Returns the top of the help box.
    private func drawFooter(_ page: inout PageCanvas) -> Double {
        var y = margin
        /// A paragraph set upwards from `y`, its last line on `y`.
        func upwards(_ text: String, font: StandardFont, size: Double, leading: Double, gray: Double, link: String? = nil) {
            page.setGray(gray)
            for line in TextLayout.lines([TextRun(text, font: font)], size: size, width: width).reversed() {
                let w = page.textLine(line.runs, size: size, x: left, y: y)
                if let link { page.link(Rect(x: left, y: y - 3, width: w, height: size + 2), url: link) }
                y += leading
            }
            page.setGray(0)
            y += 4
        }
        upwards(flyer.disclaimer, font: .helvetica, size: 7.5, leading: 9.5, gray: 0.4)
        upwards(flyer.officialFinder, font: .helvetica, size: 9.5, leading: 12, gray: 0.25)
        upwards(flyer.moreAt, font: .helveticaBold, size: 12, leading: 15, gray: 0, link: flyer.meetingsURL)
        return drawHelpBox(&page, bottom: y - 2)
    }

    /// The help lines on the left and the QR code on the right, in a box.
    private func drawHelpBox(_ page: inout PageCanvas, bottom: Double) -> Double {
        let padding = 12.0
        let code = QRCode(flyer.meetingsURL, errorCorrection: .medium)
        // About 3 points a module: a phone reads it from a step away.
        let module = code.map { min(3, 124 / Double($0.size + 2 * QRCode.quietZone)) } ?? 0
        let qrSide = code.map { Double($0.size + 2 * QRCode.quietZone) * module } ?? 0
        let textWidth = width - 2 * padding - (qrSide > 0 ? qrSide + 8 : 0)
        let lines = flyer.helpLines.map { line in
            TextLayout.lines([TextRun(line.name, font: .helveticaBold), TextRun(line.ways, font: .helvetica)], size: 11, width: textWidth)
        }
        let textHeight = 22 + Double(lines.reduce(0) { $0 + $1.count }) * 14.5
        let height = max(textHeight, qrSide - 2 * padding + 8) + 2 * padding
        let top = bottom + height
        page.setLineWidth(1.5)
        page.setGray(0.2)
        page.strokeRect(Rect(x: left, y: bottom, width: width, height: height))
        page.setGray(0)
        page.setLineWidth(1)
        var y = top - padding - 13
        page.text(flyer.helpHeading, font: .helveticaBold, size: 15, x: left + padding, y: y)
        y -= 8
        for help in lines {
            for line in help {
                y -= 14.5
                page.textLine(line.runs, size: 11, x: left + padding, y: y)
            }
        }
        if let code {
            // The quiet zone is blank paper: it may reach into the box's padding.
            let x = left + width - qrSide - 4
            let qrTop = bottom + (height + qrSide) / 2
            page.qrCode(code, x: x, top: qrTop, module: module)
            page.link(Rect(x: x, y: qrTop - qrSide, width: qrSide, height: qrSide), url: flyer.meetingsURL)
        }
        return top
    }

    // MARK: - Schedule

    /// The days and meetings between `top` and `bottom`; returns warnings.
    /// Each size is tried with every day kept in one column, then with days
    /// split (the day's name is repeated at the top of the next column).
    private func drawSchedule(_ page: inout PageCanvas, top: Double, bottom: Double) -> [String] {
        let height = top - bottom
        for fit in Self.fits {
            for wholeDays in [true, false] {
                let arranged = arrange(fit, wholeDays: wholeDays, height: height)
                if arranged.columns.count <= fit.columns {
                    draw(arranged, in: &page, top: top)
                    return []
                }
            }
        }
        // Too many meetings even small: those that fit, and a pointer to the rest.
        guard let smallest = Self.fits.last else { return [] }
        var arranged = arrange(smallest, wholeDays: false, height: height - 20)
        arranged.columns = Array(arranged.columns.prefix(smallest.columns))
        draw(arranged, in: &page, top: top)
        page.text(flyer.moreMeetings, font: .helveticaBold, size: 11, x: left, y: bottom + 4)
        let shown = arranged.columns.flatMap { $0 }.filter { !$0.block.isHeading }.count
        let all = flyer.days.reduce(0) { $0 + $1.entries.count }
        return ["the \(paper.rawValue) flyer has room for \(shown) of the \(all) meeting listings; the others are on the website only"]
    }

    /// A day's heading or a meeting: drawn at the left edge `x` of its column.
    private struct Block {
        var height: Double
        /// Space above it, dropped at the top of a column.
        var spaceBefore: Double
        /// Into `flyer.days`.
        var day: Int
        var isHeading = false
        var draw: (inout PageCanvas, _ x: Double, _ top: Double) -> Void
    }

    /// The blocks at one size, shared out into columns: each column a list
    /// of (block, its top measured down from the schedule's top). A column
    /// that starts inside a day starts with the day's name again.
    private struct Arranged {
        var columns: [[(block: Block, offset: Double)]]
        var columnWidth: Double
    }

    /// Fills columns from the top. `wholeDays`: a day that does not fit in
    /// what is left of a column starts the next one, when it fits in one.
    private func arrange(_ fit: (columns: Int, scale: Double), wholeDays: Bool, height: Double) -> Arranged {
        let columnWidth = (width - Double(fit.columns - 1) * columnGap) / Double(fit.columns)
        let blocks = scheduleBlocks(scale: fit.scale, columnWidth: columnWidth)
        var columns: [[(block: Block, offset: Double)]] = [[]]
        var used = 0.0
        func place(_ block: Block) {
            let top = columns[columns.count - 1].isEmpty ? 0 : used + block.spaceBefore
            columns[columns.count - 1].append((block, top))
            used = top + block.height
        }
        func newColumn() {
            columns.append([])
            used = 0
        }
        for (i, block) in blocks.enumerated() {
            let space = columns[columns.count - 1].isEmpty ? 0 : block.spaceBefore
            if block.isHeading {
                // A heading never ends a column: it goes with its first meeting, or its whole day.
                let day = blocks[i...].prefix { $0.day == block.day }
                let first = day.prefix(2).reduce(0.0) { $0 + $1.height } + (day.count > 1 ? day[day.startIndex + 1].spaceBefore : 0)
                let whole = day.reduce(0.0) { $0 + $1.height + $1.spaceBefore } - block.spaceBefore
                let needed = wholeDays && whole <= height ? whole : first
                if !columns[columns.count - 1].isEmpty && used + space + needed > height { newColumn() }
                place(block)
            } else {
                if !columns[columns.count - 1].isEmpty && used + space + block.height > height {
                    newColumn()
                    if let heading = blocks.first(where: { $0.isHeading && $0.day == block.day }) { place(heading) }
                }
                place(block)
            }
        }
        return Arranged(columns: columns, columnWidth: columnWidth)
    }

    private func draw(_ arranged: Arranged, in page: inout PageCanvas, top: Double) {
        for (column, placed) in arranged.columns.enumerated() {
            let x = left + Double(column) * (arranged.columnWidth + columnGap)
            for (block, offset) in placed { block.draw(&page, x, top - offset) }
        }
    }

    private static let headingHeight = 25.0
    private static let entrySpace = 9.0

    /// A heading per day and a block per meeting.
    private func scheduleBlocks(scale s: Double, columnWidth: Double) -> [Block] {
        let entries = flyer.days.flatMap(\.entries)
        let timeWidth = min(columnWidth * 0.4, entries.reduce(0.0) { widest, entry in
            max(widest, StandardFont.helveticaBold.width(of: entry.start, size: 12.5 * s),
                StandardFont.helvetica.width(of: entry.end, size: 9.5 * s),
                StandardFont.helveticaBold.width(of: flyer.exampleTag, size: 7.5 * s) + 8 * s)
        } + 12 * s)
        var blocks: [Block] = []
        for (index, day) in flyer.days.enumerated() {
            blocks.append(headingBlock(day.name, index: index, scale: s, columnWidth: columnWidth))
            for entry in day.entries {
                var block = entryBlock(entry, scale: s, timeWidth: timeWidth, columnWidth: columnWidth)
                block.day = index
                blocks.append(block)
            }
        }
        return blocks
    }

    private func headingBlock(_ name: String, index: Int, scale s: Double, columnWidth: Double) -> Block {
        Block(height: Self.headingHeight * s, spaceBefore: 12 * s, day: index, isHeading: true) { page, x, top in
            page.text(name, font: .helveticaBold, size: 15 * s, x: x, y: top - 15 * s)
            page.setLineWidth(0.75)
            page.setGray(0.55)
            page.strokeLine(from: (x, top - 21 * s), to: (x + columnWidth, top - 21 * s))
            page.setGray(0)
            page.setLineWidth(1)
        }
    }

    private func entryBlock(_ entry: MeetingFlyer.Entry, scale s: Double, timeWidth: Double, columnWidth: Double) -> Block {
        let textWidth = columnWidth - timeWidth
        let title = TextLayout.lines([TextRun(entry.title, font: .helveticaBold)], size: 12.5 * s, width: textWidth)
        let details = TextLayout.lines([TextRun(entry.details, font: .helvetica)], size: 10.5 * s, width: textWidth)
        let right = Double(title.count) * 15.5 * s + Double(details.count) * 13.5 * s
        let leftHeight = (15.5 + 12 + (entry.isExample ? 15 : 0)) * s
        return Block(height: max(right, leftHeight) + 2 * s, spaceBefore: Self.entrySpace * s, day: 0) { page, x, top in
            var y = top - 12 * s
            page.text(entry.start, font: .helveticaBold, size: 12.5 * s, x: x, y: y)
            page.setGray(0.3)
            page.text(entry.end, font: .helvetica, size: 9.5 * s, x: x, y: y - 13.5 * s)
            page.setGray(0)
            if entry.isExample {
                let tagWidth = StandardFont.helveticaBold.width(of: flyer.exampleTag, size: 7.5 * s) + 8 * s
                page.setGray(0.25)
                page.fillRect(Rect(x: x, y: y - 31 * s, width: tagWidth, height: 11 * s))
                page.setGray(1)
                page.text(flyer.exampleTag, font: .helveticaBold, size: 7.5 * s, x: x + 4 * s, y: y - 28.5 * s)
                page.setGray(0)
            }
            for line in title {
                page.textLine(line.runs, size: 12.5 * s, x: x + timeWidth, y: y)
                y -= 15.5 * s
            }
            page.setGray(0.2)
            y += 1.5 * s
            for line in details {
                page.textLine(line.runs, size: 10.5 * s, x: x + timeWidth, y: y)
                y -= 13.5 * s
            }
            page.setGray(0)
        }
    }
}
