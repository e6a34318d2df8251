import Content
import Diagnostics
import Rendering

/// Makes the worksheet PDFs and what the site shows of them.
enum WorksheetStep {
    struct Result {
        var listings: [WorksheetListing] = []
        var diagnostics: [Diagnostic] = []
        var distilled = 0
        var reused = 0
    }

    static func run(options: BuildOptions, site: Site, output: OutputFolder) -> Result {
        // Wired to the Worksheets part once it lands.
        Result()
    }
}
