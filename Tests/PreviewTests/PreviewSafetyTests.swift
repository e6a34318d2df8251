import Foundation
import Preview
import TestSupport
import XCTest

/// What keeps the preview to the people it is for: it answers only at its
/// own address, to plain paths, and no client can keep it waiting or use up
/// its connections. The server runs with short timeouts and a small
/// connection limit so that each test takes seconds.
final class PreviewSafetyTests: XCTestCase {
    private var site: PreviewFixture!
    private var preview: RunningPreview!
    private var http: RawHTTP { preview.http }
    private var port: Int { preview.port }

    static let requestTimeout = 1.0
    static let idleTimeout = 2.5
    static let maximumConnections = 16

    override func setUp() async throws {
        site = try PreviewFixture()
        preview = try await RunningPreview(site.buildOptions) { options in
            options.requestTimeout = .seconds(Self.requestTimeout)
            options.idleTimeout = .seconds(Self.idleTimeout)
            options.maximumConnections = Self.maximumConnections
        }
    }

    override func tearDown() async throws {
        try await preview?.stop()
        site.remove()
    }

    func testPagesAnswerAtThePreviewsOwnNamesOnly() throws {
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LocalHost:\(port)", "[::1]:\(port)", "127.0.0.1", "localhost"] {
            let reply = try http.request("/about/", host: host)
            XCTAssertEqual(reply.status, 200, host)
            XCTAssertTrue(reply.text.contains("About us"), host)
        }
        let hostile = ["evil.example", "evil.example:\(port)", "127.0.0.1:\(port + 1)", "127.0.0.1.evil.example:\(port)",
                       "localhost.evil.example", "127.0.0.2:\(port)", "", "[::1", "127.0.0.1:\(port):1", "user@127.0.0.1:\(port)",
                       "127.0.0.1:99999", "127.0.0.1:-1"]
        for host in hostile {
            let reply = try http.request("/about/", host: host)
            XCTAssertTrue(reply.status == 421 || reply.status == 400, "\(host): \(reply.status)")
            XCTAssertFalse(reply.text.contains("About us"), host)
            XCTAssertEqual(reply.headers["content-type"], "text/plain; charset=utf-8", host)
        }
        XCTAssertEqual(try http.request("/drafts/", host: "evil.example").status, 421)
        XCTAssertTrue(try http.request("/", host: "evil.example").text.contains("http://127.0.0.1:\(port)/"),
                      "the refusal says where the preview is")
    }

    func testTheEventStreamAnswersAtTheOwnNamesOnly() throws {
        let reply = try http.request("/__smartsite/events", host: "evil.example:\(port)")
        XCTAssertEqual(reply.status, 421)
        XCTAssertFalse(reply.text.contains("event:"))
        let own = try http.events()
        XCTAssertEqual(own.next(within: 5)?.name, "hello")
    }

    func testARequestNeedsExactlyOneHost() throws {
        XCTAssertEqual(try http.exchange("GET /about/ HTTP/1.1\r\nConnection: close\r\n\r\n").status, 400)
        let two = "GET /about/ HTTP/1.1\r\nHost: \(http.host)\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        XCTAssertEqual(try http.exchange(two).status, 400)
    }

    func testOnlyPlainPathsAreAskedFor() throws {
        for target in ["http://evil.example/about/", "http://127.0.0.1:\(port)/about/", "about/", "*", "evil.example:443"] {
            let reply = try http.request(target)
            XCTAssertEqual(reply.status, 400, target)
            XCTAssertFalse(reply.text.contains("About us"), target)
        }
        XCTAssertEqual(try http.request("/about/").status, 200)
    }

    func testHalfSentRequestsAreClosedAfterTheRequestTimeout() throws {
        var connections: [OpenConnection] = []
        for index in 0..<6 {
            let connection = try OpenConnection(port: port)
            // Nothing at all, half a head, and a whole head missing its last line end.
            switch index % 3 {
            case 0: break
            case 1: try connection.send("GET /about/ HTTP/1.1\r\nHost: \(http.host)\r\n")
            default: try connection.send("GET /about/ HTTP/1.1\r\nHost: \(http.host)\r\nAccept: */*\r\n")
            }
            connections.append(connection)
        }
        // One more that sends its head a byte at a time, never finishing.
        let trickle = try OpenConnection(port: port)
        let started = Date()
        for byte in "GET /about/ HTTP/1.1\r\nHost: localhost\r\n".prefix(8) {
            // Sending fails once the server has closed it.
            guard (try? trickle.send(String(byte))) != nil else { break }
            Thread.sleep(forTimeInterval: Self.requestTimeout / 4)
        }
        XCTAssertTrue(trickle.isClosed(within: Self.requestTimeout + 2), "a head sent a byte at a time")
        XCTAssertLessThan(Date().timeIntervalSince(started), Self.requestTimeout + 2.5)
        for (index, connection) in connections.enumerated() {
            XCTAssertTrue(connection.isClosed(within: Self.requestTimeout + 2), "half-sent request \(index)")
        }
        XCTAssertEqual(try http.request("/about/").status, 200)
    }

    func testAKeptOpenConnectionIsClosedOnlyOnceItIsIdle() throws {
        let browser = try OpenConnection(port: port)
        try browser.send("GET /about/ HTTP/1.1\r\nHost: \(http.host)\r\n\r\n")
        XCTAssertEqual(browser.reply(within: 5)?.status, 200)
        // Longer than the request timeout, shorter than the idle one: still open.
        Thread.sleep(forTimeInterval: Self.requestTimeout + 0.5)
        try browser.send("GET /toolbox/ HTTP/1.1\r\nHost: \(http.host)\r\n\r\n")
        XCTAssertEqual(browser.reply(within: 5)?.status, 200)
        XCTAssertFalse(browser.isClosed(within: Self.idleTimeout - 1), "closed before the idle timeout")
        XCTAssertTrue(browser.isClosed(within: 3), "an idle connection is closed after the idle timeout")
    }

    func testTheEventStreamStaysOpenPastEveryTimeout() throws {
        let events = try http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")
        Thread.sleep(forTimeInterval: Self.idleTimeout + 1)
        try site.save("content/about.md", "---\ntitle: About, still live\n---\n\nSaved.\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10), "the event stream was closed")
        XCTAssertTrue(try http.request("/about/").text.contains("About, still live"))
    }

    func testConnectionsPastTheLimitGet503AndTheServerRecovers() throws {
        var held: [OpenConnection] = []
        for _ in 0..<Self.maximumConnections { held.append(try OpenConnection(port: port)) }
        waitUntil { self.preview.server.openConnections == Self.maximumConnections }
        let extra = try OpenConnection(port: port)
        try? extra.send("GET /about/ HTTP/1.1\r\nHost: \(http.host)\r\n\r\n")
        // As a browser does: the whole request sent before the answer is read.
        Thread.sleep(forTimeInterval: 0.2)
        let reply = extra.reply(within: 5)
        XCTAssertEqual(reply?.status, 503)
        XCTAssertTrue(reply?.text.contains("too many connections") ?? false)
        XCTAssertTrue(extra.isClosed(within: 2))
        held = []
        waitUntil { self.preview.server.openConnections == 0 }
        XCTAssertEqual(try http.request("/about/").status, 200)
    }

    /// Deleted and made again, as `git checkout` or `rsync` may: the preview
    /// goes on watching the new folder and serves its pages.
    func testContentDeletedAndMadeAgainIsStillWatched() async throws {
        try await assertRemadeContentIsServed(watch: .inotify)
    }

    func testContentDeletedAndMadeAgainIsStillWatchedByPolling() async throws {
        try await assertRemadeContentIsServed(watch: .polling)
    }

    private func assertRemadeContentIsServed(watch: WatchMethod) async throws {
        try await preview.stop()
        preview = try await RunningPreview(site.buildOptions, watch: watch)
        let copy = site.root.appendingPathComponent("content-copy")
        try FileManager.default.copyItem(at: site.content, to: copy)
        try FileManager.default.removeItem(at: site.content)
        try await Task.sleep(for: .milliseconds(600))
        // Made again file by file, as git does.
        try FileManager.default.copyItem(at: copy, to: site.content)
        try site.write("content/about.md", "---\ntitle: About, made again\n---\n\nBack.\n")
        XCTAssertTrue(waitUntil { (try? self.http.request("/about/").text.contains("About, made again")) == true },
                      "the remade content/ was not watched")
        // And once more, moved in whole, as rsync and editors' "save all" do.
        try FileManager.default.moveItem(at: site.content, to: site.root.appendingPathComponent("content-old"))
        try site.write("content-copy/about.md", "---\ntitle: About, moved in\n---\n\nBack.\n")
        try await Task.sleep(for: .milliseconds(600))
        try FileManager.default.moveItem(at: copy, to: site.content)
        XCTAssertTrue(waitUntil { (try? self.http.request("/about/").text.contains("About, moved in")) == true },
                      "content/ moved in was not watched")
        try site.write("content/about.md", "---\ntitle: About, edited after\n---\n\nBack.\n")
        XCTAssertTrue(waitUntil { (try? self.http.request("/about/").text.contains("About, edited after")) == true },
                      "a save in the remade content/ was not seen")
        // The folder that was moved away is no longer the site.
        try site.write("content-old/about.md", "---\ntitle: About, old folder\n---\n\nOld.\n")
        try await Task.sleep(for: .milliseconds(800))
        XCTAssertFalse(try http.request("/about/").text.contains("old folder"))
    }

    /// Checks `condition` every 50 ms for up to 10 seconds.
    @discardableResult
    private func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }
}
