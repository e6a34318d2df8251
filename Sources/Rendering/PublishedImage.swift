/// An image of content/ as the image step published it: the copies a
/// `<picture>` offers and the size that keeps the page from jumping while
/// it loads.
public struct PublishedImage: Sendable {
    public struct Size: Sendable {
        /// Below the site root: `images/room.3fa2c1d0e5.960.webp`.
        public var path: String
        public var width: Int
        public var height: Int

        public init(path: String, width: Int, height: Int) {
            self.path = path
            self.width = width
            self.height = height
        }
    }

    /// The largest copy's size.
    public var width: Int
    public var height: Int
    /// `image/jpeg`: the type of the copies in the photo's own format.
    public var mediaType: String
    /// Smallest first; empty when the photo is WebP itself.
    public var webp: [Size]
    public var original: [Size]

    public init(width: Int, height: Int, mediaType: String, webp: [Size], original: [Size]) {
        self.width = width
        self.height = height
        self.mediaType = mediaType
        self.webp = webp
        self.original = original
    }
}
