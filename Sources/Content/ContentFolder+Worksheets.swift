import SourceFiles

/// Which files of content/ are worksheets: one rule, for the build that
/// makes them and for the checks of links to them.
extension ContentFolder {
    /// The Markdown files directly in `worksheets/`, sorted.
    public var worksheetFiles: [String] {
        markdownFiles.filter { Self.isWorksheetFile($0) }
    }

    /// Not a worksheet (it would be one named `_index`): an error, see Site.load.
    public static let worksheetsSectionFile = "worksheets/_index.md"

    static func isWorksheetFile(_ relative: String) -> Bool {
        relative.hasPrefix("worksheets/") && !relative.dropFirst("worksheets/".count).contains("/")
            && relative != worksheetsSectionFile
    }
}
