import Content
import Diagnostics
import Rendering

/// `{{words.KEY}}` in a template names a key of the strings files: one
/// that no file has would print nothing, in every language.
enum WordsCheck {
    static func unknownKeys(in templates: TemplateLibrary, words: [InterfaceWords]) -> [Diagnostic] {
        guard let first = words.first else { return [] }
        let known = Set(first.keys)
        return templates.wordKeys().compactMap { use in
            guard !known.contains(use.key) else { return nil }
            return .warning(use.path, line: use.line, column: use.column,
                            "'words.\(use.key)' is not in \(first.path), so this prints nothing",
                            fix: closestName(to: use.key, in: first.keys.sorted()).map { "did you mean 'words.\($0)'?" }
                                ?? "add `\(use.key): ...` to every file in templates/i18n/")
        }
    }
}
