extension StringProtocol {
    /// Nothing but spaces, tabs and line breaks (or nothing at all). Swift's
    /// own character test: Foundation's trimmingCharacters(in:) built a new
    /// string through CharacterSet for every page's title.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
