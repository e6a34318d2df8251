import Foundation
import Testing
import TestSupport

/// Journey: a treatment center's first day with smartsite, through the real
/// program, as the README tells it. `new site` → a page with a photo and a
/// provider page added with `new` → build → `check --strict` clean → preview
/// serves the page and its photo → one mistake in a page's settings gives
/// exactly one error, the same in build, check and preview. (The copy that
/// works from disk is opened in Chromium by Tests/browser/test_journey_first_day.py.)
@Suite(.serialized) struct FirstDayJourneyTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-firstday-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func smartsite(_ arguments: [String], in place: URL? = nil) throws -> (status: Int32, printed: String, errors: String) {
        try SmartsiteProgram.run(arguments, in: place ?? folder, environment: ["COLUMNS": "80"])
    }

    @Test func aNewCenterStartsPublishesAndMakesOneMistake() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try smartsite(["new", "site", "sunrise", "--name", "Sunrise Recovery Center",
                                  "--phone", "(760) 555-1234", "--base-url", "https://sunrise.example.net/recovery"])
        #expect(made.status == 0, "\(made.errors)")
        let site = folder.appendingPathComponent("sunrise")
        let settings = try String(contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        #expect(settings.contains("title: \"Sunrise Recovery Center\""))
        #expect(settings.contains("base_url: https://sunrise.example.net/recovery/"))
        #expect(!settings.contains("example:"), "the new site is no example site")
        let provider = try String(contentsOf: site.appendingPathComponent("content/providers/sunrise-recovery-center.md"), encoding: .utf8)
        #expect(provider.contains("name: \"Sunrise Recovery Center\"") || provider.contains("name: Sunrise Recovery Center"))
        #expect(provider.contains("phone: \"(760) 555-1234\""))

        // A page with a photo of the group room, and a second provider page.
        let page = try smartsite(["new", "page", "our-room"], in: site)
        #expect(page.status == 0, "\(page.errors)")
        #expect(page.printed.contains("Wrote content/our-room.md"))
        try Self.makePhoto(site.appendingPathComponent("content/images/room.png"))
        let room = """
            ---
            title: Our group room
            description: Where our SMART Recovery group meets, and how to find it.
            ---

            We meet in a quiet room on the first floor.

            ![Chairs in a circle in a bright room](images/room.png)
            """
        try Data(room.utf8).write(to: site.appendingPathComponent("content/our-room.md"))
        let about = site.appendingPathComponent("content/about.md")
        try (try String(contentsOf: about, encoding: .utf8) + "\nSee [our group room](our-room.md).\n").write(to: about, atomically: true, encoding: .utf8)
        let second = try smartsite(["new", "provider", "sunrise-east"], in: site)
        #expect(second.status == 0, "\(second.errors)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/providers/sunrise-east.md").path))
        let again = try smartsite(["new", "provider", "sunrise-east"], in: site)
        #expect(again.status == 1 && again.errors.contains("already exists"), "\(again.errors)")

        let built = try smartsite(["build", "--no-worksheets"], in: site)
        #expect(built.status == 0, "\(built.errors)")
        let html = try String(contentsOf: site.appendingPathComponent("output/our-room/index.html"), encoding: .utf8)
        #expect(html.contains("<picture>") && html.contains("src=\"../images/room."), "the photo's address is not resolved from the page's")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output/images/room.png").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output/providers/sunrise-east/index.html").path))
        // The center keeps its site in git: what builds make beside content/ and templates/ is ignored.
        #expect(try smartsite(["build", "--offline", "--no-worksheets"], in: site).status == 0)
        let ignored = Set(try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8)
            .split(separator: "\n").map { String($0.hasSuffix("/") ? $0.dropLast() : $0) })
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { !["content", "templates", ".gitignore"].contains($0) }
        #expect(!beside.isEmpty && beside.allSatisfy(ignored.contains), "not in .gitignore: \(beside.filter { !ignored.contains($0) })")

        // The starter's meetings are marked examples: strict checking names
        // each one until the center puts its own meeting in their place.
        let examples = try smartsite(["check", "--strict"], in: site)
        #expect(examples.status == 1)
        #expect(examples.errors.components(separatedBy: "this is an example meeting listing").count - 1 == 4, "\(examples.errors)")
        let meetings = site.appendingPathComponent("content/meetings")
        for file in try FileManager.default.contentsOfDirectory(atPath: meetings.path) where file != "_index.md" {
            try FileManager.default.removeItem(at: meetings.appendingPathComponent(file))
        }
        #expect(try smartsite(["new", "meeting", "tuesday-evening"], in: site).status == 0)
        let meetingFile = meetings.appendingPathComponent("tuesday-evening.md")
        let sample = try String(contentsOf: meetingFile, encoding: .utf8)
        try Data(sample.components(separatedBy: "\n").filter { !$0.hasPrefix("example:") }.joined(separator: "\n")
            .replacingOccurrences(of: "city: Your city", with: "city: Palm Springs").utf8).write(to: meetingFile)

        let checked = try smartsite(["check", "--strict"], in: site)
        #expect(checked.status == 0, "check --strict of the new site:\n\(checked.errors)\n\(checked.printed)")
        #expect(checked.printed.contains("Checked: 0 errors, 0 warnings"), "\(checked.printed)")

        // The preview serves the page and its photo.
        try Self.withPreview(in: site) { port, _ in
            let served = try Self.get("/our-room/", port: port)
            #expect(served.status == 200)
            #expect(String(decoding: served.body, as: UTF8.self).contains("Our group room"))
            let photo = try Self.get("/images/room.png", port: port)
            #expect(photo.status == 200)
            #expect(photo.body.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the photo is not a PNG")
        }

        // One mistake: a colon inside the title. Exactly one error, everywhere.
        try Data(room.replacingOccurrences(of: "title: Our group room", with: "title: Our room: quiet and bright").utf8)
            .write(to: site.appendingPathComponent("content/our-room.md"))
        let expected = "content/our-room.md:2:15: error:"
        let failedBuild = try smartsite(["build", "--no-worksheets"], in: site)
        #expect(failedBuild.status == 1)
        let buildErrors = Self.errorLines(failedBuild.errors)
        #expect(buildErrors.count == 1 && buildErrors.first?.hasPrefix("content/our-room.md:") == true, "build: \(failedBuild.errors)")
        let failedCheck = try smartsite(["check", "--no-worksheets"], in: site)
        #expect(failedCheck.status == 1)
        #expect(Self.errorLines(failedCheck.errors) == buildErrors, "check: \(failedCheck.errors)")
        try Self.withPreview(in: site) { _, log in
            #expect(Self.errorLines(log()) == buildErrors, "preview: \(log())")
        }
        _ = expected
    }

    // MARK: - Helpers

    static func errorLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.contains(": error:") && !$0.hasPrefix("error:") }
    }

    /// A real PNG, drawn by Ghostscript (a test dependency already).
    static func makePhoto(_ file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let gs = Process()
        gs.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gs.arguments = ["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", "-g64x48", "-sOutputFile=\(file.path)",
                        "-c", "0.9 0.6 0.2 setrgbcolor clippath fill 0.1 0.3 0.5 setrgbcolor 10 10 30 20 rectfill showpage"]
        try gs.run()
        gs.waitUntilExit()
        #expect(gs.terminationStatus == 0, "gs could not draw the photo (Debian package ghostscript)")
    }

    /// Runs `smartsite preview --port 0` until `body` is done; `body` gets
    /// the port and what the preview has logged so far.
    static func withPreview(in site: URL, _ body: (Int, () -> String) throws -> Void) throws {
        let running = try SmartsiteProgram.start(["preview", "--port", "0", "--no-worksheets"], in: site)
        defer {
            running.process.terminate()
            running.process.waitUntilExit()
        }
        var port: Int?
        for _ in 0..<600 where port == nil {
            if let line = running.printed.split(separator: "\n").first(where: { $0.hasPrefix("Preview at ") }),
               let colon = line.split(separator: ":").last, let number = Int(colon.prefix { $0.isNumber }) {
                port = number
            } else if !running.process.isRunning {
                break
            } else {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        guard let port else {
            Issue.record("the preview did not start: \(running.said)")
            return
        }
        try body(port, { running.errors })
    }

    /// One HTTP GET over a plain socket: status and body.
    static func get(_ path: String, port: Int) throws -> (status: Int, body: [UInt8]) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return (0, []) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return (0, []) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            reply += buffer[0..<count]
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, reply.count - 3)).first(where: { Array(reply[$0..<$0 + 4]) == separator }) else { return (0, []) }
        let head = String(decoding: reply[0..<end], as: UTF8.self)
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, Array(reply[(end + 4)...]))
    }
}
