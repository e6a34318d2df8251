import Foundation

/// How much memory the test process holds now (VmRSS), for tests that catch
/// leaks by watching it grow.
public func residentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          line.split(separator: " ").count > 1 else { return 0 }
    return Int(line.split(separator: " ")[1]) ?? 0
}
