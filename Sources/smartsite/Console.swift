import Diagnostics
import Foundation

/// What the tool prints: diagnostics on standard error, a progress line only
/// when standard error is a terminal (logs and CI stay clean).
struct Console {
    let isTerminal = isatty(STDERR_FILENO) == 1

    func progress(_ message: String) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)…".utf8))
    }

    func clearProgress() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    /// A line of the preview's log, on standard error (standard output carries the address).
    func line(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Int((value * 1000).rounded())) ms" : String(format: "%.2f s", value)
    }
}
