import Diagnostics
import Foundation

/// Where the rendering steps put the files of the site: the staging folder of
/// `smartsite build` (``OutputFolder``) or memory for `smartsite preview`
/// (``MemoryOutput``). One pipeline writes to either.
public protocol SiteOutput: Sendable {
    /// Writes one file; `relativePath` is below the site root, e.g. `toolbox/index.html`.
    /// Called from several threads at once while pages render.
    func write(_ data: Data, to relativePath: String) throws(Diagnostic)
    /// The same for text, as UTF-8. A folder writes the string's own bytes;
    /// by default it is copied into Data first.
    func write(_ text: String, to relativePath: String) throws(Diagnostic)
}

extension SiteOutput {
    public func write(_ text: String, to relativePath: String) throws(Diagnostic) {
        try write(Data(text.utf8), to: relativePath)
    }
}

/// A built site kept in memory: path below the root → bytes. Preview serves
/// from this, so nothing it shows (such as the reload script) can leak into
/// `output/`.
public final class MemoryOutput: SiteOutput, @unchecked Sendable {
    // @unchecked: every access goes through the lock.
    private let lock = NSLock()
    private var stored: [String: Data] = [:]

    public init() {}

    public func write(_ data: Data, to relativePath: String) {
        lock.lock()
        stored[relativePath] = data
        lock.unlock()
    }

    /// Every file written so far.
    public var files: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
