import Content
import Diagnostics
import Foundation
import Markdown
import SourceFiles

/// The settings a worksheet file's front matter may have.
let worksheetKeys = ["title", "description", "tool", "paper", "orientation"]

/// Worksheet Markdown → `Worksheet`. Every problem is a diagnostic placed in
/// the file; the parse goes on after a bad block so an editor sees them all.
struct WorksheetParser {
    var path: String
    var slug: String
    var baseURL: String
    private(set) var diagnostics: [Diagnostic] = []
    private var usedNames: [String: Int] = [:]

    init(path: String, slug: String, baseURL: String) {
        self.path = path
        self.slug = slug
        self.baseURL = baseURL
    }

    /// Parses a worksheet file; nil when it has errors (all in `diagnostics`).
    mutating func parse(_ source: SourceText) -> Worksheet? {
        let front: FrontMatter
        let title: String
        let description: String?, tool: String?, paperText: String?, orientationText: String?
        let reader: SettingsReader
        do {
            front = try FrontMatter.split(source)
            reader = try SettingsReader(try front.compose(), path: path, firstLine: front.yamlFirstLine)
            diagnostics += reader.unknownKeys(known: worksheetKeys, kind: "a worksheet")
            title = try reader.requiredString("title", what: "this worksheet")
            description = try reader.string("description")
            tool = try reader.string("tool")
            paperText = try reader.string("paper")
            orientationText = try reader.string("orientation")
        } catch {
            diagnostics.append(error)
            return nil
        }
        var paper = Paper.letter
        if let text = paperText {
            if let p = Paper(rawValue: text.lowercased()) {
                paper = p
            } else {
                diagnostics.append(.error(path, line: reader.line(of: "paper"), column: 1,
                                          "'paper' must be `letter` or `a4`, not `\(text)`", fix: "write `paper: a4` or `paper: letter`"))
            }
        }

        var landscape: Bool?
        if let text = orientationText {
            switch text.lowercased() {
            case "landscape": landscape = true
            case "portrait": landscape = false
            default:
                diagnostics.append(.error(path, line: reader.line(of: "orientation"), column: 1,
                                          "'orientation' must be `portrait` or `landscape`, not `\(text)`",
                                          fix: "write `orientation: landscape` (pages turned sideways), or leave it out"))
            }
        }

        let document = MarkdownDocument.parse(front.body, lineOffset: front.bodyLineOffset)
        var intro: [[Span]] = []
        var blocks: [FormBlock] = []
        var seenHeading = false
        for block in document.blocks {
            switch block {
            case let .heading(level, content, _):
                seenHeading = true
                blocks.append(.heading(level: level <= 2 ? 1 : 2, text: spans(content)))
            case let .paragraph(content, _):
                if seenHeading || !blocks.isEmpty { blocks.append(.paragraph(spans(content))) } else { intro.append(spans(content)) }
            case let .list(ordered, _, items, _):
                blocks.append(.list(ordered: ordered, items: items.map { flatten($0) }))
            case let .blockQuote(inner, _):
                for paragraph in inner.map({ flatten([$0]) }) where !paragraph.isEmpty {
                    blocks.append(.paragraph(paragraph))
                }
            case let .code(info, literal, line, column):
                do {
                    let call = try DirectiveCall.parse(DirectiveBlock(info: info, body: literal, line: line, column: column), path: path)
                    blocks.append(try directive(call))
                } catch {
                    diagnostics.append(error)
                }
            case .thematicBreak:
                continue
            case let .html(_, line):
                diagnostics.append(.warning(path, line: line, column: 1, "raw HTML is left out of worksheets",
                                            fix: "use Markdown, or a worksheet block such as ```lines"))
            }
        }
        guard !diagnostics.contains(where: \.isError) else { return nil }
        // Without a setting, a table of more than five columns turns the pages sideways.
        let wideTable = blocks.contains { if case let .table(table) = $0 { return table.columns.count > 5 } else { return false } }
        var worksheet = Worksheet(slug: slug, title: title, description: description ?? "",
                                  tool: tool, paper: paper, landscape: landscape ?? wideTable,
                                  sourcePath: path, intro: intro, blocks: blocks)
        if tool != nil { worksheet.toolLine = reader.line(of: "tool") }
        return worksheet
    }

    // MARK: - Blocks

    private mutating func directive(_ call: DirectiveCall) throws(Diagnostic) -> FormBlock {
        switch call.name {
        case .pagebreak:
            return .pageBreak

        case .field:
            var labels = call.label.isEmpty ? [] : [(call.label, 0)]
            labels += call.bodyItems.map { ($0.text, $0.offset) }
            guard !labels.isEmpty else {
                throw call.error("a field needs a label", fix: "e.g. ```field Your name")
            }
            guard labels.count <= 4 else {
                throw call.error("one `field` block holds at most 4 fields side by side", fix: "split them into two blocks")
            }
            if labels.count > 1, call.parameters["name"] != nil {
                throw call.error("`name=` names one field, but this block has \(labels.count)", fix: "use one field per block to name it")
            }
            var fields: [SingleField] = []
            for (label, offset) in labels {
                let text = inlineText(label)
                let name = try claim(try call.explicitName() ?? FieldName.from(text), call, offset)
                fields.append(SingleField(label: text, name: name))
            }
            return .fields(fields)

        case .lines:
            guard call.positional.count == 1, let count = Int(call.positional[0]), (1...30).contains(count) else {
                throw call.error("`lines` needs the number of lines first, from 1 to 30", fix: "e.g. " + DirectiveName.lines.example)
            }
            let label = inlineSpans(call.label)
            let name = try claim(try call.explicitName() ?? FieldName.from(label.plainText), call)
            let hint = call.bodyItems.map(\.text).joined(separator: " ")
            return .lines(WritingArea(label: label, hint: hint.isEmpty ? nil : inlineText(hint), lines: count, name: name))

        case .checkboxes:
            let columns = try call.integer("columns", in: 1...3, default: 1)
            let label = inlineSpans(call.label)
            let items = call.bodyItems
            guard !items.isEmpty else {
                throw call.error("a checkbox list needs items", fix: "write one `- item` per line inside the block")
            }
            let group = try claim(try call.explicitName() ?? FieldName.from(label.plainText), call)
            var names: [String] = []
            var spans: [[Span]] = []
            for item in items {
                let itemSpans = inlineSpans(item.text)
                // "**Action:** I am changing" is named by its bold lead: `action`.
                let lead = itemSpans.prefix { $0.bold }.map(\.text).joined()
                let itemName = FieldName.from(lead.isEmpty ? itemSpans.plainText : lead, maxLength: 60)
                let full = group + "." + (itemName.isEmpty ? "item\(names.count + 1)" : itemName)
                names.append(try claim(full, call, item.offset))
                spans.append(itemSpans)
            }
            return .checkboxes(CheckboxList(label: label, items: spans, names: names, columns: columns))

        case .scale:
            var from = 0, to = 10
            if let range = call.positional.first {
                let parts = range.split(whereSeparator: { $0 == "-" || $0 == "\u{2013}" }).compactMap { Int($0) }
                guard call.positional.count == 1, parts.count == 2, parts[0] < parts[1], parts[1] - parts[0] <= 10 else {
                    throw call.error("`\(range)`: a scale is written as FROM-TO with at most 11 points, e.g. 0-10",
                                     fix: "e.g. " + DirectiveName.scale.example)
                }
                from = parts[0]
                to = parts[1]
            }
            let label = inlineSpans(call.label)
            var low: String?, high: String?
            for item in call.bodyItems {
                let pieces = item.text.split(separator: ":", maxSplits: 1)
                guard pieces.count == 2, let value = Int(pieces[0].trimmingCharacters(in: .whitespaces)), value == from || value == to else {
                    throw call.error("a scale's lines name its ends, as `\(from): words` and `\(to): words`",
                                     fix: "e.g. `\(from): Not at all` and `\(to): Very much`", bodyLine: item.offset)
                }
                let words = inlineText(pieces[1].trimmingCharacters(in: .whitespaces))
                if value == from { low = words } else { high = words }
            }
            let name = try claim(try call.explicitName() ?? FieldName.from(label.plainText), call)
            return .scale(RatingScale(label: label, from: from, to: to, lowAnchor: low, highAnchor: high, name: name))

        case .grid:
            let columns = try call.integer("columns", in: 1...4, default: 2)
            let lines = try call.integer("lines", in: 1...20, default: 6)
            guard call.label.isEmpty else {
                throw call.error("a grid takes its cell labels inside the block, one per line", fix: "e.g. " + DirectiveName.grid.example)
            }
            var cells: [Grid.Cell] = []
            for item in call.bodyItems {
                let label = inlineText(item.text)
                cells.append(Grid.Cell(label: label, name: try claim(FieldName.from(label), call, item.offset)))
            }
            guard !cells.isEmpty else {
                throw call.error("a grid needs cells", fix: "write one cell label per line inside the block")
            }
            return .grid(Grid(columns: columns, lines: lines, cells: cells))

        case .table:
            let rows = try call.integer("rows", in: 1...40, default: 8)
            let label = inlineSpans(call.label)
            let items = call.bodyItems
            guard (1...8).contains(items.count) else {
                throw call.error("a table needs 1 to 8 columns, one header per line inside the block (this one has \(items.count))",
                                 fix: "e.g. " + DirectiveName.table.example)
            }
            let group = try claim(try call.explicitName() ?? FieldName.from(label.plainText), call)
            var columns: [Table.Column] = []
            for item in items {
                let (text, width) = try columnWidth(item.text, call, item.offset)
                let header = inlineText(text)
                var key = FieldName.from(header, maxLength: 40)
                if key.isEmpty { key = "column\(columns.count + 1)" }
                if columns.contains(where: { $0.name == key }) {
                    throw call.error("two columns would both be named `\(key)`", fix: "give the columns different headers", bodyLine: item.offset)
                }
                columns.append(Table.Column(header: header, name: key, width: width ?? ColumnWidth.guess(header)))
            }
            for row in 1...rows {
                for column in columns { _ = try claim("\(group).row\(row).\(column.name)", call) }
            }
            return .table(Table(label: label, columns: columns, rows: rows, name: group))

        case .pie:
            let label = inlineSpans(call.label)
            let group = try claim(try call.explicitName() ?? (label.isEmpty ? "balance" : FieldName.from(label.plainText)), call)
            var slices: [Pie.Slice] = []
            for item in call.bodyItems {
                let text = inlineText(item.text)
                slices.append(Pie.Slice(label: text, name: try claim(group + "." + FieldName.from(text, maxLength: 60), call, item.offset)))
            }
            guard (3...12).contains(slices.count) else {
                throw call.error("a pie needs 3 to 12 slices, one label per line inside the block (this one has \(slices.count))",
                                 fix: "e.g. " + DirectiveName.pie.example)
            }
            return .pie(Pie(label: label, slices: slices, name: group))
        }
    }

    /// Records a field name, refusing an empty one or one used before.
    private mutating func claim(_ name: String, _ call: DirectiveCall, _ offset: Int = 0) throws(Diagnostic) -> String {
        let last = name.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
        guard !name.isEmpty, !last.isEmpty, !name.hasPrefix(".") else {
            throw call.error("this block needs a label (or `name=`) to name its form field",
                             fix: "e.g. " + call.name.example, bodyLine: offset == 0 ? nil : offset)
        }
        if let line = usedNames[name] {
            throw call.error("the form field name `\(name)` is already used on line \(line)",
                             fix: "change the label, or give this block its own `name=`", bodyLine: offset == 0 ? nil : offset)
        }
        usedNames[name] = call.line + offset
        return name
    }

    /// A column header line: the header, and the width written after a `|`
    /// (`Trigger | wide`), if any.
    private func columnWidth(_ line: String, _ call: DirectiveCall, _ offset: Int) throws(Diagnostic) -> (String, ColumnWidth?) {
        guard let bar = line.lastIndex(of: "|") else { return (line, nil) }
        let word = line[line.index(after: bar)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard let width = ColumnWidth(rawValue: word) else {
            throw call.error("`\(word)` is not a column width", fix: "write `| narrow`, `| normal` or `| wide` after the header",
                             bodyLine: offset)
        }
        return (line[..<bar].trimmingCharacters(in: .whitespaces), width)
    }

    // MARK: - Inline text

    /// A label or item written in an info string or a block body, with
    /// Markdown's smart punctuation and emphasis.
    private func inlineSpans(_ text: String) -> [Span] {
        guard !text.isEmpty else { return [] }
        let document = MarkdownDocument.parse(text)
        return flatten(document.blocks)
    }

    private func inlineText(_ text: String) -> String { inlineSpans(text).plainText }

    private func flatten(_ blocks: [MarkdownDocument.Block]) -> [Span] {
        var out: [Span] = []
        for block in blocks {
            if !out.isEmpty { out.append(Span(" ")) }
            switch block {
            case let .paragraph(content, _), let .heading(_, content, _):
                out += spans(content)
            case let .list(_, _, items, _):
                out += items.map { flatten($0) }.joined(separator: [Span("; ")])
            case let .blockQuote(inner, _):
                out += flatten(inner)
            case let .code(_, literal, _, _):
                out.append(Span(literal.trimmingCharacters(in: .whitespacesAndNewlines)))
            case .thematicBreak, .html:
                continue
            }
        }
        return out
    }

    func spans(_ inlines: [MarkdownDocument.Inline], bold: Bool = false, italic: Bool = false, link: String? = nil) -> [Span] {
        var out: [Span] = []
        for inline in inlines {
            switch inline {
            case let .text(text): out.append(Span(text, bold: bold, italic: italic, link: link))
            case let .emphasis(inner): out += spans(inner, bold: bold, italic: true, link: link)
            case let .strong(inner): out += spans(inner, bold: true, italic: italic, link: link)
            case let .code(text): out.append(Span(text, bold: bold, italic: italic, link: link))
            case let .link(destination, content): out += spans(content, bold: bold, italic: italic, link: resolve(destination))
            case let .image(_, alt): out.append(Span(alt, bold: bold, italic: italic, link: link))
            case .softBreak: out.append(Span(" ", bold: bold, italic: italic, link: link))
            case .lineBreak: out.append(Span("\n", bold: bold, italic: italic, link: link))
            case .html: continue
            }
        }
        return out
    }

    /// A link as a reader of the PDF can follow it: site-relative Markdown
    /// paths become absolute URLs on the site.
    func resolve(_ destination: String) -> String {
        if destination.contains("://") || destination.hasPrefix("mailto:") || destination.hasPrefix("tel:") { return destination }
        var target = destination
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[hash...])
            target = String(target[..<hash])
        }
        var parts = target.hasPrefix("/") ? [] : ["worksheets"]
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        if let last = parts.last, last.hasSuffix(".md") {
            parts.removeLast()
            let stem = String(last.dropLast(3))
            if stem != "_index" && stem != "index" { parts.append(stem) }
        }
        let path = parts.joined(separator: "/")
        return BaseURL.normalized(baseURL) + path + (path.isEmpty || path.contains(".") ? "" : "/") + fragment
    }
}
