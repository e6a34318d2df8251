import Diagnostics

/// `smartsite serve` used to be read as `smartsite build serve` (build is
/// the command run when none is named) and answered with build's usage and
/// "1 unexpected argument". A first word that is no command and no option is
/// now an unknown command, with the command the person most likely meant.
enum UnknownCommand {
    static let commands = ["build", "check", "preview", "worksheet", "new", "translated", "help"]

    /// Words people bring from other site generators and tools.
    static let meant: [String: String] = [
        "serve": "preview", "server": "preview", "watch": "preview", "dev": "preview", "run": "preview", "start": "preview",
        "generate": "build", "make": "build", "compile": "build", "publish": "build",
        "lint": "check", "validate": "check", "test": "check", "verify": "check",
        "pdf": "worksheet", "worksheets": "worksheet", "print": "worksheet",
        "init": "new site", "create": "new site", "setup": "new site", "start-site": "new site",
        "add": "new page", "scaffold": "new page",
    ]

    /// The message for an unknown first word, or nil when the arguments are
    /// for a command (or for build, when they start with an option).
    static func problem(with arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) else { return nil }
        let suggestion = meant[first.lowercased()] ?? closestName(to: first, in: commands)
        var message = "error: '\(first)' is not a smartsite command"
        if let suggestion { message += "; did you mean `smartsite \(suggestion)`?" }
        return message + "\n  the commands are: " + commands.filter { $0 != "help" }.joined(separator: ", ")
            + " (`smartsite help COMMAND` tells more)"
    }
}
