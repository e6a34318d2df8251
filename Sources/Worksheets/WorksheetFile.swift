import Content
import Diagnostics
import Foundation
import SourceFiles

/// One worksheet file of the content folder: where it is read from, and
/// how messages name it.
public struct WorksheetFile: Sendable {
    public var path: String
    public var shownPath: String

    public init(path: String, shownPath: String) {
        (self.path, self.shownPath) = (path, shownPath)
    }

    /// The file name without `.md`: it names the worksheet's page and PDFs.
    public var slug: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    /// The site's worksheets, sorted: the ones the content folder's walk
    /// found (ContentFolder.worksheetFiles), so a file that can be linked to
    /// is a file that is built, and dot-files and backups are left out by
    /// the same rule as everywhere else.
    public static func all(in folder: ContentFolder) -> [WorksheetFile] {
        folder.worksheetFiles.map { WorksheetFile(path: folder.filePath($0), shownPath: folder.displayPath($0)) }
    }

    /// Reads and parses the file; nil when it could not be read or has
    /// errors, which are added to `diagnostics` with its warnings.
    func load(baseURL: String, diagnostics: inout [Diagnostic]) -> Worksheet? {
        let source: SourceText
        do {
            source = try SourceText.read(path: path, displayPath: shownPath)
        } catch {
            diagnostics.append(error)
            return nil
        }
        var parser = WorksheetParser(path: shownPath, slug: slug, baseURL: baseURL)
        let worksheet = parser.parse(source)
        diagnostics += parser.diagnostics
        return worksheet
    }
}
