import Diagnostics

extension HTMLDirective {
    /// A pipe table (CommonMark has none):
    ///
    ///     | Question | SMART Recovery |
    ///     |:--|:--:|
    ///     | Who leads? | A trained **facilitator** |
    ///
    /// A header row, an alignment row, then body rows; cells take inline
    /// Markdown. An optional caption follows the name: ```` ```table Side by side ````.
    public static let table = HTMLDirective(name: "table") { block, renderer throws(Diagnostic) in
        let path = renderer.options.path
        let lines = block.body.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
            .map { (offset: $0.offset, text: $0.element.trimmingWhitespace) }
            .filter { !$0.text.isEmpty }
        guard lines.count >= 2 else {
            throw .error(path, line: block.line, column: block.column,
                         "a table needs a header row and an alignment row",
                         fix: "write the header as `| A | B |` and below it `|---|---|`")
        }
        let header = splitRow(lines[0].text)
        let alignmentCells = splitRow(lines[1].text)
        let alignmentLine = block.bodyLine + lines[1].offset
        var alignments: [String?] = []
        for cell in alignmentCells {
            let marker = cell.trimmingWhitespace
            guard !marker.isEmpty, marker.allSatisfy({ $0 == "-" || $0 == ":" }), marker.contains("-") else {
                throw .error(path, line: alignmentLine, column: 1,
                             "the second row of a table must be the alignment row, e.g. `|---|:--:|`",
                             fix: "use only -, : and | in that row")
            }
            let left = marker.hasPrefix(":"), right = marker.hasSuffix(":")
            alignments.append(left && right ? "center" : right ? "right" : left ? "left" : nil)
        }
        guard alignments.count == header.count else {
            throw .error(path, line: alignmentLine, column: 1,
                         "the alignment row has \(alignments.count) cells but the header has \(header.count)")
        }
        let caption = block.arguments.isEmpty ? "" : renderer.renderInline(block.arguments, line: block.line)
        // On a phone the table scrolls sideways in this box: tabindex lets a
        // keyboard scroll it, and the region is named after the caption.
        var html = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(caption.isEmpty ? renderer.options.words.table : textOfHTML(caption))\"><table>\n"
        if !caption.isEmpty {
            html += "<caption>\(caption)</caption>\n"
        }
        html += "<thead>\n<tr>\n"
        // Each body cell carries its column's header as `data-label`: on a
        // phone the stylesheet stacks a row into a card and prints the label
        // before each cell, so no column is left off screen.
        var labels: [String] = []
        for (index, cell) in header.enumerated() {
            // An empty corner cell heads nothing: a plain cell, not a header.
            if cell.isEmpty {
                labels.append("")
                html += "<td\(style(alignments[index]))></td>\n"
                continue
            }
            let rendered = renderer.renderInline(cell, line: block.bodyLine + lines[0].offset)
            labels.append(textOfHTML(rendered))
            html += "<th scope=\"col\"\(style(alignments[index]))>\(rendered)</th>\n"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in lines.dropFirst(2) {
            let fileLine = block.bodyLine + row.offset
            let cells = splitRow(row.text)
            guard cells.count <= header.count else {
                throw .error(path, line: fileLine, column: 1,
                             "this row has \(cells.count) cells but the header has \(header.count)",
                             fix: "remove a cell, or escape a | inside a cell as \\|")
            }
            html += "<tr>\n"
            for index in 0..<header.count {
                let text = index < cells.count ? cells[index] : ""
                // The first column names the row, so screen readers announce it.
                let isHeader = index == 0 && !text.isEmpty
                let label = labels[index].isEmpty ? "" : " data-label=\"\(labels[index])\""
                let tag = isHeader ? "th scope=\"row\"" : "td\(label)"
                let close = isHeader ? "th" : "td"
                html += "<\(tag)\(style(alignments[index]))>\(renderer.renderInline(text, line: fileLine))</\(close)>\n"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        return html
    }

    /// Rendered inline HTML without its tags, still escaped: for an attribute.
    private static func textOfHTML(_ html: String) -> String {
        var text = "", inTag = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">": inTag = false
            case "\"" where !inTag: text += "&quot;"
            default: if !inTag { text.append(character) }
            }
        }
        return text.trimmingWhitespace
    }

    private static func style(_ alignment: String?) -> String {
        alignment.map { " style=\"text-align: \($0)\"" } ?? ""
    }

    /// Splits `| a | b \| c |` into ["a", "b | c"]: outer pipes optional,
    /// `\|` is a literal pipe.
    static func splitRow(_ line: String) -> [String] {
        var text = Substring(line)
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|"), !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character == "|" ? "|" : "\\\(character)")
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingWhitespace)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingWhitespace)
        return cells
    }
}
