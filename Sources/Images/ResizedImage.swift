import Foundation

/// An image as the site publishes it: copies at a few widths, in WebP and
/// in the format it came in, none with the metadata of the original.
public struct ResizedImage: Sendable {
    /// One published file.
    public struct Copy: Sendable {
        /// Below the output root: `images/room.3fa2c1d0.960.webp`.
        public var path: String
        public var width: Int
        public var height: Int
        public var format: ImageFormat
        public var bytes: Data
    }

    /// The image's path below content/ (`images/room.png`).
    public var source: String
    public var format: ImageFormat
    /// Smallest first; WebP and original-format copies of each width.
    public var copies: [Copy]
    /// True when every copy came from the last build.
    public var reused: Bool

    /// The largest copy in the original format: what is published at the
    /// image's own path too, for links to it, and what `src` falls back to.
    public var largest: Copy? { copies.last { $0.format == format } }

    /// The copies in one format, smallest first.
    public func copies(in format: ImageFormat) -> [Copy] { copies.filter { $0.format == format } }
}
