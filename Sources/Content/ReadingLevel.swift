/// How hard a page is to read, as a US school grade.
///
/// English: the Flesch–Kincaid grade level (Kincaid et al., 1975),
/// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
/// Spanish: the Fernández Huerta reading ease (1959, in its corrected form
/// 206.84 − 0.60 × syllables per 100 words − 1.02 × sentences per 100
/// words), which is on the same 0–100 scale as Flesch's reading ease; it is
/// turned into a grade the way Flesch's own table does (90 → grade 5,
/// 80 → 6, 70 → 7, 60 → 8 and 9, 50 → 10 to 12), grade = 14 − ease / 10
/// between them. Syllables are counted by rule, not by dictionary, so a
/// grade is good to about one either way: enough to find the hard pages.
public struct ReadingLevel: Sendable, Hashable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    public var grade: Double
    /// The formula's own score: the grade for English, the reading ease for Spanish.
    public var score: Double
    public var formula: String

    /// Below this many words a grade says little; no warning is given.
    public static let minimumWords = 100

    public init(text: TextForReading, language: String) {
        let spanish = language.lowercased().hasPrefix("es")
        words = text.words.count
        sentences = max(text.sentences, words > 0 ? 1 : 0)
        syllables = text.words.reduce(0) { $0 + (spanish ? Self.spanishSyllables($1) : Self.englishSyllables($1)) }
        guard words > 0 else {
            grade = 0; score = 0; formula = spanish ? "Fernández Huerta" : "Flesch–Kincaid"
            return
        }
        let w = Double(words), s = Double(sentences), y = Double(syllables)
        if spanish {
            formula = "Fernández Huerta"
            score = 206.84 - 0.60 * (y / w * 100) - 1.02 * (s / w * 100)
            grade = max(0, 14 - score / 10)
        } else {
            formula = "Flesch–Kincaid"
            grade = max(0, 0.39 * (w / s) + 11.8 * (y / w) - 15.59)
            score = grade
        }
    }

    public init(html: String, language: String) {
        self.init(text: TextForReading(html: html), language: language)
    }

    /// Vowel groups, less a silent final e: the usual rule of thumb.
    static func englishSyllables(_ word: String) -> Int {
        let w = Array(word.lowercased().filter { $0.isLetter })
        guard w.count > 3 else { return 1 }
        var letters = w
        func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c) }
        // -es, -ed and a silent -e after a consonant add no syllable ("hopes", "named", "make"),
        // but "-le" after a consonant does ("table").
        if letters.count > 3 {
            let last2 = String(letters.suffix(2))
            let before = letters[letters.count - 3]
            if last2 == "es" || last2 == "ed", !isVowel(before), before != "l" || last2 == "ed" {
                if !(last2 == "ed" && (before == "t" || before == "d")) && !(last2 == "es" && "sxzhc".contains(before)) {
                    letters.removeLast(2)
                }
            } else if letters.last == "e", !isVowel(letters[letters.count - 2]), letters[letters.count - 2] != "l" {
                letters.removeLast()
            }
        }
        if letters.first == "y" { letters.removeFirst() }
        var count = 0
        var previousVowel = false
        for c in letters {
            let vowel = isVowel(c)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        return max(count, 1)
    }

    /// Spanish: every vowel group is a syllable, except that two strong
    /// vowels (a, e, o, or an accented í or ú) side by side are two.
    static func spanishSyllables(_ word: String) -> Int {
        let strong: Set<Character> = ["a", "e", "o", "á", "é", "ó", "í", "ú"]
        let weak: Set<Character> = ["i", "u", "ü", "y"]
        var count = 0
        var previous: Character? = nil
        let letters = Array(word.lowercased())
        for (index, c) in letters.enumerated() {
            let isVowel = strong.contains(c) || (weak.contains(c) && !(c == "y" && index < letters.count - 1))
            if isVowel {
                if let p = previous {
                    if strong.contains(p) && strong.contains(c) { count += 1 }
                } else {
                    count += 1
                }
                previous = c
            } else {
                previous = nil
            }
        }
        return max(count, 1)
    }
}

/// The words and sentences a reader meets in a page's HTML: code is left
/// out, and the end of a paragraph, list item, heading or table cell ends a
/// sentence (a list of short items is not one long sentence).
public struct TextForReading: Sendable {
    public var words: [String] = []
    public var sentences = 0

    public init(html: String) {
        var text = ""
        var i = html.startIndex
        var skipDepth = 0
        let blockEnds: Set<String> = ["/p", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/td", "/th",
                                      "/dt", "/dd", "br", "/blockquote", "/caption", "/summary", "/div", "/tr"]
        while i < html.endIndex {
            let c = html[i]
            if c == "<", let close = html[i...].firstIndex(of: ">") {
                let tag = html[html.index(after: i)..<close].lowercased()
                var name = String(tag.prefix { $0 != " " && $0 != "\n" })
                if name.count > 1, name.hasSuffix("/") { name.removeLast() }
                if name == "pre" || name == "code" || name == "script" || name == "style" { skipDepth += 1 }
                if name == "/pre" || name == "/code" || name == "/script" || name == "/style" { skipDepth = max(0, skipDepth - 1) }
                if blockEnds.contains(name) { text += " \u{1}" }
                i = html.index(after: close)
                continue
            }
            if skipDepth == 0 {
                if c == "&", let semi = html[i...].prefix(10).firstIndex(of: ";") {
                    let entity = html[html.index(after: i)..<semi]
                    switch entity {
                    case "amp": text += "&"
                    case "#39", "#x27", "apos", "rsquo": text += "'"
                    default: text += " "
                    }
                    i = html.index(after: semi)
                    continue
                }
                text.append(c)
            }
            i = html.index(after: i)
        }
        self.init(plain: text)
    }

    /// Plain text; U+0001 marks the end of a block.
    public init(plain text: String) {
        var wordsInSentence = 0
        var current = ""
        func endWord() {
            if current.contains(where: \.isLetter) {
                words.append(current)
                wordsInSentence += 1
            }
            current = ""
        }
        func endSentence() {
            endWord()
            if wordsInSentence > 0 { sentences += 1 }
            wordsInSentence = 0
        }
        let chars = Array(text)
        for (index, c) in chars.enumerated() {
            if c.isLetter || c.isNumber || ((c == "'" || c == "’" || c == "-") && !current.isEmpty) {
                current.append(c)
            } else if c == "." || c == "!" || c == "?" || c == "\u{1}" {
                // "1.5" or "e.g." inside a word does not end a sentence; a period before a space does.
                let next = index + 1 < chars.count ? chars[index + 1] : " "
                if c == "." && (next.isLetter || next.isNumber) { current.append(c); continue }
                endSentence()
            } else {
                endWord()
            }
        }
        endSentence()
    }
}
