/// Sizes in messages: the exact count a person can compare with `ls -l`,
/// and a rounded one to read. "8 MB" for 9,009,026 bytes against a limit of
/// 8,388,608 read as if the file were within the limit.
public enum ByteCount {
    /// `9,009,026 bytes (8.6 MB)`; below 1 MB just the bytes.
    public static func describe(_ bytes: Int) -> String {
        let exact = grouped(bytes) + (bytes == 1 ? " byte" : " bytes")
        guard bytes >= 1_048_576 else { return exact }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        let rounded = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return exact + " (\(rounded) MB)"
    }

    /// 9009026 → `9,009,026`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
