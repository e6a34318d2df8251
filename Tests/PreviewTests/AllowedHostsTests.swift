import XCTest
@testable import Preview

/// The names the preview answers to, without a server.
final class AllowedHostsTests: XCTestCase {
    func testTheLoopbackNamesWithTheListeningPortOrNone() {
        let hosts = AllowedHosts(listeningOn: "127.0.0.1")
        for value in ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000", "127.0.0.1", "localhost", "[::1]"] {
            XCTAssertTrue(hosts.allows(value, port: 8000, address: "127.0.0.1"), value)
        }
        for value in ["127.0.0.1:8001", "evil.example", "evil.example:8000", "localhost.", "127.0.0.1.nip.io:8000", "", ":8000",
                      "localhost:", "localhost:80a", "localhost:008000", "[::1", "::1", "[::1]x", "a@localhost", "localhost:8000:1",
                      "localhost/x", "127.0.0.2:8000"] {
            XCTAssertFalse(hosts.allows(value, port: 8000, address: "127.0.0.1"), value)
        }
    }

    func testTheHostGivenAndTheAddressARequestCameInOn() {
        let named = AllowedHosts(listeningOn: "Preview.Local")
        XCTAssertTrue(named.allows("preview.local:8000", port: 8000, address: "127.0.0.1"))
        let everywhere = AllowedHosts(listeningOn: "::")
        XCTAssertTrue(everywhere.allows("192.168.1.5:8000", port: 8000, address: "::ffff:192.168.1.5"))
        XCTAssertTrue(everywhere.allows("[fe80::1]:8000", port: 8000, address: "fe80::1"))
        XCTAssertFalse(everywhere.allows("evil.example:8000", port: 8000, address: "::ffff:192.168.1.5"))
        XCTAssertFalse(everywhere.allows("192.168.1.6:8000", port: 8000, address: "::ffff:192.168.1.5"))
    }

    func testWhichHostsStayOnThisComputer() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"] { XCTAssertTrue(AllowedHosts.isLoopback(host), host) }
        for host in ["0.0.0.0", "::", "192.168.1.5", "127.0.0.256", "127.0.0", "example.org", "128.0.0.1"] {
            XCTAssertFalse(AllowedHosts.isLoopback(host), host)
        }
    }
}
