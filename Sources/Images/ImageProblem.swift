/// What is wrong with an image, in words for the person who put it there;
/// the build turns it into a Diagnostic at the page that shows the image.
public struct ImageProblem: Error, Sendable, Equatable {
    public var message: String
    public var fix: String

    public init(_ message: String, fix: String) {
        self.message = message
        self.fix = fix
    }

    static let replaceFix = "open the photo in an image program and save (export) it again as JPEG or PNG, then replace the file"

    static func unreadable(_ detail: String) -> ImageProblem {
        let cut = detail.lowercased().contains("premature end") || detail.lowercased().contains("truncated")
            || detail.lowercased().contains("not enough data")
        return ImageProblem(cut ? "the image file is cut short (only part of it was copied or uploaded): \(detail)"
                                : "the image cannot be read: \(detail)",
                            fix: cut ? "copy the photo again from where it came from" : replaceFix)
    }
}
