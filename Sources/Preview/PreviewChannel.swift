import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Each connection the preview accepts: Hummingbird's HTTP/1 server, with
/// the connection limit in front of it and, between the HTTP decoder and
/// the server, the timeouts and the gate that checks `Host` and the
/// request target.
struct PreviewChannel: ServerChildChannel {
    enum Value: ServerChildChannelValue {
        case served(HTTP1Channel.Value)
        /// Over the limit: answered 503 and closed by TooManyConnections.
        case turnedAway(any Channel)

        var channel: any Channel {
            switch self {
            case .served(let value): return value.channel
            case .turnedAway(let channel): return channel
            }
        }
    }

    let http: HTTP1Channel
    let limit: ConnectionLimit
    let hosts: AllowedHosts
    let requestTimeout: TimeAmount
    let idleTimeout: TimeAmount

    /// The server the preview's Application runs.
    static func server(_ options: PreviewOptions, limit: ConnectionLimit) -> HTTPServerBuilder {
        let hosts = AllowedHosts(listeningOn: options.host)
        let requestTimeout = TimeAmount(options.requestTimeout)
        let idleTimeout = TimeAmount(options.idleTimeout)
        return HTTPServerBuilder { responder in
            PreviewChannel(http: HTTP1Channel(responder: responder), limit: limit, hosts: hosts,
                           requestTimeout: requestTimeout, idleTimeout: idleTimeout)
        }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard limit.admit(channel) else {
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(TooManyConnections())
                return .turnedAway(channel)
            }
        }
        let hosts = hosts, requestTimeout = requestTimeout, idleTimeout = idleTimeout
        return http.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let timeouts = ConnectionTimeouts(requestTimeout: requestTimeout, idleTimeout: idleTimeout)
            try pipeline.addHandler(RequestBytesArrived(), position: .first)
            try pipeline.addHandler(timeouts, position: .after(decoder))
            try pipeline.addHandler(RequestGate(hosts: hosts), position: .after(timeouts))
            return .served(value)
        }
    }

    func handle(value: Value, logger: Logger) async {
        guard case .served(let served) = value else { return }
        await http.handle(value: served, logger: logger)
    }
}
