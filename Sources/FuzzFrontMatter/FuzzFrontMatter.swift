import Content
import FuzzSupport
import SourceFiles

/// Any bytes as a content file: decoding, front matter splitting, YAML and
/// typed settings must report problems, never crash.
func fuzzOne(_ bytes: [UInt8]) {
    guard let source = try? SourceText.decode(bytes, path: "fuzz.md"),
          let frontMatter = try? FrontMatter.split(source),
          let reader = try? SettingsReader(frontMatter.compose(), path: "fuzz.md", firstLine: frontMatter.yamlFirstLine)
    else { return }
    _ = try? PageSettings(reader)
    _ = try? Provider(reader)
    _ = reader.unknownKeys(known: PageKind.tool.knownKeys, kind: "a tool page")
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
