import Diagnostics
import Yams

/// Reads typed settings out of a parsed YAML mapping, pointing every
/// mistake at the exact line and column of the value. Used for page front
/// matter instead of YAMLDecoder: it runs for every page, and Yams's decoder
/// resolved tags with regular expressions and read the process environment
/// on every value, which made it most of the cost of loading a page.
public struct SettingsReader {
    public let path: String
    public let firstLine: Int
    /// Keys in file order, with their key and value nodes.
    public private(set) var entries: [(key: String, keyNode: Node, value: Node)] = []
    private var byKey: [String: Node] = [:]

    public init(_ node: Node?, path: String, firstLine: Int) throws(Diagnostic) {
        self.path = path
        self.firstLine = firstLine
        guard let node else { return }
        guard let mapping = node.mapping else {
            let position = Self.position(of: node, firstLine: firstLine)
            throw .error(path, line: position.line, column: position.column,
                         "the settings must be `key: value` lines",
                         fix: "write each setting on its own line, e.g. `title: Urge Log`")
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            entries.append((name, key, value))
            byKey[name] = value
        }
    }

    public func has(_ key: String) -> Bool { byKey[key] != nil }

    /// File line and column of a node.
    public func position(of node: Node) -> (line: Int, column: Int) {
        Self.position(of: node, firstLine: firstLine)
    }

    static func position(of node: Node, firstLine: Int) -> (line: Int, column: Int) {
        let mark = node.mark
        return (firstLine + (mark?.line ?? 1) - 1, mark?.column ?? 1)
    }

    public func line(of key: String) -> Int {
        entries.first { $0.key == key }.map { position(of: $0.keyNode).line } ?? firstLine
    }

    /// An error at a setting's value, for the checks that read a setting's meaning (an address, a colour).
    public func problem(_ node: Node, _ message: String, fix: String? = nil) -> Diagnostic {
        let at = position(of: node)
        return .error(path, line: at.line, column: at.column, message, fix: fix)
    }

    /// A YAML null (`key:` with nothing, `~`, `null`) counts as not given.
    public func value(_ key: String) -> Node? {
        guard let node = byKey[key] else { return nil }
        if let scalar = node.scalar, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return node
    }

    public func string(_ key: String) throws(Diagnostic) -> String? {
        guard let node = value(key) else { return nil }
        guard let scalar = node.scalar else {
            throw problem(node, "'\(key)' must be text, not a list or a group of settings",
                          fix: "write it on one line, e.g. `\(key): Some text`")
        }
        return scalar.string
    }

    public func requiredString(_ key: String, what: String) throws(Diagnostic) -> String {
        guard let text = try string(key), !text.isBlank else {
            throw .error(path, line: byKey[key].map { position(of: $0).line } ?? firstLine, column: 1,
                         "\(what) has no '\(key)'", fix: "add a line `\(key): ...` to the settings at the top")
        }
        return text
    }

    public func int(_ key: String) throws(Diagnostic) -> Int? {
        guard let node = value(key) else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain, let number = Int(scalar.string) else {
            throw problem(node, "'\(key)' must be a whole number", fix: "write a number without quotes, e.g. `\(key): 3`")
        }
        return number
    }

    public func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain else {
            throw problem(node, "'\(key)' must be true or false", fix: "write `\(key): true` or `\(key): false`, without quotes")
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw problem(node, "'\(key)' must be true or false", fix: "write `\(key): true` or `\(key): false`")
        }
    }

    public func strings(_ key: String) throws(Diagnostic) -> [String]? {
        guard let node = value(key) else { return nil }
        guard let sequence = node.sequence else {
            throw problem(node, "'\(key)' must be a list", fix: "write it as `\(key): [one, two]` or as lines starting with `- `")
        }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw problem(item, "each item of '\(key)' must be text") }
            result.append(scalar.string)
        }
        return result
    }

    public func ints(_ key: String) throws(Diagnostic) -> [Int]? {
        guard let node = value(key) else { return nil }
        if let scalar = node.scalar, scalar.style == .plain, let single = Int(scalar.string) {
            return [single]
        }
        guard let sequence = node.sequence else {
            throw problem(node, "'\(key)' must be a list of whole numbers", fix: "write it as `\(key): [1, 3]`")
        }
        var result: [Int] = []
        for item in sequence {
            guard let scalar = item.scalar, scalar.style == .plain, let number = Int(scalar.string) else {
                throw problem(item, "each item of '\(key)' must be a whole number", fix: "write it as `\(key): [1, 3]`")
            }
            result.append(number)
        }
        return result
    }

    /// Warnings for keys a kind of file does not use, with a "did you mean".
    public func unknownKeys(known: [String], kind: String) -> [Diagnostic] {
        entries.compactMap { entry in
            guard !known.contains(entry.key) else { return nil }
            let at = position(of: entry.keyNode)
            let suggestion = closestName(to: entry.key, in: known)
            return .warning(path, line: at.line, column: at.column,
                            "'\(entry.key)' is not a setting of \(kind)",
                            fix: suggestion.map { "did you mean '\($0)'?" } ?? "settings of \(kind): \(known.joined(separator: ", "))")
        }
    }
}
