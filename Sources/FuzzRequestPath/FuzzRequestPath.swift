import FuzzSupport
import Preview

/// Any request path through the preview server's normalizer: whatever it
/// accepts must name something below the served root (no `..`, no dot-files,
/// no absolute path, no NUL or backslash), and encoding it again for a
/// redirect must normalize back to the same path.
func fuzzOne(_ bytes: [UInt8]) {
    let raw = String(decoding: bytes, as: UTF8.self)
    guard case .path(let path) = RequestPath.normalize(raw) else { return }
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    precondition(!path.hasPrefix("/"), "accepted an absolute path: \(raw)")
    precondition(!path.utf8.contains(0) && !path.contains("\\"), "accepted NUL or backslash: \(raw)")
    for segment in segments.dropLast() {
        precondition(!segment.isEmpty && !segment.hasPrefix("."), "accepted a bad segment in \(raw)")
    }
    if let last = segments.last { precondition(!last.hasPrefix("."), "accepted a dot-file: \(raw)") }
    // Encoding can triple the length; past the length limit a refusal is right.
    let encoded = "/" + RequestPath.encode(path)
    if encoded.utf8.count <= RequestPath.maximumLength {
        precondition(RequestPath.normalize(encoded) == .path(path), "encoding does not round-trip: \(raw)")
    }
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
