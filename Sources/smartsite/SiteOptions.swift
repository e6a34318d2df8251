import ArgumentParser
import SiteBuild

/// What build, check and preview all read, and which pages they make: one
/// option group, so the three commands cannot drift apart in how they turn
/// the command line into BuildOptions.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder with the Markdown pages and site.yaml.", valueName: "dir"))
    var content = "content"

    @Option(help: ArgumentHelp("Folder with the Mustache templates and assets/.", valueName: "dir"))
    var templates = "templates"

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Leave out the worksheet PDFs (they need Ghostscript); the pages are made as usual.")
    var noWorksheets = false

    /// The build these options ask for, written to `output` (preview and
    /// check write nothing there: preview keeps the site in memory, check
    /// builds into a folder of its own).
    func buildOptions(output: String, baseURL: String? = nil) -> BuildOptions {
        BuildOptions(contentFolder: content, templatesFolder: templates, outputFolder: output, baseURL: baseURL,
                     includeDrafts: drafts, buildWorksheets: !noWorksheets)
    }
}
