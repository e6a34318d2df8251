import Content
import FuzzSupport

/// Any text as a URL setting (a provider's `website`) and as a Markdown link.
/// Whatever the policy lets through must be, to a browser, a web, e-mail,
/// phone or text-message link or a path on the site: the scheme is worked
/// out here again the way the URL standard does it (a second reading, not
/// the policy's own code), and must be one of those or none.
func fuzzOne(_ bytes: [UInt8]) {
    let value = String(decoding: bytes, as: UTF8.self)
    let scheme = browserScheme(value)
    if URLPolicy.problem(with: value) == nil {
        precondition(scheme.map(URLPolicy.allowedSchemes.contains) ?? true, "a setting let '\(scheme ?? "")' through: \(value.debugDescription)")
        precondition(!value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "a control character got through: \(value.debugDescription)")
        if scheme == nil {
            precondition(!value.hasPrefix("//"), "a link to another host without a scheme got through: \(value.debugDescription)")
        }
    }
    switch LinkTarget.of(value, from: "program/coping.md") {
    case .refused(let refused):
        precondition(scheme == refused, "refused '\(refused)' where a browser reads '\(scheme ?? "none")': \(value.debugDescription)")
    case .external:
        precondition(scheme.map(URLPolicy.allowedSchemes.contains) ?? true, "an external link with '\(scheme ?? "")': \(value.debugDescription)")
    case .page, .file, .sameFile, .outsideContent, .hostRoot, .empty:
        precondition(scheme == nil, "a link with '\(scheme ?? "")' taken for a path: \(value.debugDescription)")
    }
}

/// The URL standard's first steps: leading and trailing C0 controls and
/// spaces removed, then every tab and line break, then a scheme is an ASCII
/// letter followed by letters, digits, `+`, `-` or `.`, up to a `:`.
func browserScheme(_ input: String) -> String? {
    var scalars = Array(input.unicodeScalars)
    while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
    while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
    scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let colon = scalars.firstIndex(of: ":"), colon > 0 else { return nil }
    let candidate = scalars[..<colon]
    func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
    guard let first = candidate.first, isLetter(first),
          candidate.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
    return String(String.UnicodeScalarView(candidate)).lowercased()
}

/// libFuzzer's entry point (its own `main` may call it directly).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(FuzzInput.bytes(data, size))
    return 0
}

@main enum Fuzz {
    static func main() { FuzzInput.main(fuzzerTestOneInput) }
}
