import Diagnostics

/// The named steps of a build, one list for build, check and preview: the
/// `--timings` lines, the progress line and a failed build's message all
/// name a step the same way, and a new step (a feed, calendars, images) is a
/// case here rather than a string in three places.
public enum BuildStep: String, Sendable, CaseIterable {
    case loadContent = "load content"
    case loadTemplates = "load templates"
    case audit
    case worksheets
    case meetingFlyer = "meetings flyer"
    case images
    case checkSite = "check site"
    case checkTemplates = "check templates"
    case renderPages = "render pages"
    case siteFiles = "site files"
    case searchEntries = "search entries"
    case copyFiles = "copy files"
    case swapIn = "swap in"
    case finish

    /// What a failed build says it was doing: "while reading content".
    public var doing: String {
        switch self {
        case .loadContent: return "reading content"
        case .loadTemplates: return "reading the templates"
        case .audit: return "checking the site"
        case .worksheets: return "making the worksheets"
        case .meetingFlyer: return "making the meetings flyer"
        case .images: return "resizing the images"
        case .checkSite: return "checking links"
        case .checkTemplates: return "checking the templates"
        case .renderPages: return "writing the pages"
        case .siteFiles: return "writing the search index and sitemap"
        case .searchEntries: return "making the search index"
        case .copyFiles: return "copying files"
        case .swapIn: return "putting the new site in place"
        case .finish: return "finishing"
        }
    }

    /// Runs one step's work; problems it throws carry the step's name.
    func run<T>(_ work: () throws(DiagnosticsError) -> T) throws(DiagnosticsError) -> T {
        do {
            return try work()
        } catch {
            var tagged = error
            if tagged.step == nil { tagged.step = doing }
            throw tagged
        }
    }
}
