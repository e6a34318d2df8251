import CQRencode

/// A QR code's module matrix, made by libqrencode: which of its squares are
/// dark. The bytes are encoded as they are (8-bit mode), so an address comes
/// back from a phone's camera exactly as it went in.
public struct QRCode: Sendable, Hashable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row by row from the top, `size * size` of them.
    public let modules: [Bool]

    /// How much of the code may be damaged (a crease, a coffee ring) and
    /// still be read.
    public enum ErrorCorrection: Sendable {
        case low, medium, quartile, high

        var level: QRecLevel {
            switch self {
            case .low: return QR_ECLEVEL_L
            case .medium: return QR_ECLEVEL_M
            case .quartile: return QR_ECLEVEL_Q
            case .high: return QR_ECLEVEL_H
            }
        }
    }

    /// The light modules a reader needs around the code on every side.
    public static let quietZone = 4

    /// nil when the text is empty or too long for any QR code (about
    /// 2,300 bytes at medium error correction).
    public init?(_ text: String, errorCorrection: ErrorCorrection = .medium) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 2953 else { return nil }
        guard let code = bytes.withUnsafeBufferPointer({ buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, errorCorrection.level)
        }) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        size = width
        // Bit 0 of each byte is the module's colour; the other bits say what
        // part of the symbol it belongs to.
        modules = (0..<width * width).map { data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return modules[row * size + column]
    }

    /// Runs of dark modules in each row: (row, first column, length). A
    /// drawing fills one rectangle per run instead of one per module.
    public var darkRuns: [(row: Int, column: Int, length: Int)] {
        var runs: [(Int, Int, Int)] = []
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < size && isDark(row: row, column: column) { column += 1 }
                runs.append((row, start, column - start))
            }
        }
        return runs
    }
}
