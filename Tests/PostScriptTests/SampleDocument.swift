import PostScript

/// A small document that uses every feature of the writer.
func sampleDocument(size: PageSize = .letter) -> PostScriptDocument {
    var doc = PostScriptDocument(
        info: DocumentInfo(title: "Sample “form” – test", author: "smartsite tests", subject: "Every feature",
                           keywords: ["test", "pdfmark"], date: "D:20260101000000Z",
                           custom: [(key: "SourceHash", value: "abc123")]),
        pageSize: size)
    doc.addPage { page in
        let top = page.size.height - 72
        page.text("Heading with “quotes” — and ‘ticks’…", font: .helveticaBold, size: 16, x: 72, y: top)
        page.bookmark("Section one", level: 1, y: top + 16)
        page.textLine([TextRun("Plain, ", font: .timesRoman), TextRun("bold", font: .timesBold),
                       TextRun(" and ", font: .timesRoman), TextRun("italic", font: .timesItalic),
                       TextRun(" • café – niño (x) \\ end", font: .timesRoman)],
                      size: 12, x: 72, y: top - 24)
        page.setLineWidth(0.5)
        page.setGray(0.4)
        page.strokeLine(from: (72, top - 60), to: (540, top - 60))
        page.setGray(0)
        page.textField(name: "costs_of_using", rect: Rect(x: 72, y: top - 140, width: 468, height: 70),
                       multiline: true, tooltip: "Costs of using")
        page.strokeRect(Rect(x: 72, y: top - 170, width: 11, height: 11))
        page.checkBox(name: "urge_log.row3.trigger", rect: Rect(x: 72, y: top - 170, width: 11, height: 11), tooltip: "First item")
        page.text("First item", font: .helvetica, size: 11, x: 90, y: top - 168)
        page.textField(name: "name", rect: Rect(x: 72, y: top - 210, width: 200, height: 16), multiline: false)
        page.strokeCircle(center: (300, 300), radius: 80)
        page.link(Rect(x: 72, y: 100, width: 200, height: 14), url: "https://example.org/a?b=(c)")
        page.text("A link", font: .helvetica, size: 11, x: 72, y: 102)
    }
    doc.addPage { page in
        page.bookmark("Section two", level: 1, y: page.size.height - 72)
        page.bookmark("Sub (2.1)", level: 2, y: page.size.height - 100)
        page.text("Page two", font: .helveticaOblique, size: 12, x: 72, y: page.size.height - 72)
        page.text("centred", font: .helveticaBoldOblique, size: 10, x: page.size.width / 2, y: 40, align: .center)
    }
    return doc
}
