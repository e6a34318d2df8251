import Diagnostics
import Foundation
import Yams

/// The YAML block between `---` lines at the top of a content file, and the
/// Markdown body after it. Every position it reports is a line of the whole
/// file, so an editor can jump straight to the mistake.
public struct FrontMatter: Sendable {
    public var path: String
    /// The YAML text, without its fences.
    public var yaml: String
    /// File line of the first YAML line (2 when the file starts with `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// Lines of the file before the body: what Markdown positions are offset by.
    public var bodyLineOffset: Int

    /// Splits a file. A file that does not start with `---` has no front
    /// matter, and is all body.
    public static func split(_ source: SourceText) throws(Diagnostic) -> FrontMatter {
        let text = source.text
        let utf8 = text.utf8
        guard let firstEnd = lineEnd(in: utf8, from: utf8.startIndex), isFence(utf8[utf8.startIndex..<firstEnd], "---") else {
            return FrontMatter(path: source.path, yaml: "", yamlFirstLine: 1, body: text, bodyLineOffset: 0)
        }
        // Scans line by line on UTF-8 bytes: this runs for every page of the site.
        let yamlStart = firstEnd < utf8.endIndex ? utf8.index(after: firstEnd) : firstEnd
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < utf8.endIndex, let end = lineEnd(in: utf8, from: lineStart) {
            let line = utf8[lineStart..<end]
            if isFence(line, "---") || isFence(line, "...") {
                let yaml = String(text[yamlStart..<lineStart])
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return FrontMatter(path: source.path, yaml: yaml, yamlFirstLine: 2,
                                   body: String(text[bodyStart...]), bodyLineOffset: lineNumber)
            }
            lineStart = end < utf8.endIndex ? utf8.index(after: end) : end
            lineNumber += 1
        }
        throw .error(source.path, line: 1, column: 1,
                     "the front matter that starts here has no closing `---`",
                     fix: "add a line with just `---` after the last setting, before the page text")
    }

    /// Index of the newline ending the line that starts at `start` (or the end of the text).
    private static func lineEnd(in utf8: String.UTF8View, from start: String.Index) -> String.Index? {
        guard start <= utf8.endIndex else { return nil }
        return utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
    }

    /// A fence line: exactly `---` (or `...`), trailing spaces allowed.
    private static func isFence(_ line: Substring.UTF8View, _ fence: String) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes.elementsEqual(fence.utf8)
    }

    public var isEmpty: Bool { yaml.isBlank }

    /// Parses the YAML into a node tree, with syntax errors placed in the file.
    public func compose() throws(Diagnostic) -> Node? {
        try Self.compose(yaml, path: path, firstLine: yamlFirstLine)
    }

    /// - Parameter resolver: how plain values get their types. Page settings
    ///   use `.basic` (see below); site.yaml, decoded with YAMLDecoder, uses
    ///   `.default`, which also applies `<<: *anchor` merge keys.
    public static func compose(_ yaml: String, path: String, firstLine: Int,
                               resolver: Resolver = .basic) throws(Diagnostic) -> Node? {
        if let tab = tabIndentation(in: yaml) {
            throw .error(path, line: firstLine + tab, column: 1,
                         "a tab is used for indentation; YAML allows only spaces there",
                         fix: "replace the tab at the start of this line with spaces")
        }
        if let deep = excessiveNesting(in: yaml) {
            throw .error(path, line: firstLine + deep, column: 1,
                         "the settings are nested more than \(maximumNesting) levels deep",
                         fix: "settings are simple `key: value` lines, with at most a short list or group below a key")
        }
        do {
            // The encoding is given explicitly: Yams's default reads the process
            // environment on every call, which showed up as the top cost of loading pages.
            // The basic resolver tags every scalar as text: SettingsReader types
            // values itself, and the default resolver ran a regular expression per
            // scalar (again for every key when Yams checks for duplicate keys).
            return try Yams.compose(yaml: yaml, resolver, constructor, .utf8)
        } catch let error as YamlError {
            throw yamlDiagnostic(error, path: path, firstLine: firstLine)
        } catch {
            throw .error(path, line: firstLine, column: 1, "the settings could not be read: \(error)")
        }
    }

    /// Decodes a settings mapping into a typed value with YAMLDecoder, for
    /// nested settings (site.yaml's menu and help lines); page front matter
    /// goes through `SettingsReader`. Check the node is a mapping first
    /// (`SettingsReader` does, with the message editors see).
    public static func decode<T: Decodable>(_ type: T.Type, from node: Node, path: String, firstLine: Int) throws(Diagnostic) -> T {
        do {
            return try YAMLDecoder(encoding: .utf8).decode(type, from: node)
        } catch let error as DecodingError {
            throw decodingDiagnostic(error, root: node, path: path, firstLine: firstLine)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw .error(path, line: firstLine, column: 1, "the settings could not be read: \(error)")
        }
    }

    /// Yams's `Constructor.default` builds its tables anew on every use.
    /// Shared across threads safely: a Constructor holds only `let` tables
    /// and compose never calls it (it only builds nodes).
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Settings never need deep nesting, and Yams builds its node tree
    /// recursively: a hostile `[[[[[…` must be refused before it gets there.
    static let maximumNesting = 40

    /// The line (0-based within the YAML) where nesting first gets too deep:
    /// open brackets, indentation, or `- - -` on one line.
    static func excessiveNesting(in yaml: String) -> Int? {
        var brackets = 0
        var line = 0
        var atLineStart = true
        var indentation = 0
        var dashes = 0
        for byte in yaml.utf8 {
            switch byte {
            case 0x0A:
                line += 1
                atLineStart = true
                indentation = 0
                dashes = 0
                continue
            case 0x5B, 0x7B: brackets += 1
            case 0x5D, 0x7D: brackets = max(0, brackets - 1)
            default: break
            }
            if atLineStart {
                if byte == 0x20 { indentation += 1 } else if byte == 0x2D { dashes += 1 } else { atLineStart = false }
            }
            if brackets > maximumNesting || indentation / 2 + dashes > maximumNesting * 2 { return line }
        }
        return nil
    }

    // MARK: - Placing errors

    /// The line (0-based within the YAML) whose indentation holds a tab.
    /// Over bytes, like the other scans: every page's settings pass here.
    private static func tabIndentation(in yaml: String) -> Int? {
        var line = 0
        var inIndentation = true
        for byte in yaml.utf8 {
            switch byte {
            case 0x0A:
                line += 1
                inIndentation = true
            case 0x09 where inIndentation:
                return line
            case 0x20:
                break
            default:
                inIndentation = false
            }
        }
        return nil
    }

    static func yamlDiagnostic(_ error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark, _ problem: String) -> Diagnostic {
            let (plain, fix) = plainWords(forYAMLProblem: problem)
            return .error(path, line: firstLine + mark.line - 1, column: mark.column,
                          "the settings are not valid YAML: \(plain)", fix: fix)
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return at(mark, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(path, line: firstLine + context.mark.line - 1, column: context.mark.column,
                          "a setting is given twice: \(duplicates.joined(separator: ", "))",
                          fix: "keep one line for each setting")
        case let .reader(problem, _, _, _):
            return .error(path, line: firstLine, column: 1, "the settings are not valid YAML: \(problem)")
        default:
            return .error(path, line: firstLine, column: 1, "the settings are not valid YAML: \(error)")
        }
    }

    /// libyaml's problems in the words of someone who writes pages, with
    /// the fix for the mistake that usually causes each. "mapping values are
    /// not allowed in this context" is what a colon in a title gives.
    static func plainWords(forYAMLProblem problem: String) -> (message: String, fix: String) {
        switch problem {
        case "mapping values are not allowed in this context":
            return ("there is a ':' inside a value",
                    "put the whole value in quotes, e.g. `title: \"Meetings: online and in person\"`")
        case "found character that cannot start any token":
            return ("a value starts with a character YAML keeps for itself (such as @, ` or %)",
                    "put the whole value in quotes, e.g. `title: \"@home meetings\"`")
        case "did not find expected key", "did not find expected '-' indicator":
            return ("this line is indented differently from the lines around it",
                    "start each setting at the left edge, and indent list items (`- ...`) by the same number of spaces")
        case "found unexpected end of stream":
            return ("a quote or bracket is opened and never closed", "close the quote (\") or bracket (] or }) at the end of the value")
        case "did not find expected ',' or ']'":
            return ("a list in [brackets] is not closed", "end the list with ], e.g. `points: [1, 2]`")
        case "did not find expected ',' or '}'":
            return ("a group in {braces} is not closed", "end it with }, or write each setting on its own line")
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return ("a tab is used for indentation; YAML allows only spaces there", "replace the tab with spaces")
        default:
            return (problem, "check the colons, quotes and indentation on this line; text with a colon needs quotes")
        }
    }

    static func decodingDiagnostic(_ error: DecodingError, root: Node, path: String, firstLine: Int) -> Diagnostic {
        func place(_ codingPath: [CodingKey]) -> (line: Int, column: Int) {
            let mark = Self.node(at: codingPath, in: root)?.mark ?? root.mark
            return (firstLine + (mark?.line ?? 1) - 1, mark?.column ?? 1)
        }
        func keyName(_ codingPath: [CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "item \($0 + 1)" } ?? $0.stringValue }.joined(separator: " → ")
        }
        switch error {
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            let position = place(context.codingPath)
            let expected = describe(type)
            return .error(path, line: position.line, column: position.column,
                          "'\(keyName(context.codingPath))' must be \(expected)",
                          fix: example(for: type).map { "write it as \($0)" })
        case let .keyNotFound(key, context):
            let position = place(context.codingPath)
            return .error(path, line: position.line, column: position.column,
                          "the setting '\(keyName(context.codingPath + [key]))' is required",
                          fix: "add a line `\(key.stringValue): ...`")
        case let .dataCorrupted(context):
            let position = place(context.codingPath)
            return .error(path, line: position.line, column: position.column,
                          "'\(keyName(context.codingPath))': \(context.debugDescription)")
        @unknown default:
            return .error(path, line: firstLine, column: 1, "the settings could not be read: \(error)")
        }
    }

    /// The node a decoding error points at, or the closest one above it.
    static func node(at codingPath: [CodingKey], in root: Node) -> Node? {
        var current = root
        for key in codingPath {
            if let index = key.intValue, let sequence = current.sequence, index >= 0, index < sequence.count {
                current = sequence[index]
            } else if let mapping = current.mapping, let value = mapping[key.stringValue] {
                current = value
            } else {
                break
            }
        }
        return current
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text"
        case is [String].Type: return "a list of text"
        case is [Int].Type: return "a list of whole numbers"
        default: return "a \(type)"
        }
    }

    private static func example(for type: Any.Type) -> String? {
        switch type {
        case is Int.Type: return "a number without quotes, e.g. `3`"
        case is Bool.Type: return "`true` or `false`"
        case is String.Type: return "text; put it in quotes if it contains a colon"
        case is [String].Type: return "a list, e.g. `[one, two]`"
        case is [Int].Type: return "a list of numbers, e.g. `[1, 3]`"
        default: return nil
        }
    }
}
