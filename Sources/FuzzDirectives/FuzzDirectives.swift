import FuzzSupport
import Markdown

/// Any bytes as the body of a `table` and a `callout` directive, and as a
/// whole Markdown page: rendering must give HTML or a diagnostic, never crash.
func fuzzOne(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let options = MarkdownOptions(path: "fuzz.md", lineOffset: 3)
    for wrapped in ["```table\n" + text + "\n```\n", "```callout warning Title\n" + text + "\n```\n", "```" + text + "\n```\n"] {
        _ = HTMLRenderer(options: options) { $0 + "/" }.render(wrapped)
    }
    _ = HTMLRenderer(options: options).render(bytes: bytes)
    _ = MarkdownDocument.parse(text, lineOffset: 3)
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
