import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client over a plain socket, so tests send request paths
/// exactly as written (URLSession would tidy `..` and `%2e` away) and read
/// the event stream as it arrives.
struct RawHTTP {
    let port: Int

    struct Reply {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The `Host` a browser sends for the address the preview prints.
    var host: String { "127.0.0.1:\(port)" }

    /// Sends one request (`Connection: close`) and reads the whole reply.
    func request(_ target: String, method: String = "GET", host: String? = nil, headers: [String: String] = [:]) throws -> Reply {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? self.host)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return try exchange(text + "\r\n", method: method)
    }

    /// Sends `text` as it is and reads the whole reply.
    func exchange(_ text: String, method: String = "GET") throws -> Reply {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, text)
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: chunk[0..<count])
        }
        return try Self.parse(received, method: method)
    }

    func connect() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to port \(port)")
        }
        return socket
    }

    func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a connection the server closed is an error here, not SIGPIPE ending the tests.
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed") }
            sent += count
        }
    }

    static func parse(_ data: Data, method: String) throws -> Reply {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no complete reply: \(String(decoding: data, as: UTF8.self))")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1.1 "),
              let status = Int(statusLine.dropFirst(9).prefix(3)) else {
            throw Failure(description: "bad status line: \(head.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = unchunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    static func unchunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)),
              let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0 {
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            result.append(rest[start..<rest.index(start, offsetBy: size)])
            rest = rest[rest.index(start, offsetBy: min(size + 2, rest.distance(from: start, to: rest.endIndex)))...]
        }
        return result
    }

    /// An open `text/event-stream` connection.
    final class EventStream {
        let socket: Int32
        private var buffer = ""

        init(socket: Int32) { self.socket = socket }
        deinit { close(socket) }

        /// The next event's name and data, or nil when none came within `seconds`.
        func next(within seconds: Double) -> (name: String, data: String)? {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                if let event = takeEvent() { return event }
                let left = deadline.timeIntervalSinceNow
                guard left > 0 else { return nil }
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, Int32(left * 1000)) > 0 else { return nil }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = recv(socket, &chunk, chunk.count, 0)
                if count <= 0 { return nil }
                // Line ends as LF only: Swift counts CR LF as one Character.
                buffer = (buffer + String(decoding: chunk[0..<count], as: UTF8.self)).replacingOccurrences(of: "\r\n", with: "\n")
            }
        }

        /// Waits for an event of this name, skipping others.
        func waitFor(_ name: String, within seconds: Double) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while deadline.timeIntervalSinceNow > 0 {
                guard let event = next(within: deadline.timeIntervalSinceNow) else { return nil }
                if event.name == name { return event.data }
            }
            return nil
        }

        private func takeEvent() -> (name: String, data: String)? {
            while let end = buffer.range(of: "\n\n") {
                let block = buffer[..<end.lowerBound]
                buffer = String(buffer[end.upperBound...])
                var name = "message", data = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                // Chunked framing lines (sizes) and comments (pings) carry no event.
                if block.contains("event: ") { return (name, data) }
            }
            return nil
        }
    }

    func events() throws -> EventStream {
        let socket = try connect()
        try send(socket, "GET /__smartsite/events HTTP/1.1\r\nHost: \(host)\r\n\r\n")
        return EventStream(socket: socket)
    }
}
