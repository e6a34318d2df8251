import Foundation
import Preview
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The real server on a free port, spoken to over real sockets.
final class PreviewServerTests: XCTestCase {
    private var site: PreviewFixture!
    private var preview: RunningPreview!
    private var http: RawHTTP { preview.http }

    override func setUp() async throws {
        site = try PreviewFixture()
        preview = try await RunningPreview(site.buildOptions)
    }

    override func tearDown() async throws {
        try await preview?.stop()
        site.remove()
    }

    func testServesEachTypeOfFileWithItsContentType() throws {
        let expected = [
            "/": "text/html; charset=utf-8",
            "/about/": "text/html; charset=utf-8",
            "/assets/site.css": "text/css; charset=utf-8",
            "/assets/search.js": "text/javascript; charset=utf-8",
            "/assets/icon.svg": "image/svg+xml",
            "/search.json": "application/json",
            "/sitemap.xml": "application/xml",
            "/logo.png": "image/png",
        ]
        for (path, type) in expected {
            let reply = try http.request(path)
            XCTAssertEqual(reply.status, 200, path)
            XCTAssertEqual(reply.headers["content-type"], type, path)
            XCTAssertEqual(reply.headers["content-length"], String(reply.body.count), path)
        }
        // The published photo is a copy made without its metadata, still a PNG.
        XCTAssertTrue(try http.request("/logo.png").body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    func testFoldersServeTheirIndexAndRedirectToTheTrailingSlash() throws {
        let page = try http.request("/toolbox/urge-log/")
        XCTAssertTrue(page.text.contains("<h1>Urge Log</h1>"))
        XCTAssertEqual(try http.request("/toolbox/urge-log/index.html").body, page.body)
        let redirect = try http.request("/toolbox/urge-log?x=1")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.headers["location"], "/toolbox/urge-log/?x=1")
    }

    func testUnknownPathsGetTheSites404PageAndNoListings() throws {
        for path in ["/no-such-page/", "/no-such-file.css", "/assets/", "/toolbox/nothing"] {
            let reply = try http.request(path)
            XCTAssertEqual(reply.status, 404, path)
            XCTAssertTrue(reply.text.contains("Nothing here (site 404)"), path)
        }
    }

    func testETagsAnswer304WhenNothingChanged() throws {
        let first = try http.request("/about/")
        let etag = try XCTUnwrap(first.headers["etag"])
        let again = try http.request("/about/", headers: ["If-None-Match": etag])
        XCTAssertEqual(again.status, 304)
        XCTAssertTrue(again.body.isEmpty)
        XCTAssertEqual(try http.request("/about/", headers: ["If-None-Match": "\"other\", W/\(etag)"]).status, 304)
        XCTAssertEqual(try http.request("/about/", headers: ["If-None-Match": "\"other\""]).status, 200)
    }

    func testHeadHasTheHeadersOfGetAndNoBody() throws {
        let get = try http.request("/about/")
        let head = try http.request("/about/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
        XCTAssertEqual(head.headers["content-length"], String(get.body.count))
        XCTAssertEqual(head.headers["etag"], get.headers["etag"])
    }

    func testOtherMethodsAre405() throws {
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let reply = try http.request("/about/", method: method)
            XCTAssertEqual(reply.status, 405, method)
            XCTAssertEqual(reply.headers["allow"], "GET, HEAD", method)
        }
    }

    func testNastyPathsAreRefused() throws {
        XCTAssertGreaterThanOrEqual(RequestPathTests.nastyPaths.count, 15)
        for path in RequestPathTests.nastyPaths {
            let reply = try http.request(path)
            XCTAssertTrue(reply.status == 400 || reply.status == 404, "\(path): \(reply.status)")
            XCTAssertFalse(reply.text.contains("root:"), path)
            XCTAssertFalse(reply.text.contains("secret"), path)
        }
        // Still serving after all that.
        XCTAssertEqual(try http.request("/").status, 200)
    }

    func testTheReloadScriptIsInServedPagesOnly() throws {
        XCTAssertTrue(try http.request("/about/").text.contains("data-smartsite-preview"))
        XCTAssertFalse(try http.request("/assets/site.css").text.contains("smartsite-preview"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "preview must not write output/")
    }

    func testSavingAPageSendsAReloadAndServesTheNewPage() throws {
        let events = try http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")
        try site.save("content/about.md", "---\ntitle: About, saved\n---\n\nSaved.\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10))
        XCTAssertTrue(try http.request("/about/").text.contains("About, saved"))
        XCTAssertTrue(try http.request("/search.json").text.contains("About, saved"))
    }

    func testSavingAStylesheetSendsAStylesEvent() throws {
        let events = try http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")
        try site.save("templates/assets/site.css", "body { color: navy; }\n")
        XCTAssertEqual(events.waitFor("css", within: 10), "[\"assets/site.css\"]")
        XCTAssertEqual(try http.request("/assets/site.css").text, "body{color: navy}\n")
    }

    func testABrokenPageShowsTheErrorOverlayUntilItIsFixed() throws {
        let events = try http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")
        let before = try http.request("/toolbox/")
        try site.save("content/about.md", "---\ntitle: About <b>\norder: [\n---\n\nText.\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10))
        for path in ["/about/", "/toolbox/", "/no-such-page/"] {
            let page = try http.request(path).text
            XCTAssertTrue(page.contains("smartsite-error-overlay"), path)
            XCTAssertTrue(page.contains(site.content.path + "/about.md:"), path)
        }
        // The page underneath is the last good one, with an ETag of its own.
        let broken = try http.request("/toolbox/")
        XCTAssertNotEqual(broken.headers["etag"], before.headers["etag"])
        XCTAssertEqual(try http.request("/toolbox/", headers: ["If-None-Match": before.headers["etag"] ?? ""]).status, 200)

        try site.save("content/about.md", "---\ntitle: About, fixed\n---\n\nText.\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10))
        let fixed = try http.request("/about/").text
        XCTAssertFalse(fixed.contains("smartsite-error-overlay"))
        XCTAssertTrue(fixed.contains("About, fixed"))
    }

    func testShutdownEndsEventStreamsAndReleasesThePort() async throws {
        let events = try http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")
        let port = preview.port
        try await preview.stop()
        preview = nil
        XCTAssertNil(events.next(within: 5), "the event stream should have ended")
        XCTAssertThrowsError(try RawHTTP(port: port).request("/"))
        XCTAssertTrue(Self.canBind(port), "the port should be free again")
    }

    static func canBind(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}

/// A site whose first build fails: the server runs anyway and shows why.
final class BrokenSitePreviewTests: XCTestCase {
    func testTheErrorsShowUntilTheFirstGoodBuild() async throws {
        let site = try PreviewFixture()
        defer { site.remove() }
        try site.write("content/about.md", "---\ntitle: [broken\n---\n\nText.\n")
        let preview = try await RunningPreview(site.buildOptions)
        let events = try preview.http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")
        let broken = try preview.http.request("/about/")
        XCTAssertEqual(broken.status, 404)
        XCTAssertTrue(broken.text.contains("smartsite-error-overlay"))
        XCTAssertTrue(broken.text.contains("data-smartsite-preview"), "the reload script brings the fixed site")
        try site.save("content/about.md", "---\ntitle: About, at last\n---\n\nText.\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10))
        XCTAssertTrue(try preview.http.request("/about/").text.contains("About, at last"))
        try await preview.stop()
    }
}

/// The same watching through the polling fallback, as on systems without inotify.
final class PollingPreviewTests: XCTestCase {
    func testPollingNoticesASavedPage() async throws {
        let site = try PreviewFixture()
        defer { site.remove() }
        let preview = try await RunningPreview(site.buildOptions, watch: .polling)
        let events = try preview.http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")
        try site.save("content/about.md", "---\ntitle: About, polled\n---\n\nSaved.\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10))
        XCTAssertTrue(try preview.http.request("/about/").text.contains("About, polled"))
        try await preview.stop()
    }
}
