/// One problem found in the input, pointing at the file, line and column a
/// content editor has to open. Printed the way compilers print theirs, so
/// editors and terminals can jump to it:
///
///     content/toolbox/urge-log.md:3:8: error: 'order' must be a whole number
///       fix: write a number without quotes, e.g. `order: 4`
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path as the user typed it or as it sits below the project (not absolute
    /// unless they gave an absolute path), so messages stay short.
    public var path: String
    /// 1-based; 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based, counted in characters of the line; 0 when unknown.
    public var column: Int
    public var message: String
    /// How to fix it, when that is known.
    public var fix: String?

    public init(_ severity: Severity, path: String, line: Int = 0, column: Int = 0, _ message: String, fix: String? = nil) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
    }

    public static func error(_ path: String, line: Int = 0, column: Int = 0, _ message: String, fix: String? = nil) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, column: column, message, fix: fix)
    }

    public static func warning(_ path: String, line: Int = 0, column: Int = 0, _ message: String, fix: String? = nil) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, column: column, message, fix: fix)
    }

    /// `path:line:col: severity: message`, with the fix on a second line.
    public var description: String {
        var location = path
        if line > 0 {
            location += ":\(line)"
            location += ":\(max(column, 1))"
        }
        var text = "\(location): \(severity.rawValue): \(message)"
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }

    public var isError: Bool { severity == .error }
}

/// Thrown when a step found problems; carries all of them, not just the first,
/// so one build run shows everything an editor has to fix.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// What the build was doing when it found them ("reading content"), when a build step threw them.
    public var step: String?
    public init(_ diagnostics: [Diagnostic], step: String? = nil) {
        self.diagnostics = diagnostics
        self.step = step
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
