extension StringProtocol {
    /// Nothing but spaces, tabs and line breaks (or nothing at all): a title
    /// or alt text like that says nothing. Swift's own character test:
    /// Foundation's trimmingCharacters(in:) (which did not count line breaks)
    /// built a new string through CharacterSet for every page's title.
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
