import NIOConcurrencyHelpers
import NIOCore

/// How many connections are open at once. Each one holds an open file and
/// some memory; past the limit a connection gets "503 Service Unavailable"
/// and is closed at once, so a flood of them cannot use up either, and the
/// preview answers again as soon as it is over.
final class ConnectionLimit: Sendable {
    let maximum: Int
    private let open = NIOLockedValueBox(0)

    init(maximum: Int) {
        self.maximum = max(1, maximum)
    }

    /// Counts the connection in until it closes, when there is room for it.
    func admit(_ channel: any Channel) -> Bool {
        let admitted = open.withLockedValue { open in
            guard open < maximum else { return false }
            open += 1
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { _ in self.open.withLockedValue { $0 -= 1 } }
        }
        return admitted
    }

    var openConnections: Int { open.withLockedValue { $0 } }
}

/// What a connection over the limit gets, written straight to the socket:
/// it never reaches the HTTP server.
final class TooManyConnections: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let reply: String = {
        let text = "The preview is busy: too many connections are open at once. Reload the page in a moment.\n"
        return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(text.utf8.count)\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + text
    }()

    /// How long the client has to read the answer and hang up.
    static let linger = TimeAmount.milliseconds(500)

    /// Closing while the client's request is still unread would reset the
    /// connection and lose the answer. So the answer is sent and this side
    /// of the connection shut; it is closed in full when the client hangs
    /// up, or after `linger`.
    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: Self.reply))).assumeIsolated().whenComplete { _ in
            context.close(mode: .output, promise: nil)
        }
        context.eventLoop.assumeIsolated().scheduleTask(in: Self.linger) { context.close(promise: nil) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event { context.close(promise: nil) }
    }

    /// Whatever the client sent is read and dropped.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
