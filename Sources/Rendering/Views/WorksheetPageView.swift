import Content

/// A worksheet's own page: the worksheet with its preview, the tool it
/// belongs to, and the way back through the worksheets list.
struct WorksheetPageView: TemplateView {
    enum Key: String, CaseIterable {
        case worksheet, tool
        case isWorksheet = "is_worksheet"
        case breadcrumbs
        case hasBreadcrumbs = "has_breadcrumbs"
    }

    /// What the page shows of its tool's page.
    static let toolShows: PageFacts = [.title, .address]

    let worksheet: WorksheetListing
    let frame: PageFrame

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .worksheet:
            return WorksheetView(worksheet: worksheet, from: frame.urlPath, showsPreview: true)
        case .tool:
            return frame.site.toolPage(of: worksheet).map { LinkView(title: $0.title, url: frame.link(to: $0.urlPath)) }
        case .isWorksheet:
            return true
        case .breadcrumbs:
            // Home › Worksheets › this one: where the page is, not where its
            // tool is (the tool is linked from the page itself).
            return [LinkView(title: frame.site.words.home, url: frame.link(to: frame.site.site.addresses.prefix)),
                    LinkView(title: frame.site.words.worksheets, url: "../")]
        case .hasBreadcrumbs:
            return true
        }
    }
}

/// The list of every worksheet.
struct WorksheetsPageView: TemplateView {
    enum Key: String, CaseIterable {
        case worksheets, workbooks, breadcrumbs
        case hasWorkbooks = "has_workbooks"
        case pointWorkbooks = "point_workbooks"
        case hasPointWorkbooks = "has_point_workbooks"
        case hasBreadcrumbs = "has_breadcrumbs"
    }

    let frame: PageFrame

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .worksheets: return frame.site.worksheets.map { WorksheetView(worksheet: $0, from: frame.urlPath) }
        case .workbooks: return frame.site.workbooks.map { DownloadView(download: $0, from: frame.urlPath) }
        case .hasWorkbooks: return !frame.site.workbooks.isEmpty
        case .hasPointWorkbooks: return !frame.site.pointWorkbooks.isEmpty
        case .pointWorkbooks: return frame.site.pointWorkbooks.map { WorkbookView(workbook: $0, from: frame.urlPath) }
        case .breadcrumbs: return [LinkView(title: frame.site.words.home, url: "../")]
        case .hasBreadcrumbs: return true
        }
    }
}

/// One point's workbook on the list of worksheets.
struct WorkbookView: TemplateView {
    enum Key: String, CaseIterable {
        case title, downloads
    }

    let workbook: WorkbookListing
    let from: String

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .title: return workbook.title
        case .downloads: return workbook.downloads.map { DownloadView(download: $0, from: from) }
        }
    }
}
