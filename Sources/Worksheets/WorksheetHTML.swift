import Foundation
import Markdown

/// The form as HTML for the worksheet's page: the same blocks as the PDF, as
/// semantic elements with `ws-` classes for the site's stylesheet to draw
/// lines, boxes and grids.
enum WorksheetHTML {
    static func render(_ worksheet: Worksheet, words: WorksheetWords) -> String {
        var html = "<div class=\"ws-form\">\n"
        for paragraph in worksheet.intro { html += "<p class=\"ws-intro\">\(inline(paragraph))</p>\n" }
        for block in worksheet.blocks {
            switch block {
            case let .heading(level, text):
                let tag = level == 1 ? "h2" : "h3"
                html += "<\(tag) class=\"ws-heading\">\(inline(text))</\(tag)>\n"
            case let .paragraph(text):
                html += "<p class=\"ws-instructions\">\(inline(text))</p>\n"
            case let .list(ordered, items):
                let tag = ordered ? "ol" : "ul"
                html += "<\(tag) class=\"ws-instructions\">" + items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>\n"
            case let .fields(fields):
                html += "<div class=\"ws-fields\">"
                html += fields.map { "<p class=\"ws-field\"><span class=\"ws-label\">\($0.label.htmlEscaped)</span> <span class=\"ws-blank\" aria-hidden=\"true\"></span></p>" }.joined()
                html += "</div>\n"
            case let .lines(area):
                html += "<div class=\"ws-lines\">"
                if !area.label.isEmpty { html += "<p class=\"ws-label\">\(inline(area.label))</p>" }
                if let hint = area.hint { html += "<p class=\"ws-hint\">\(hint.htmlEscaped)</p>" }
                html += rules(area.lines) + "</div>\n"
            case let .checkboxes(list):
                html += "<div class=\"ws-checkboxes\">"
                if !list.label.isEmpty { html += "<p class=\"ws-label\">\(inline(list.label))</p>" }
                html += "<ul class=\"ws-checklist\">"
                html += list.items.map { "<li><span class=\"ws-box\" aria-hidden=\"true\"></span> \(inline($0))</li>" }.joined()
                html += "</ul></div>\n"
            case let .scale(scale):
                html += "<div class=\"ws-scale\">"
                html += "<p class=\"ws-label\">\(inline(scale.label))</p>"
                html += "<ol class=\"ws-scale-points\" aria-label=\"\(words.scaleRange(scale.from, scale.to).htmlEscaped)\">"
                html += (scale.from...scale.to).map { "<li>\($0)</li>" }.joined() + "</ol>"
                if scale.lowAnchor != nil || scale.highAnchor != nil {
                    html += "<p class=\"ws-scale-anchors\"><span>\(scale.from): \((scale.lowAnchor ?? "").htmlEscaped)</span>"
                    html += " <span>\(scale.to): \((scale.highAnchor ?? "").htmlEscaped)</span></p>"
                }
                html += "</div>\n"
            case let .grid(grid):
                html += "<table class=\"ws-grid\">"
                var index = 0
                while index < grid.cells.count {
                    html += "<tr>"
                    for cell in grid.cells[index..<min(index + grid.columns, grid.cells.count)] {
                        html += "<td><p class=\"ws-label\">\(cell.label.htmlEscaped)</p>\(rules(grid.lines))</td>"
                    }
                    html += "</tr>"
                    index += grid.columns
                }
                html += "</table>\n"
            case let .table(table):
                // On a phone the table scrolls sideways in this box: tabindex
                // lets a keyboard scroll it; the region is named after the label.
                let name = table.label.map { $0.text == "\n" ? " " : $0.text }.joined()
                html += "<div class=\"ws-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(name.isEmpty ? words.table.htmlEscaped : name.htmlEscaped)\">"
                html += "<table class=\"ws-table\">"
                if !table.label.isEmpty { html += "<caption>\(inline(table.label))</caption>" }
                html += "<thead><tr>" + table.columns.map { "<th scope=\"col\">\($0.header.htmlEscaped)</th>" }.joined() + "</tr></thead><tbody>"
                let row = "<tr>" + String(repeating: "<td></td>", count: table.columns.count) + "</tr>"
                html += String(repeating: row, count: table.rows) + "</tbody></table></div>\n"
            case let .pie(pie):
                html += pieFigure(pie)
            case .pageBreak:
                continue
            }
        }
        return html + "</div>\n"
    }

    private static func rules(_ count: Int) -> String {
        "<div class=\"ws-rules\" aria-hidden=\"true\">" + String(repeating: "<span class=\"ws-rule\"></span>", count: count) + "</div>"
    }

    /// The pie as an inline SVG: rings, spokes and slice labels.
    private static func pieFigure(_ pie: Pie) -> String {
        let n = pie.slices.count
        let c = 160.0, r = 110.0
        func f(_ v: Double) -> String { String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), v) }
        var svg = "<svg class=\"ws-pie-chart\" viewBox=\"0 0 320 320\" role=\"img\" aria-label=\"\(pie.slices.map(\.label).joined(separator: ", ").htmlEscaped)\">"
        for ring in 1...10 {
            svg += "<circle cx=\"\(f(c))\" cy=\"\(f(c))\" r=\"\(f(r * Double(ring) / 10))\" class=\"\(ring == 10 ? "ws-pie-edge" : "ws-pie-ring")\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"\(ring == 10 ? "1" : "0.25")\"/>"
        }
        for i in 0..<n {
            let a = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(n)
            svg += "<line x1=\"\(f(c))\" y1=\"\(f(c))\" x2=\"\(f(c + r * cos(a)))\" y2=\"\(f(c + r * sin(a)))\" stroke=\"currentColor\"/>"
            let m = -Double.pi / 2 + 2 * Double.pi * (Double(i) + 0.5) / Double(n)
            let anchor = abs(cos(m)) < 0.2 ? "middle" : (cos(m) > 0 ? "start" : "end")
            svg += "<text x=\"\(f(c + (r + 8) * cos(m)))\" y=\"\(f(c + (r + 8) * sin(m) + 4))\" text-anchor=\"\(anchor)\" font-size=\"10\" fill=\"currentColor\">\(pie.slices[i].label.htmlEscaped)</text>"
        }
        svg += "</svg>"
        var html = "<figure class=\"ws-pie\">" + svg
        if !pie.label.isEmpty { html += "<figcaption class=\"ws-label\">\(inline(pie.label))</figcaption>" }
        html += "<ul class=\"ws-pie-scores\">" + pie.slices.map { "<li><span class=\"ws-label\">\($0.label.htmlEscaped)</span> <span class=\"ws-blank\" aria-hidden=\"true\"></span> / 10</li>" }.joined() + "</ul>"
        return html + "</figure>\n"
    }

    static func inline(_ spans: [Span]) -> String {
        var html = ""
        for span in spans {
            var piece = span.text == "\n" ? "<br>" : span.text.htmlEscaped
            if span.italic { piece = "<em>\(piece)</em>" }
            if span.bold { piece = "<strong>\(piece)</strong>" }
            if let link = span.link { piece = "<a href=\"\(link.htmlEscaped)\">\(piece)</a>" }
            html += piece
        }
        return html
    }
}
