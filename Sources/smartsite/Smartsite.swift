import ArgumentParser
import Foundation

@main
struct Smartsite: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "smartsite",
        abstract: "Build the website and printable worksheets of a SMART Recovery program from Markdown.",
        discussion: """
        Write pages in content/ (Markdown with a settings block at the top), the look in \
        templates/, then run `smartsite build` and publish the output/ folder to any web host. \
        `smartsite preview` shows the site in your browser while you write.
        """,
        version: version,
        subcommands: [Build.self, Check.self, PreviewCommand.self, WorksheetCommand.self, New.self, Translated.self],
        defaultSubcommand: Build.self
    )

    /// Unknown commands are told apart before parsing (see UnknownCommand).
    static func main() async {
        if let problem = UnknownCommand.problem(with: Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data((problem + "\n").utf8))
            Foundation.exit(2)
        }
        await main(nil)
    }
}
