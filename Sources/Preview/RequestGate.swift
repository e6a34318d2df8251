import NIOCore
import NIOHTTP1

/// Turns away, before the site sees them, requests that did not come to
/// this preview by its own address: a `Host` that is not one of its names
/// (421), no `Host` or more than one, and a request target that is not a
/// plain path such as `GET http://elsewhere/` (400). The live-reload event
/// stream is behind the same gate. A refused connection is closed.
///
/// It sits where requests are whole HTTP/1 heads, before they are turned
/// into the server's request type, which keeps only the path of a full URL
/// and so could not tell `GET http://elsewhere/` from `GET /`.
final class RequestGate: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let hosts: AllowedHosts
    /// Once a request is refused, nothing more is read from the connection.
    private var refused = false
    /// Requests let through whose answers are not all written yet.
    private var unanswered = 0

    init(hosts: AllowedHosts) {
        self.hosts = hosts
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        guard case .head(let head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        if let refusal = refusal(of: head, arrivingAt: context.channel.localAddress) {
            refuse(head, refusal, context: context)
            return
        }
        unanswered += 1
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered -= 1 }
        context.write(data, promise: promise)
    }

    private func refusal(of head: HTTPRequestHead, arrivingAt local: SocketAddress?) -> (HTTPResponseStatus, String)? {
        guard head.uri.hasPrefix("/") else {
            return (.badRequest, "Bad request: ask for a path that starts with /, such as GET / (this preview is not a proxy).\n")
        }
        let given = head.headers["Host"]
        guard given.count == 1, let host = given.first else {
            return (.badRequest, "Bad request: a request needs exactly one Host header.\n")
        }
        guard hosts.allows(host, port: local?.port, address: local?.ipAddress) else {
            let port = local?.port.map { ":\($0)" } ?? ""
            return (.misdirectedRequest, """
                Misdirected request: this preview answers only at its own address, such as \
                http://127.0.0.1\(port)/ or http://localhost\(port)/. Open the address smartsite preview printed.

                """)
        }
        return nil
    }

    private func refuse(_ head: HTTPRequestHead, _ refusal: (status: HTTPResponseStatus, text: String), context: ChannelHandlerContext) {
        refused = true
        // An answer written now would land in the middle of the answer to an
        // earlier request on the same connection; only closing is safe then.
        guard unanswered == 0 else {
            context.close(promise: nil)
            return
        }
        let body = ByteBuffer(string: refusal.text)
        let headers = HTTPHeaders([
            ("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", String(body.readableBytes)),
            ("Cache-Control", "no-store"), ("Connection", "close"),
        ])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: refusal.status, headers: headers))),
                      promise: nil)
        if head.method != .HEAD { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
