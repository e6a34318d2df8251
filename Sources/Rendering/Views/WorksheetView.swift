import Content

/// `worksheet`: a printable worksheet, linked from its tool's page or
/// shown on its own (which alone has `preview`).
struct WorksheetView: TemplateView {
    enum Key: String, CaseIterable {
        case title, description, url, downloads, preview
    }

    let worksheet: WorksheetListing
    /// The address of the page it is shown on.
    let from: String
    var showsPreview = false

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .title: return worksheet.title
        case .description: return worksheet.description
        case .url: return SitePaths.relativeURL(from: from, to: worksheet.urlPath)
        case .downloads: return worksheet.downloads.map { DownloadView(download: $0, from: from) }
        case .preview: return showsPreview ? worksheet.htmlPreview : nil
        }
    }
}

/// One PDF of a worksheet (US Letter or A4).
struct DownloadView: TemplateView {
    enum Key: String, CaseIterable {
        case label, url, pages
        case pagesLabel = "pages_label"
    }

    let download: WorksheetListing.Download
    let from: String

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .label: return download.label
        case .url: return SitePaths.rootPrefix(from: from) + download.file
        case .pages: return download.pages
        case .pagesLabel: return download.pagesLabel
        }
    }
}
