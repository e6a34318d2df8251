import Foundation
import Markdown

/// The form as HTML for the worksheet's page: the same blocks, prompts and
/// order as the PDF, as a real form a visitor can fill in and print (the
/// accessible version: Ghostscript cannot write tagged PDF, so this is what
/// a screen reader gets). Every control has a label; a `##` section, a
/// checkbox list, a scale and a pie are fieldsets named by their legend;
/// tables and grids have header cells. Controls carry the PDF's field
/// names. `ws-` classes are for the site's stylesheet.
///
/// The form is never sent: the controls have no `<form>` element around
/// them (the container is a `role="form"` landmark), so there is nothing to
/// submit, and Enter in a field goes nowhere; `autocomplete="off"` keeps
/// the browser from offering the answers to the next person at a shared
/// computer.
enum WorksheetHTML {
    static func render(_ worksheet: Worksheet, words: WorksheetWords) -> String {
        var html = "<div class=\"ws-form\" role=\"form\" aria-label=\"\(worksheet.title.htmlEscaped)\">\n"
        for paragraph in worksheet.intro { html += "<p class=\"ws-intro\">\(inline(paragraph))</p>\n" }
        var inSection = false
        for block in worksheet.blocks {
            if case let .heading(level, text) = block, level == 1 {
                // A section is a fieldset: its heading, as the legend, names
                // every control in it for a screen reader.
                if inSection { html += "</fieldset>\n" }
                html += "<fieldset class=\"ws-section\"><legend><h2 class=\"ws-heading\">\(inline(text))</h2></legend>\n"
                inSection = true
                continue
            }
            html += control(block, words: words)
        }
        if inSection { html += "</fieldset>\n" }
        return html + "</div>\n"
    }

    /// One block as HTML; `##` headings are handled by `render`.
    private static func control(_ block: FormBlock, words: WorksheetWords) -> String {
        switch block {
        case let .heading(_, text):
            return "<h3 class=\"ws-heading\">\(inline(text))</h3>\n"
        case let .paragraph(text):
            return "<p class=\"ws-instructions\">\(inline(text))</p>\n"
        case let .list(ordered, items):
            let tag = ordered ? "ol" : "ul"
            return "<\(tag) class=\"ws-instructions\">" + items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>\n"
        case let .fields(fields):
            return "<div class=\"ws-fields\">" + fields.map { field in
                "<p class=\"ws-field\"><label class=\"ws-label\" for=\"\(id(field.name))\">\(field.label.htmlEscaped)</label> "
                    + "<input type=\"text\" autocomplete=\"off\" id=\"\(id(field.name))\" name=\"\(field.name.htmlEscaped)\"></p>"
            }.joined() + "</div>\n"
        case let .lines(area):
            return writingArea(area)
        case let .checkboxes(list):
            var html = "<fieldset class=\"ws-checkboxes ws-columns-\(list.columns)\">"
            if !list.label.isEmpty { html += "<legend class=\"ws-label\">\(inline(list.label))</legend>" }
            html += "<ul class=\"ws-checklist\">"
            for (item, name) in zip(list.items, list.names) {
                html += "<li><input type=\"checkbox\" id=\"\(id(name))\" name=\"\(name.htmlEscaped)\">"
                html += " <label for=\"\(id(name))\">\(inline(item))</label></li>"
            }
            return html + "</ul></fieldset>\n"
        case let .scale(scale):
            return ratingScale(scale, words: words)
        case let .grid(grid):
            return gridTable(grid)
        case let .table(table):
            return tableOfInputs(table, words: words)
        case let .pie(pie):
            return pieFieldset(pie, words: words)
        case .pageBreak:
            return ""
        }
    }

    /// A writing area: a text box as tall as the PDF's ruled lines, its hint
    /// read out after the label.
    private static func writingArea(_ area: WritingArea) -> String {
        let fieldID = id(area.name)
        var html = "<div class=\"ws-lines\">"
        var attributes = ""
        if !area.label.isEmpty {
            html += "<p class=\"ws-label\"><label for=\"\(fieldID)\">\(inline(area.label))</label></p>"
        } else {
            // No prompt of its own: the hint, or the field's name, names it.
            attributes += " aria-label=\"\((area.hint ?? area.name).htmlEscaped)\""
        }
        if let hint = area.hint {
            html += "<p class=\"ws-hint\" id=\"\(fieldID)-hint\">\(hint.htmlEscaped)</p>"
            if !area.label.isEmpty { attributes += " aria-describedby=\"\(fieldID)-hint\"" }
        }
        html += "<textarea autocomplete=\"off\" id=\"\(fieldID)\" name=\"\(area.name.htmlEscaped)\" rows=\"\(area.lines)\"\(attributes)></textarea>"
        return html + "</div>\n"
    }

    /// A scale: one radio button per point, the ends' words describing the group.
    private static func ratingScale(_ scale: RatingScale, words: WorksheetWords) -> String {
        let groupID = id(scale.name)
        let hasAnchors = scale.lowAnchor != nil || scale.highAnchor != nil
        var html = "<fieldset class=\"ws-scale\"" + (hasAnchors ? " aria-describedby=\"\(groupID)-ends\"" : "") + ">"
        html += "<legend class=\"ws-label\">\(inline(scale.label))</legend>"
        html += "<div class=\"ws-scale-points\">"
        for value in scale.from...scale.to {
            // The PDF's radio group takes the same export values, v0 … v10.
            html += "<input type=\"radio\" id=\"\(groupID)-v\(value)\" name=\"\(scale.name.htmlEscaped)\" value=\"v\(value)\">"
            html += "<label for=\"\(groupID)-v\(value)\">\(value)</label>"
        }
        html += "</div>"
        if hasAnchors {
            html += "<p class=\"ws-scale-anchors\" id=\"\(groupID)-ends\"><span>\(scale.from): \((scale.lowAnchor ?? "").htmlEscaped)</span>"
            html += " <span>\(scale.to): \((scale.highAnchor ?? "").htmlEscaped)</span></p>"
        }
        return html + "</fieldset>\n"
    }

    /// A grid: per row of boxes, a row of header cells (the boxes' labels,
    /// each the label of the text box under it) and a row of text boxes.
    private static func gridTable(_ grid: Grid) -> String {
        var html = "<table class=\"ws-grid\">"
        var index = 0
        while index < grid.cells.count {
            let row = grid.cells[index..<min(index + grid.columns, grid.cells.count)]
            html += "<tr>" + row.map { "<th scope=\"col\"><label for=\"\(id($0.name))\">\($0.label.htmlEscaped)</label></th>" }.joined() + "</tr>"
            html += "<tr>" + row.map { "<td><textarea autocomplete=\"off\" id=\"\(id($0.name))\" name=\"\($0.name.htmlEscaped)\" rows=\"\(grid.lines)\"></textarea></td>" }.joined() + "</tr>"
            index += grid.columns
        }
        return html + "</table>\n"
    }

    /// A table: its headers, then blank rows of text boxes named like the PDF's
    /// cells (`urge_log.row3.trigger`) and labelled "Trigger, row 3".
    private static func tableOfInputs(_ table: Table, words: WorksheetWords) -> String {
        // On a phone the table scrolls sideways in this box: tabindex lets a
        // keyboard scroll it; the region is named after the caption.
        let name = table.label.map { $0.text == "\n" ? " " : $0.text }.joined()
        var html = "<div class=\"ws-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(name.isEmpty ? words.table.htmlEscaped : name.htmlEscaped)\">"
        html += "<table class=\"ws-table ws-table-\(table.columns.count)\">"
        if !table.label.isEmpty { html += "<caption>\(inline(table.label))</caption>" }
        html += "<thead><tr>" + table.columns.map { "<th scope=\"col\" class=\"ws-\($0.width.rawValue)\">\($0.header.htmlEscaped)</th>" }.joined() + "</tr></thead><tbody>"
        for row in 1...max(table.rows, 1) {
            html += "<tr>"
            for column in table.columns {
                let field = "\(table.name).row\(row).\(column.name)"
                html += "<td><input type=\"text\" autocomplete=\"off\" id=\"\(id(field))\" name=\"\(field.htmlEscaped)\" aria-label=\"\(words.tableCell(column.header, row).htmlEscaped)\"></td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    /// The pie as an inline SVG (rings, spokes, slice labels), then a score box per slice.
    private static func pieFieldset(_ pie: Pie, words: WorksheetWords) -> String {
        var html = "<fieldset class=\"ws-pie\">"
        if !pie.label.isEmpty { html += "<legend class=\"ws-label\">\(inline(pie.label))</legend>" }
        html += pieChart(pie)
        html += "<ul class=\"ws-pie-scores\">" + pie.slices.map { slice in
            "<li><label class=\"ws-label\" for=\"\(id(slice.name))\">\(slice.label.htmlEscaped)</label> "
                + "<input type=\"number\" autocomplete=\"off\" id=\"\(id(slice.name))\" name=\"\(slice.name.htmlEscaped)\" min=\"0\" max=\"10\" inputmode=\"numeric\""
                + " aria-label=\"\(words.sliceScore(slice.label).htmlEscaped)\"> \(words.outOfTen.htmlEscaped)</li>"
        }.joined() + "</ul>"
        return html + "</fieldset>\n"
    }

    private static func pieChart(_ pie: Pie) -> String {
        let n = pie.slices.count
        let c = 160.0, r = 110.0
        func f(_ v: Double) -> String { String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), v) }
        var svg = "<svg class=\"ws-pie-chart\" viewBox=\"-110 0 540 320\" role=\"img\" aria-label=\"\(pie.slices.map(\.label).joined(separator: ", ").htmlEscaped)\">"
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
        return svg + "</svg>"
    }

    /// The element id of a field: its PDF name (letters, digits, `_` and `.`), prefixed.
    private static func id(_ name: String) -> String { "ws-" + name.htmlEscaped }

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
