import Markdown

/// Labels that reduce a person to a condition, with the words to use
/// instead: NIDA's "Words Matter" (nida.nih.gov, "Words Matter: Preferred
/// Language for Talking About Addiction"), one list per language.
///
/// Words are matched whole and in any case, in the page's text and
/// settings, but not inside quotation marks (a page may report what others
/// say), code, link addresses or the names of organisations.
public struct PersonFirstLanguage: Sendable {
    public struct Finding: Sendable, Hashable {
        public var line: Int
        /// UTF-8 byte column, 1-based, as the rest of smartsite's messages.
        public var column: Int
        /// The words as written.
        public var found: String
        public var suggest: String
    }

    var terms: [(words: [String], suggest: String)]
    var names: [[String]]

    public init(language: String, extraWords: [CareSettings.WordAdvice] = [], names extraNames: [String] = []) {
        let base = Self.words(for: language) + extraWords
        // Longest phrase first, so "drug abuser" wins over "abuser".
        terms = base.map { (Self.tokens($0.word), $0.suggest) }.filter { !$0.0.isEmpty }
            .sorted { $0.words.count > $1.words.count }
        names = (Self.organisations + extraNames).map(Self.tokens).filter { !$0.isEmpty }
    }

    static func tokens(_ phrase: String) -> [String] {
        Text.words(in: Array(phrase)).map { Self.normalized(String($0.text)) }
    }

    static func normalized(_ word: String) -> String {
        var w = word.lowercased()
        for suffix in ["'s", "’s"] where w.hasSuffix(suffix) { w.removeLast(2) }
        return w
    }

    /// Names that keep older words: they are the organisations' own names.
    static let organisations = [
        "National Institute on Drug Abuse", "National Institute on Alcohol Abuse and Alcoholism",
        "Substance Abuse and Mental Health Services Administration", "Alcoholics Anonymous",
        "Narcotics Anonymous", "Adult Children of Alcoholics", "Al-Anon", "Alateen",
        "Instituto Nacional sobre el Abuso de Drogas", "Alcohólicos Anónimos", "Narcóticos Anónimos",
    ]

    public static func words(for language: String) -> [CareSettings.WordAdvice] {
        let code = language.lowercased().prefix(2)
        let pairs: [(String, String)]
        switch code {
        case "es":
            pairs = [
                ("adicto", "persona con un trastorno por consumo de sustancias"),
                ("adicta", "persona con un trastorno por consumo de sustancias"),
                ("adictos", "personas con un trastorno por consumo de sustancias"),
                ("adictas", "personas con un trastorno por consumo de sustancias"),
                ("drogadicto", "persona que consume drogas"),
                ("drogadicta", "persona que consume drogas"),
                ("drogadictos", "personas que consumen drogas"),
                ("toxicómano", "persona que consume drogas"),
                ("toxicómanos", "personas que consumen drogas"),
                ("alcohólico", "persona con un trastorno por consumo de alcohol"),
                ("alcohólica", "persona con un trastorno por consumo de alcohol"),
                ("alcohólicos", "personas con un trastorno por consumo de alcohol"),
                ("borracho", "persona con un trastorno por consumo de alcohol"),
                ("yonqui", "persona que consume drogas"),
                ("abuso de sustancias", "consumo de sustancias, o trastorno por consumo de sustancias"),
                ("abuso de drogas", "consumo de drogas, o trastorno por consumo de sustancias"),
                ("abuso de alcohol", "consumo de alcohol, o trastorno por consumo de alcohol"),
                ("vicio", "trastorno por consumo de sustancias"),
                ("limpio", "sin consumir, o con resultado negativo (análisis)"),
                ("sucio", "con resultado positivo (análisis)"),
            ]
        default:
            pairs = [
                ("addict", "person with a substance use disorder"),
                ("addicts", "people with a substance use disorder"),
                ("former addict", "person in recovery"),
                ("reformed addict", "person in recovery"),
                ("abuser", "person who uses drugs, or person with a substance use disorder"),
                ("abusers", "people who use drugs, or people with a substance use disorder"),
                ("drug abuser", "person who uses drugs"),
                ("substance abuser", "person with a substance use disorder"),
                ("alcoholic", "person with an alcohol use disorder"),
                ("alcoholics", "people with an alcohol use disorder"),
                ("junkie", "person who uses drugs"),
                ("junkies", "people who use drugs"),
                ("drunks", "people with an alcohol use disorder"),
                ("drug user", "person who uses drugs"),
                ("drug users", "people who use drugs"),
                ("substance abuse", "substance use, or substance use disorder"),
                ("drug abuse", "drug use, or substance use disorder"),
                ("alcohol abuse", "alcohol use, or alcohol use disorder"),
                ("abusing drugs", "using drugs, or misusing medication"),
                ("habit", "substance use disorder, or the behavior"),
                ("clean", "not using, in recovery, or testing negative"),
                ("dirty", "using, or testing positive"),
                ("addicted baby", "baby born with neonatal abstinence syndrome"),
                ("replacement therapy", "medication for opioid use disorder (MOUD)"),
                ("substitution therapy", "medication for opioid use disorder (MOUD)"),
                ("medication-assisted treatment", "medication for opioid use disorder (MOUD)"),
            ]
        }
        return pairs.map { CareSettings.WordAdvice(word: $0.0, suggest: $0.1) }
    }

    /// The labels in one file: a page or a worksheet, front matter included.
    public func findings(in source: String) -> [Finding] {
        let chars = Array(source)
        let skipped = Text.skippedCharacters(chars)
        var words = Text.words(in: chars).filter { !skipped[$0.start] }
        let lower = words.map { Self.normalized(String($0.text)) }
        // Organisation names first: their words are left alone.
        var inName = [Bool](repeating: false, count: words.count)
        for name in names {
            var i = 0
            while i + name.count <= words.count {
                if Array(lower[i..<(i + name.count)]) == name, Text.adjacent(words, from: i, count: name.count, in: chars) {
                    for k in i..<(i + name.count) { inName[k] = true }
                    i += name.count
                } else { i += 1 }
            }
        }
        var found: [Finding] = []
        var i = 0
        let lineStarts = Text.lineStarts(chars)
        while i < words.count {
            var matched = 0
            if !inName[i] {
                for term in terms where i + term.words.count <= words.count {
                    let range = i..<(i + term.words.count)
                    if Array(lower[range]) == term.words, !range.contains(where: { inName[$0] }),
                       Text.adjacent(words, from: i, count: term.words.count, in: chars) {
                        let start = words[i].start
                        let end = words[i + term.words.count - 1].end
                        let (line, column) = Text.position(of: start, in: chars, lineStarts: lineStarts)
                        found.append(Finding(line: line, column: column, found: String(chars[start..<end]), suggest: term.suggest))
                        matched = term.words.count
                        break
                    }
                }
            }
            i += max(matched, 1)
        }
        words.removeAll()
        return found
    }
}

/// Small text helpers shared by the care checks.
enum Text {
    struct Word {
        var start: Int
        var end: Int
        var text: ArraySlice<Character>
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter }

    /// Runs of letters; an apostrophe or hyphen between letters stays inside
    /// the word ("don't", "self-help"), except that a hyphen splits words for
    /// matching ("medication-assisted" is the two words of the phrase).
    static func words(in chars: [Character]) -> [Word] {
        var result: [Word] = []
        var i = 0
        while i < chars.count {
            guard isWordCharacter(chars[i]) else { i += 1; continue }
            let start = i
            while i < chars.count {
                if isWordCharacter(chars[i]) { i += 1; continue }
                if (chars[i] == "'" || chars[i] == "’"), i + 1 < chars.count, isWordCharacter(chars[i + 1]) { i += 1; continue }
                break
            }
            result.append(Word(start: start, end: i, text: chars[start..<i]))
        }
        return result
    }

    /// Words of a phrase must follow each other with only spaces, a line
    /// break or a hyphen between them.
    static func adjacent(_ words: [Word], from i: Int, count: Int, in chars: [Character]) -> Bool {
        guard count > 1 else { return true }
        for k in i..<(i + count - 1) {
            let gap = chars[words[k].end..<words[k + 1].start]
            if gap.isEmpty || !gap.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "-" || $0 == "\t" }) { return false }
        }
        return true
    }

    static func lineStarts(_ chars: [Character]) -> [Int] {
        var starts = [0]
        for (i, c) in chars.enumerated() where c == "\n" || c == "\r\n" { starts.append(i + 1) }
        return starts
    }

    /// 1-based line, and 1-based UTF-8 column.
    static func position(of index: Int, in chars: [Character], lineStarts: [Int]) -> (Int, Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        let column = String(chars[lineStarts[low]..<index]).utf8.count + 1
        return (low + 1, column)
    }

    /// Which characters a word check leaves alone: code (fences that are not
    /// prose directives, and `inline code`), text in double quotation marks,
    /// link addresses and web addresses. Quotation marks do not carry over a
    /// blank line, so one stray mark cannot hide the rest of a page.
    static func skippedCharacters(_ chars: [Character]) -> [Bool] {
        var skipped = [Bool](repeating: false, count: chars.count + 1)
        let proseFences: Set<String> = ["table", "callout", "field", "lines", "checkboxes", "scale", "grid", "pie"]
        var lineStart = 0
        var inCodeFence = false
        var inQuote = false
        var lineNumber = 0
        var inFrontMatter = false
        while lineStart < chars.count {
            var lineEnd = lineStart
            while lineEnd < chars.count, chars[lineEnd] != "\n", chars[lineEnd] != "\r\n" { lineEnd += 1 }
            let line = String(chars[lineStart..<lineEnd])
            let trimmed = line.trimmingWhitespace
            lineNumber += 1
            if lineNumber == 1, trimmed == "---" { inFrontMatter = true }
            else if inFrontMatter, trimmed == "---" || trimmed == "..." { inFrontMatter = false }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let info = trimmed.drop { $0 == "`" || $0 == "~" }.trimmingWhitespace
                let name = info.split(separator: " ").first.map { String($0).lowercased() } ?? ""
                if inCodeFence { inCodeFence = false; for k in lineStart..<lineEnd { skipped[k] = true } }
                else if !proseFences.contains(name) {
                    inCodeFence = true
                    for k in lineStart..<lineEnd { skipped[k] = true }
                } else {
                    // The fence line of a directive: its name is not prose, its label is.
                    let nameEnd = lineStart + (line.range(of: name).map { line.distance(from: line.startIndex, to: $0.upperBound) } ?? 0)
                    for k in lineStart..<min(nameEnd, lineEnd) { skipped[k] = true }
                }
                inQuote = false
                lineStart = lineEnd + 1
                continue
            }
            if inCodeFence || trimmed.isEmpty {
                for k in lineStart..<lineEnd { skipped[k] = true }
                inQuote = false
                lineStart = lineEnd + 1
                continue
            }
            var i = lineStart
            var inCode = false
            // In the settings, quotation marks around a whole value are YAML's, not the writer's.
            var yamlQuotes: Set<Int> = []
            if inFrontMatter, let colon = chars[lineStart..<lineEnd].firstIndex(of: ":") {
                var v = colon + 1
                while v < lineEnd, chars[v] == " " { v += 1 }
                var e = lineEnd - 1
                while e > v, chars[e] == " " { e -= 1 }
                if v < e, chars[v] == "\"" || chars[v] == "'", chars[e] == chars[v] { yamlQuotes = [v, e] }
                for k in lineStart...colon { skipped[k] = true }
            }
            while i < lineEnd {
                let c = chars[i]
                if c == "`" { inCode.toggle(); skipped[i] = true; i += 1; continue }
                if inCode { skipped[i] = true; i += 1; continue }
                if yamlQuotes.contains(i) { skipped[i] = true; i += 1; continue }
                if c == "\"" { skipped[i] = true; inQuote.toggle(); i += 1; continue }
                if c == "“" { skipped[i] = true; inQuote = true; i += 1; continue }
                if c == "”" { skipped[i] = true; inQuote = false; i += 1; continue }
                // A link's address: `](...)`.
                if c == "]", i + 1 < lineEnd, chars[i + 1] == "(" {
                    var j = i + 1
                    while j < lineEnd, chars[j] != ")" { skipped[j] = true; j += 1 }
                    i = j
                    continue
                }
                // A bare web or mail address.
                if c.isLetter, i == lineStart || !chars[i - 1].isLetter {
                    let rest = String(chars[i..<min(i + 8, lineEnd)]).lowercased()
                    if rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("mailto:") || rest.hasPrefix("www.") {
                        var j = i
                        while j < lineEnd, chars[j] != " ", chars[j] != ">", chars[j] != ")" { skipped[j] = true; j += 1 }
                        i = j
                        continue
                    }
                }
                if inQuote { skipped[i] = true }
                i += 1
            }
            lineStart = lineEnd + 1
        }
        return skipped
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return String(s)
    }
}
