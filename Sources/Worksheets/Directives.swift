import Foundation
import Diagnostics
import Markdown

/// The fenced blocks a worksheet may use, with their parameters. Written as
/// ```` ```NAME [key=value ...] [label] ````; see docs/worksheet-format.md.
enum DirectiveName: String, CaseIterable {
    case field, lines, checkboxes, scale, grid, table, pie, pagebreak

    /// Parameters given as key=value.
    var keys: [String] {
        switch self {
        case .field: return ["name"]
        case .lines: return ["name"]
        case .checkboxes: return ["name", "columns"]
        case .scale: return ["name"]
        case .grid: return ["columns", "lines"]
        case .table: return ["name", "rows"]
        case .pie: return ["name"]
        case .pagebreak: return []
        }
    }

    var example: String {
        switch self {
        case .field: return "```field Your name"
        case .lines: return "```lines 5 What happened?"
        case .checkboxes: return "```checkboxes What helped?  (then one `- item` per line)"
        case .scale: return "```scale 0-10 How important is this change to you?"
        case .grid: return "```grid columns=2 lines=6  (then one cell label per line)"
        case .table: return "```table rows=8 Urge log  (then one column header per line)"
        case .pie: return "```pie Life areas  (then one slice label per line)"
        case .pagebreak: return "```pagebreak"
        }
    }
}

/// An info string taken apart: the directive, its key=value parameters and
/// leading numbers, and the label that follows them.
struct DirectiveCall {
    var name: DirectiveName
    var parameters: [String: String] = [:]
    /// Bare leading tokens such as `5` (lines) or `0-10` (scale).
    var positional: [String] = []
    var label: String = ""
    var body: String
    var path: String
    var line: Int
    var column: Int

    /// The worksheet's own grammar on top of the block's name and arguments.
    static func parse(_ block: DirectiveBlock, path: String) throws(Diagnostic) -> DirectiveCall {
        let (word, line, column) = (block.name, block.line, block.column)
        guard let name = DirectiveName(rawValue: word.lowercased()) else {
            let known = DirectiveName.allCases.map(\.rawValue)
            let hint = closestName(to: word, in: known).map { "did you mean `\($0)`? " } ?? ""
            throw .error(path, line: line, column: column,
                         word.isEmpty ? "a fenced block without a name is not a worksheet block"
                                      : "unknown worksheet block `\(word)`",
                         fix: hint + "worksheet blocks: " + known.joined(separator: ", "))
        }
        var call = DirectiveCall(name: name, body: block.body, path: path, line: line, column: column)
        var rest = Substring(block.arguments)
        while !rest.isEmpty {
            let tokenEnd = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
            let token = String(rest[..<tokenEnd])
            if let eq = token.firstIndex(of: "="), eq != token.startIndex,
               token[..<eq].allSatisfy({ $0.isLetter || $0 == "_" }) {
                let key = token[..<eq].lowercased()
                guard name.keys.contains(key) else {
                    let suggestion = closestName(to: key, in: name.keys).map { "did you mean `\($0)`? " } ?? ""
                    throw .error(path, line: line, column: column,
                                 "`\(name.rawValue)` has no parameter `\(key)`",
                                 fix: suggestion + (name.keys.isEmpty ? "`\(name.rawValue)` takes no parameters"
                                                                      : "its parameters: " + name.keys.joined(separator: ", ")))
                }
                guard call.parameters[key] == nil else {
                    throw .error(path, line: line, column: column, "`\(key)` is given twice", fix: "keep one `\(key)=`")
                }
                call.parameters[key] = String(token[token.index(after: eq)...])
            } else if call.label.isEmpty, token.first?.isNumber == true, token.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "\u{2013}" }) {
                call.positional.append(token)
            } else {
                break
            }
            rest = rest[tokenEnd...].drop(while: { $0 == " " || $0 == "\t" })
        }
        call.label = String(rest).trimmingCharacters(in: .whitespaces)
        if name == .pagebreak && !(call.label.isEmpty && call.positional.isEmpty) {
            throw call.error("`pagebreak` takes nothing after its name", fix: "write just ```pagebreak")
        }
        if !call.positional.isEmpty && name != .lines && name != .scale {
            throw call.error("`\(name.rawValue)` does not take a bare number (`\(call.positional[0])`)",
                             fix: "write it as key=value, e.g. " + name.example)
        }
        return call
    }

    func error(_ message: String, fix: String? = nil, bodyLine: Int? = nil) -> Diagnostic {
        .error(path, line: bodyLine.map { line + $0 } ?? line, column: bodyLine == nil ? column : 1, message, fix: fix)
    }

    /// A whole-number parameter within bounds, or `defaultValue` when absent.
    func integer(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(Diagnostic) -> Int {
        guard let text = parameters[key] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw error("`\(key)=\(text)`: \(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                        fix: "e.g. `\(key)=\(defaultValue)`")
        }
        return value
    }

    /// The explicit `name=`, checked.
    func explicitName() throws(Diagnostic) -> String? {
        guard let name = parameters["name"] else { return nil }
        guard FieldName.isValid(name) else {
            throw error("`name=\(name)`: a field name uses only letters, digits and underscores",
                        fix: "e.g. `name=costs_of_using`")
        }
        return name
    }

    /// Non-empty body lines with their 1-based offset below the fence, list
    /// markers ("- ", "* ", "1. ") removed.
    var bodyItems: [(text: String, offset: Int)] {
        var items: [(String, Int)] = []
        for (i, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("+ ") {
                text = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            } else if let dot = text.firstIndex(where: { $0 == "." || $0 == ")" }),
                      dot != text.startIndex, text[..<dot].allSatisfy(\.isNumber),
                      text[text.index(after: dot)...].first == " " {
                text = String(text[text.index(after: dot)...]).trimmingCharacters(in: .whitespaces)
            }
            items.append((text, i + 1))
        }
        return items
    }
}
