import Diagnostics
import Foundation
import VipsCalls

/// One image of content/, read and checked before anything is decoded:
/// its bytes are the format its name says, and its size is within what a
/// build resizes in bounded time and memory.
public struct ImageFile: Sendable {
    public var format: ImageFormat
    /// As stored, before any orientation tag is applied.
    public var width: Int
    public var height: Int
    public var bytes: Data

    /// What a build takes on. A phone photo is 3-15 MB and 12-50 megapixels;
    /// libvips shrinks JPEGs while it reads them, so even 20,000 px wide is
    /// quick, but every pixel of a PNG is read.
    public struct Limits: Sendable {
        public var largestFileBytes: Int
        public var largestPixels: Int
        public static let standard = Limits(largestFileBytes: 100 * 1_048_576, largestPixels: 500_000_000)

        public init(largestFileBytes: Int, largestPixels: Int) {
            self.largestFileBytes = largestFileBytes
            self.largestPixels = largestPixels
        }
    }

    /// Reads `url` (`path` is the name for messages, below content/).
    public static func read(_ url: URL, path: String, limits: Limits = .standard) throws(ImageProblem) -> ImageFile {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else { throw ImageProblem("the image cannot be opened", fix: "check that it exists and that you may read it") }
        if size > limits.largestFileBytes {
            throw ImageProblem("the image is \(ByteCount.describe(size)), over the limit of \(ByteCount.describe(limits.largestFileBytes))",
                               fix: "save it smaller (about 3000 pixels wide is plenty for a web page) and replace the file")
        }
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw ImageProblem("the image cannot be opened", fix: "check that it exists and that you may read it")
        }
        return try checked(bytes, path: path, limits: limits)
    }

    /// The same checks on bytes already read.
    public static func checked(_ bytes: Data, path: String, limits: Limits = .standard) throws(ImageProblem) -> ImageFile {
        try Vips.start()
        guard let named = ImageFormat.named(path) else {
            throw ImageProblem("smartsite resizes only JPEG, PNG, WebP and GIF images", fix: "save it as JPEG or PNG")
        }
        let sniffed = try Vips.withBytes(bytes) { (base, length) throws(ImageProblem) in smartsite_vips_sniff(base, length) }
        guard let format = ImageFormat(vips: sniffed) else {
            throw ImageProblem("the file is named .\(fileEnding(path)) but is not an image (\(describe(bytes)))",
                               fix: ImageProblem.replaceFix)
        }
        if format != named {
            throw ImageProblem("the file is named .\(fileEnding(path)) but is a \(format.name) image",
                               fix: "rename it to end in .\(format.fileExtension) (and the links to it)")
        }
        var width: Int32 = 0, height: Int32 = 0
        try Vips.withBytes(bytes) { (base, length) throws(ImageProblem) in
            guard smartsite_vips_header(base, length, &width, &height) == 0 else { throw ImageProblem.unreadable(Vips.lastError()) }
        }
        let pixels = Int(width) * Int(height)
        if pixels > limits.largestPixels {
            throw ImageProblem("the image is \(width) × \(height) pixels (\(pixels / 1_000_000) megapixels), "
                               + "over the limit of \(limits.largestPixels / 1_000_000) megapixels",
                               fix: "save it smaller (about 3000 pixels wide is plenty for a web page) and replace the file")
        }
        return ImageFile(format: format, width: Int(width), height: Int(height), bytes: bytes)
    }

    /// "it starts with text" / "its first bytes are 00 01 …": why the file is not an image.
    static func describe(_ bytes: Data) -> String {
        let start = bytes.prefix(64)
        if start.isEmpty { return "it is empty" }
        if start.allSatisfy({ $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (0x20..<0x7F).contains($0) || $0 >= 0x80 }) {
            return "it holds text"
        }
        return "its first bytes are " + start.prefix(4).map { String(format: "%02x", $0) }.joined(separator: " ")
    }
}
