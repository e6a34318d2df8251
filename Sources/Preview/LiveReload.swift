import Foundation
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// Tells every open browser tab that a rebuild finished, as Server-Sent
/// Events. A Service: on shutdown it ends every event stream, so the HTTP
/// server is not left waiting for connections that never close.
final class LiveReload: Service, Sendable {
    enum Event: Sendable, Equatable {
        /// Sent first on each connection: the number of the build being served.
        case hello(Int)
        case reload(Int)
        /// Only these stylesheets changed (paths below the site root).
        case styles([String])
        /// Keeps the connection open through proxies, and finds closed ones.
        case ping

        var text: String {
            switch self {
            case .hello(let build): return "event: hello\ndata: \(build)\n\n"
            case .reload(let build): return "event: reload\ndata: \(build)\n\n"
            case .styles(let paths):
                let list = paths.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
                return "event: css\ndata: [\(list.joined(separator: ","))]\n\n"
            case .ping: return ": ping\n\n"
            }
        }
    }

    private struct State {
        var clients: [Int: AsyncStream<Event>.Continuation] = [:]
        var nextClient = 0
        var build = 0
        var closed = false
    }

    private let state = NIOLockedValueBox(State())
    let pingInterval: Duration

    init(pingInterval: Duration = .seconds(15)) {
        self.pingInterval = pingInterval
    }

    /// A new browser connection's events, starting with `hello`.
    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(16))
        let id = state.withLockedValue { state -> Int? in
            guard !state.closed else { return nil }
            state.nextClient += 1
            state.clients[state.nextClient] = continuation
            continuation.yield(.hello(state.build))
            return state.nextClient
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLockedValue { _ = $0.clients.removeValue(forKey: id) }
        }
        return stream
    }

    /// After a rebuild's files are in place: a full reload, or new stylesheets.
    func announce(styles: [String]? = nil) {
        state.withLockedValue { state in
            state.build += 1
            let event = styles.map(Event.styles) ?? .reload(state.build)
            for client in state.clients.values { client.yield(event) }
        }
    }

    var clientCount: Int { state.withLockedValue { $0.clients.count } }

    func run() async throws {
        // Pings until shutdown, then ends every stream.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.pingInterval)
                self.state.withLockedValue { state in
                    for client in state.clients.values { client.yield(.ping) }
                }
            }
        }
        let clients = state.withLockedValue { state -> [AsyncStream<Event>.Continuation] in
            state.closed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        clients.forEach { $0.finish() }
    }
}
