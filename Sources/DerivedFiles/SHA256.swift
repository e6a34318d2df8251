import Crypto

/// SHA-256 through swift-crypto (BoringSSL's, with the CPU's SHA
/// instructions where it has them): the worksheet cache keys PDFs by the
/// hash of the PostScript they were made from, the image step names resized
/// images by the hash of the photo, a translation records its original's.
/// This wrapper keeps the few calls smartsite makes (text, bytes, hex) in one
/// place. It replaced a hand-written SHA-256 that took a fifth of a build
/// with nothing to remake.
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let hashed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if hashed == nil { hasher.update(data: Array(bytes)) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { buffer in hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer)) }
    }

    public func finalize() -> [UInt8] { Array(hasher.finalize()) }

    public static func hex(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(text)
        return hasher.hexDigest()
    }

    /// The digest as 64 lowercase hex digits, as cache keys and file names use it.
    public func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
