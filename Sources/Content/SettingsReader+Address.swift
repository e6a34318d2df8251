import Diagnostics
import SourceFiles

extension SettingsReader {
    /// A setting that becomes a link (`href`): checked by URLPolicy, so a
    /// `javascript:` address is an error at its line, not a script link.
    public func address(_ key: String) throws(Diagnostic) -> String? {
        guard let text = try string(key), let node = value(key) else { return nil }
        if let problem = URLPolicy.problem(with: text) {
            throw self.problem(node, "'\(key)' \(problem)", fix: URLPolicy.fix)
        }
        return text
    }
}
