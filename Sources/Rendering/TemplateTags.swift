import Foundation

/// The `{{...}}` tags of a template's text with their lines and columns,
/// for the checks made when templates load (partials that do not exist,
/// partials that include themselves, names no value has). swift-mustache
/// parses templates itself; it does not say where a tag is, so the checks
/// read the text once more here.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        /// `{{name}}`, `{{{name}}}`, `{{&name}}`: a value printed.
        case value
        /// `{{#name}}` or `{{^name}}`: a section or inverted section.
        case section
        /// `{{>name}}`: a partial; `{{>*name}}` is a dynamic one (the name of a value).
        case partial(dynamic: Bool)
        /// `{{<name}}`: a parent template whose blocks this one fills.
        case parent
        /// `{{$name}}`: a block, which a template that names this one as its parent may fill.
        case block
        /// Closing tags, comments, settings (`{{% ... }}`): nothing to check.
        case other
    }

    var kind: Kind
    /// The tag's name without sigil or spaces, e.g. `page.title`, `partials/footer`.
    var name: String
    /// 1-based, in the editor's file.
    var line: Int
    var column: Int
    /// The sigils of the sections, blocks and parents open around the tag,
    /// outermost first (`"$^"`: inside a block, inside an inverted section).
    var enclosedBy: String = ""
    /// Whether only spaces (and other tags) stand before the tag, or before
    /// one of those around it, on its line: swift-mustache may then indent
    /// a partial's lines by those spaces.
    var indented = false
}

enum TemplateTags {
    /// Every tag up to the first set-delimiter tag (`{{=<% %>=}}`): after it
    /// the tags look different, and the checks leave the rest of the file to
    /// swift-mustache (a handful of templates ever do this).
    static func scan(_ text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        // The sections, blocks and parents open at this point, and whether each was indented.
        var open: [(sigil: Character, indented: Bool)] = []
        // What stands on the line so far outside tags: spaces, and other text.
        // swift-mustache counts a line as still starting after a standalone
        // section tag, so spaces after `{{/a}}` indent a partial too.
        var spacesOnLine = false
        var textOnLine = false
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        func matches(_ literal: StaticString, at position: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            return literal.withUTF8Buffer { pattern in
                (0..<count).allSatisfy { bytes[position + $0] == pattern[$0] }
            }
        }
        func find(_ literal: StaticString, from position: Int) -> Int? {
            var at = position
            while at < bytes.count {
                if matches(literal, at: at) { return at }
                at += 1
            }
            return nil
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                spacesOnLine = false
                textOnLine = false
                index += 1
                continue
            }
            guard matches("{{", at: index) else {
                if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { spacesOnLine = true } else { textOnLine = true }
                index += 1
                continue
            }
            let tagLine = line
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            let ownIndent = spacesOnLine && !textOnLine
            let triple = matches("{{{", at: index)
            let innerStart = index + (triple ? 3 : 2)
            guard let close = find(triple ? "}}}" : "}}", from: innerStart) else { break }
            let inner = String(decoding: bytes[innerStart..<close], as: UTF8.self)
            // A comment may run over several lines: keep counting them.
            for position in innerStart..<close where bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
                spacesOnLine = false
                textOnLine = false
            }
            index = close + (triple ? 3 : 2)
            let trimmed = inner.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let sigil = trimmed.first else { continue }
            if sigil == "=" { break }
            let rest = trimmed.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines)
            let tag: TemplateTag.Kind
            var name = rest
            switch sigil {
            case _ where triple: tag = .value; name = trimmed
            case "&": tag = .value
            case "#", "^": tag = .section
            case ">":
                let dynamic = rest.hasPrefix("*")
                tag = .partial(dynamic: dynamic)
                if dynamic { name = rest.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines) }
            case "<": tag = .parent
            case "$": tag = .block
            case "/", "!", "%": tag = .other
            default: tag = .value; name = trimmed
            }
            if !triple, sigil == "/", !open.isEmpty { open.removeLast() }
            tags.append(TemplateTag(kind: tag, name: name, line: tagLine, column: column, enclosedBy: String(open.map(\.sigil)),
                                    indented: ownIndent || open.contains { $0.indented }))
            if !triple, "#^$<".contains(sigil) { open.append((sigil, ownIndent || open.contains { $0.indented })) }
        }
        return tags
    }
}
