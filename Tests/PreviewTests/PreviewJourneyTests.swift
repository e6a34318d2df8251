import Foundation
import Preview
import TestSupport
import XCTest

/// One session with the real server, in order: a browser reads the site, a
/// hostile page is turned away, half-sent requests are timed out, a flood
/// of connections far past the limit does not take the preview down, and
/// afterwards the browser is served as before, in about as much memory.
final class PreviewJourneyTests: XCTestCase {
    func testABrowserIsServedThroughAHostileClientAndAFlood() async throws {
        let site = try PreviewFixture()
        defer { site.remove() }
        let requestTimeout = 1.0
        let preview = try await RunningPreview(site.buildOptions) { options in
            options.requestTimeout = .seconds(requestTimeout)
            options.idleTimeout = .seconds(30)
            options.maximumConnections = 32
        }
        let http = preview.http
        let host = "localhost:\(preview.port)"

        // The browser: one kept-open connection for the pages, one event stream.
        let browser = try OpenConnection(port: preview.port)
        for path in ["/", "/about/", "/toolbox/urge-log/", "/assets/site.css", "/logo.png"] {
            try browser.send("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nAccept: */*\r\n\r\n")
            XCTAssertEqual(browser.reply(within: 5)?.status, 200, path)
        }
        let events = try http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")

        // A page elsewhere that pointed its own name at 127.0.0.1.
        XCTAssertEqual(try http.request("/about/", host: "evil.example:\(preview.port)").status, 421)
        XCTAssertEqual(try http.request("/__smartsite/events", host: "evil.example").status, 421)
        XCTAssertEqual(try http.request("http://evil.example/about/").status, 400)

        for _ in 0..<200 { _ = try http.request("/about/") }
        let before = residentKilobytes()

        // Half-sent requests, then a flood far past the limit.
        var flood: [OpenConnection] = []
        for index in 0..<1500 {
            guard let connection = try? OpenConnection(port: preview.port) else { continue }
            if index % 2 == 0 { try? connection.send("GET /about/ HTTP/1.1\r\nHost: \(host)\r\n") }
            flood.append(connection)
        }
        XCTAssertGreaterThan(flood.count, 1000, "connections were refused by the system, not answered")
        XCTAssertLessThanOrEqual(preview.server.openConnections, 32)
        XCTAssertLessThanOrEqual(Self.stillOpen(flood, after: 0.2), 32, "connections past the limit are closed at once")
        XCTAssertEqual(Self.stillOpen(flood, after: requestTimeout + 1), 0, "half-sent requests are closed after the request timeout")
        flood = []

        // The preview is still there, and still the browser's.
        XCTAssertEqual(try http.request("/about/", host: host).status, 200)
        try site.save("content/about.md", "---\ntitle: About, after the flood\n---\n\nSaved.\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10), "the event stream outlived the flood")
        XCTAssertTrue(try http.request("/about/", host: host).text.contains("About, after the flood"))
        for _ in 0..<200 { _ = try http.request("/about/") }
        let after = residentKilobytes()
        print("resident memory: \(before / 1024) MB before the flood, \(after / 1024) MB after")
        XCTAssertLessThan(after - before, 16 * 1024, "memory should come back near where it was: \(before) KB -> \(after) KB")
        try await preview.stop()
    }

    /// How many of `connections` the server has not closed `seconds` from now.
    private static func stillOpen(_ connections: [OpenConnection], after seconds: Double) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        return connections.filter { !$0.isClosed(within: max(0.001, deadline.timeIntervalSinceNow)) }.count
    }

    func testListeningBeyondThisComputerPrintsAWarning() async throws {
        let site = try PreviewFixture()
        defer { site.remove() }
        let local = try await RunningPreview(site.buildOptions)
        try await local.stop()
        XCTAssertFalse(local.log.all.contains { $0.contains("Warning") }, "\(local.log.all)")

        // 192.0.2.1 is kept for documentation: no computer has it, so the
        // server cannot listen there and nothing leaves this one.
        let log = LogLines()
        let options = PreviewOptions(build: site.buildOptions, host: "192.0.2.1", port: 0)
        let server = PreviewServer(options: options) { log.append($0) }
        do {
            try await server.run(onReady: { _ in await server.shutdown() }, handleSignals: false)
        } catch {}
        let warning = try XCTUnwrap(log.all.first { $0.hasPrefix("Warning") }, "\(log.all)")
        XCTAssertTrue(warning.contains("192.0.2.1") && warning.contains("network"), warning)
    }
}
