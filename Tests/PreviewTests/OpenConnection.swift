import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One connection held open, as a browser keeps one between requests, or
/// as a hostile client leaves one half-used: requests written in pieces,
/// replies read one at a time, and whether the server has closed it.
final class OpenConnection {
    let socket: Int32
    private var received = Data()

    init(port: Int) throws {
        socket = try RawHTTP(port: port).connect()
    }

    deinit { close(socket) }

    func send(_ text: String) throws {
        try RawHTTP(port: 0).send(socket, text)
    }

    /// The next whole reply (its body by Content-Length), or nil when none came within `seconds`.
    func reply(within seconds: Double) -> RawHTTP.Reply? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let end = received.range(of: Data("\r\n\r\n".utf8)),
               let head = try? RawHTTP.parse(received[..<end.upperBound], method: "GET") {
                let length = Int(head.headers["content-length"] ?? "0") ?? 0
                if received.distance(from: end.upperBound, to: received.endIndex) >= length {
                    let bodyEnd = received.index(end.upperBound, offsetBy: length)
                    var reply = head
                    reply.body = Data(received[end.upperBound..<bodyEnd])
                    received = Data(received[bodyEnd...])
                    return reply
                }
            }
            guard readMore(until: deadline) else { return nil }
        }
    }

    /// True once the server has closed the connection, within `seconds`;
    /// whatever it sends before that is kept for `reply`.
    func isClosed(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while deadline.timeIntervalSinceNow > 0 {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { return false }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { return true }
            received.append(contentsOf: chunk[0..<count])
        }
        return false
    }

    private func readMore(until deadline: Date) -> Bool {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { return false }
        var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(max(1, left * 1000))) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        received.append(contentsOf: chunk[0..<count])
        return true
    }
}
