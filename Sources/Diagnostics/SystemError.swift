import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the operating system said, in the words it uses ("No space left on
/// device"), for messages people read. Foundation's own description of a
/// failed file operation on Linux is "The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)", which tells a content editor nothing.
public enum SystemError {
    /// The text for an errno value, e.g. "Permission denied".
    public static func text(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The errno text behind a Foundation or POSIX error when there is one,
    /// else a plain sentence for the common file errors, never a domain or code.
    public static func text(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return text(posix.code.rawValue) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return text(Int32(truncatingIfNeeded: ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return text(Int32(truncatingIfNeeded: underlying.code))
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return text(ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return text(EACCES)
            case .fileWriteOutOfSpace: return text(ENOSPC)
            case .fileWriteFileExists: return text(EEXIST)
            case .fileWriteVolumeReadOnly: return text(EROFS)
            default: return "the file could not be read or written"
            }
        }
        return "\(error)"
    }
}
