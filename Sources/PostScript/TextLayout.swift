/// One laid-out line: the runs to show, one after the other, and their width.
public struct TextLine: Sendable, Hashable {
    public var runs: [TextRun]
    public var width: Double
}

/// Greedy line breaking with AFM widths: words (which may mix fonts, as in
/// "**not**-using") are kept whole and lines are filled up to `width`. A word
/// longer than a line is split between characters rather than overflowing.
public enum TextLayout {
    public static func lines(_ runs: [TextRun], size: Double, width: Double, firstLineIndent: Double = 0) -> [TextLine] {
        let words = self.words(runs)
        var lines: [TextLine] = []
        var current: [TextRun] = []
        var currentWidth = 0.0
        var pendingSpace: TextRun?

        func available() -> Double { width - (lines.isEmpty ? firstLineIndent : 0) }
        func flush() {
            lines.append(TextLine(runs: merge(current), width: currentWidth))
            current = []
            currentWidth = 0
        }

        for word in words {
            if word.isSpace {
                if !current.isEmpty { pendingSpace = word.pieces.first }
                continue
            }
            if word.isBreak {
                flush()
                pendingSpace = nil
                continue
            }
            var pieces = word.pieces
            var wordWidth = measure(pieces, size)
            let spaceWidth = pendingSpace.map { $0.font.width(of: " ", size: size) } ?? 0
            if !current.isEmpty && currentWidth + spaceWidth + wordWidth > available() {
                flush()
                pendingSpace = nil
            } else if let space = pendingSpace, !current.isEmpty {
                current.append(space)
                currentWidth += spaceWidth
            }
            pendingSpace = nil
            // A word wider than a whole line: cut it character by character.
            while currentWidth + wordWidth > available() && current.isEmpty && !pieces.isEmpty {
                let (head, tail) = split(pieces, fitting: available(), size: size)
                if tail.isEmpty { break }
                current = head
                currentWidth = measure(head, size)
                flush()
                pieces = tail
                wordWidth = measure(pieces, size)
            }
            current.append(contentsOf: pieces)
            currentWidth += wordWidth
        }
        if !current.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    // MARK: - Words

    struct Word {
        var pieces: [TextRun]
        var isSpace = false
        var isBreak = false
    }

    static func words(_ runs: [TextRun]) -> [Word] {
        var words: [Word] = []
        var pieces: [TextRun] = []
        func endWord() {
            if !pieces.isEmpty { words.append(Word(pieces: pieces)) }
            pieces = []
        }
        for run in runs {
            var text = ""
            for character in run.text {
                if character == "\n" {
                    if !text.isEmpty { pieces.append(TextRun(text, font: run.font, link: run.link)) }
                    text = ""
                    endWord()
                    words.append(Word(pieces: [], isBreak: true))
                } else if character == " " || character == "\t" {
                    if !text.isEmpty { pieces.append(TextRun(text, font: run.font, link: run.link)) }
                    text = ""
                    endWord()
                    words.append(Word(pieces: [TextRun(" ", font: run.font, link: run.link)], isSpace: true))
                } else {
                    text.append(character)
                    // Allow a break after a dash inside a word ("well-being", "yes—no"),
                    // but not after a short start such as "4-" or "e-".
                    let partLength = pieces.reduce(0) { $0 + $1.text.count } + text.count
                    if (character == "-" || character == "\u{2013}" || character == "\u{2014}" || character == "/") && partLength > 3 {
                        pieces.append(TextRun(text, font: run.font, link: run.link))
                        text = ""
                        endWord()
                    }
                }
            }
            if !text.isEmpty { pieces.append(TextRun(text, font: run.font, link: run.link)) }
        }
        endWord()
        // Dash-split parts are separate words with no space between them:
        // mark that by not inserting a space word, which `lines` respects.
        return words
    }

    static func measure(_ pieces: [TextRun], _ size: Double) -> Double {
        pieces.reduce(0) { $0 + $1.font.width(of: $1.text, size: size) }
    }

    static func split(_ pieces: [TextRun], fitting width: Double, size: Double) -> ([TextRun], [TextRun]) {
        var head: [TextRun] = []
        var used = 0.0
        for (index, piece) in pieces.enumerated() {
            var taken = ""
            for character in piece.text {
                let w = piece.font.width(of: String(character), size: size)
                if used + w > width && !(head.isEmpty && taken.isEmpty) {
                    if !taken.isEmpty { head.append(TextRun(taken, font: piece.font, link: piece.link)) }
                    var rest = [TextRun(String(piece.text.dropFirst(taken.count)), font: piece.font, link: piece.link)]
                    rest.append(contentsOf: pieces[(index + 1)...])
                    return (head, rest)
                }
                taken.append(character)
                used += w
            }
            head.append(TextRun(taken, font: piece.font, link: piece.link))
        }
        return (head, [])
    }

    static func merge(_ runs: [TextRun]) -> [TextRun] {
        var out: [TextRun] = []
        for run in runs where !run.text.isEmpty {
            if let last = out.last, last.font == run.font, last.link == run.link {
                out[out.count - 1].text += run.text
            } else {
                out.append(run)
            }
        }
        return out
    }
}
