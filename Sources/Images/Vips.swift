import Foundation
import VipsCalls

/// libvips, started once, and what its calls give back.
enum Vips {
    /// One libvips worker thread per image: the build resizes several
    /// images at once (one per core) rather than one image on every core.
    private static let started: Bool = smartsite_vips_start(1) == 0

    static func start() throws(ImageProblem) {
        guard started else { throw ImageProblem("libvips, which smartsite resizes images with, could not start: \(lastError())",
                                                fix: "reinstall it (Debian: apt-get install libvips-dev)") }
    }

    /// libvips's last message, one line, without its trailing newline.
    static func lastError() -> String {
        guard let message = smartsite_vips_error() else { return "" }
        defer { smartsite_vips_free(message) }
        return String(cString: message).split(separator: "\n").joined(separator: "; ")
    }

    /// Runs `body` with the bytes as libvips takes them.
    static func withBytes<T>(_ data: Data, _ body: (UnsafeRawPointer, Int) throws(ImageProblem) -> T) throws(ImageProblem) -> T {
        let result: Result<T, ImageProblem> = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return .failure(ImageProblem("the file is empty", fix: ImageProblem.replaceFix)) }
            do throws(ImageProblem) { return .success(try body(base, buffer.count)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

/// An image decoded into memory by libvips, released with its last reference.
final class DecodedImage: @unchecked Sendable {
    // @unchecked: libvips images are immutable once in memory; only reads follow.
    private let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }
    /// Takes over an image a libvips call made (released with this value).
    convenience init(adopting pointer: OpaquePointer) { self.init(pointer) }
    deinit { smartsite_vips_release(pointer) }

    var width: Int { Int(smartsite_vips_width(pointer)) }
    var height: Int { Int(smartsite_vips_height(pointer)) }

    /// The file decoded at most `width` pixels wide, upright and in sRGB.
    static func decode(_ data: Data, width: Int) throws(ImageProblem) -> DecodedImage {
        try Vips.withBytes(data) { (bytes, length) throws(ImageProblem) in
            var image: OpaquePointer?
            guard smartsite_vips_decode(bytes, length, Int32(width), &image) == 0, let image else {
                throw ImageProblem.unreadable(Vips.lastError())
            }
            return DecodedImage(image)
        }
    }

    /// A copy at most `width` pixels wide.
    func shrunk(to width: Int) throws(ImageProblem) -> DecodedImage {
        var image: OpaquePointer?
        guard smartsite_vips_shrink(pointer, Int32(width), &image) == 0, let image else {
            throw ImageProblem("libvips could not resize it: \(Vips.lastError())", fix: ImageProblem.replaceFix)
        }
        return DecodedImage(image)
    }

    /// The image as a file of `format`, with no metadata at all.
    func encoded(as format: ImageFormat) throws(ImageProblem) -> Data {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard smartsite_vips_encode(pointer, format.vipsFormat, Int32(format.quality), &bytes, &length) == 0, let bytes else {
            throw ImageProblem("libvips could not write it as \(format.name): \(Vips.lastError())", fix: ImageProblem.replaceFix)
        }
        defer { smartsite_vips_free(bytes) }
        return Data(bytes: bytes, count: length)
    }
}
