import ArgumentParser
import Foundation
import Preview
import SiteBuild

extension WatchMethod: ExpressibleByArgument {}

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the site on this computer and rebuild it as you save.",
        usage: "smartsite preview [--port <port>] [--host <host>] [<options>]",
        discussion: """
        Open the address it prints in a browser. Every save in the content or templates folder \
        rebuilds what it changes and reloads the page; build errors show on the page until fixed. \
        Nothing is written to the output folder. Stop with Ctrl-C.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("""
        Address to listen on; 127.0.0.1 keeps the preview to this computer. Any other address lets \
        the network see the unpublished site.
        """, valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8000

    @Option(help: ArgumentHelp("How to notice saved files: automatic, inotify or polling.", valueName: "method"))
    var watch: WatchMethod = .automatic

    @Flag(help: "Print how long each step of each rebuild took.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, e.g. --port 8000 (0 picks a free port)")
        }
    }

    func run() async throws {
        // The base URL is left as site.yaml has it: links are relative, so the
        // preview works at any address, and canonical links stay right.
        let build = site.buildOptions(output: "output")
        let console = Console()
        let server = PreviewServer(options: PreviewOptions(build: build, host: host, port: port, watch: watch, timings: timings)) { line in
            console.line(line)
        }
        do {
            try await server.run { address in
                // Standard output, unbuffered: scripts and tests wait for this line.
                FileHandle.standardOutput.write(Data("Preview at \(address) (Ctrl-C to stop)\n".utf8))
            }
        } catch {
            if "\(error)".contains("Address already in use") {
                console.error("port \(port) on \(host) is already in use (another preview, or another server)")
                console.line("  fix: stop the other one, or pass another port, e.g. --port \(port + 1), or --port 0 for any free one")
            } else if "\(error)".contains("Cannot assign requested address") {
                console.error("\(host) is not an address of this computer, so the preview cannot listen on it")
                console.line("  fix: leave --host out (the preview then listens on 127.0.0.1), or give one of this computer's addresses")
            } else {
                console.error("the preview server stopped: \(error)")
            }
            throw ExitCode.failure
        }
        console.line("Preview stopped.")
    }
}
