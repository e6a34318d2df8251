import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text of one input file, made safe to work with: UTF-8 checked (with
/// the position of the first bad byte), a byte-order mark dropped, Windows
/// line endings turned into plain newlines so line numbers stay right.
public struct SourceText: Sendable {
    public var path: String
    public var text: String

    /// Files above this size are refused: real pages are a few kilobytes, and
    /// a runaway file must not exhaust memory or stall the build.
    public static let maximumBytes = 8 * 1024 * 1024

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    public static func read(_ fileURL: URL, displayPath: String) throws(Diagnostic) -> SourceText {
        try read(path: fileURL.path, displayPath: displayPath)
    }

    /// Reads with open/fstat/read into one buffer: Data(contentsOf:) and the
    /// copy into an array after it cost more than reading itself, per page.
    public static func read(path filePath: String, displayPath: String) throws(Diagnostic) -> SourceText {
        func failure() -> Diagnostic {
            .error(displayPath, "cannot read this file (\(String(cString: strerror(errno))))")
        }
        let descriptor = open(filePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure() }
        if (status.st_mode & S_IFMT) == S_IFDIR { errno = EISDIR; throw failure() }
        // One byte past the limit is enough to tell a file is too large.
        let capacity = min(max(Int(status.st_size), 0), maximumBytes + 1)
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        var readFailed = false
        bytes.withUnsafeMutableBytes { buffer in
            while count < buffer.count, let base = buffer.baseAddress {
                let got = Glibc.read(descriptor, base + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { readFailed = true; return }
                if got == 0 { return }
                count += got
            }
        }
        if readFailed { throw failure() }
        if count < bytes.count { bytes.removeLast(bytes.count - count) }
        return try decode(bytes, path: displayPath, fileSize: Int(status.st_size))
    }

    public static func decode(_ bytes: [UInt8], path: String, fileSize: Int? = nil) throws(Diagnostic) -> SourceText {
        let size = fileSize ?? bytes.count
        guard size <= maximumBytes, bytes.count <= maximumBytes else {
            throw .error(path, "this file is \(ByteCount.describe(size)); the largest file smartsite reads is \(ByteCount.describe(maximumBytes))",
                         fix: "split it into several pages")
        }
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // The standard library's validation is fast and as strict as ours
        // (no overlong forms, surrogates or code points past U+10FFFF); ours
        // runs only to say where the bad byte is.
        let valid = String(validating: bytes, as: UTF8.self)
        if valid == nil, let bad = firstInvalidUTF8(bytes) {
            throw .error(path, line: bad.line, column: bad.column,
                         "this file is not valid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true)))",
                         fix: "save the file as UTF-8 in your editor")
        }
        if let nul = firstIndex(of: 0, in: bytes) {
            let position = lineAndColumn(bytes, upTo: nul)
            throw .error(path, line: position.line, column: position.column,
                         "this file contains a NUL byte; it looks like a binary file, not Markdown")
        }
        guard firstIndex(of: 0x0D, in: bytes) != nil else {
            return SourceText(path: path, text: valid ?? String(decoding: bytes, as: UTF8.self))
        }
        // CRLF and lone CR both become LF, so line numbers match what editors show.
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == 0x0D {
                normalized.append(0x0A)
                previousWasCR = true
            } else {
                if !(byte == 0x0A && previousWasCR) { normalized.append(byte) }
                previousWasCR = false
            }
        }
        return SourceText(path: path, text: String(decoding: normalized, as: UTF8.self))
    }

    /// memchr: the generic search went byte by byte, twice over every file.
    private static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return bytes.startIndex + base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The first byte that does not start a well-formed UTF-8 sequence
    /// (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int, byte: UInt8)? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let lead = bytes[i]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= end
            if valid {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false }
            }
            if valid, length > 1 {
                let second = bytes[i + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)
                    || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90) { valid = false }
            }
            guard valid else {
                let position = lineAndColumn(bytes, upTo: i)
                return (position.line, position.column, lead)
            }
            i += length
        }
        return nil
    }

    /// 1-based line and character column of a byte offset.
    static func lineAndColumn(_ bytes: ArraySlice<UInt8>, upTo index: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for i in bytes.startIndex..<min(index, bytes.endIndex) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let prefix = bytes[lineStart..<min(index, bytes.endIndex)]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return (line, column)
    }
}

