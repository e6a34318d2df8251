import NIOCore
import NIOHTTP1

/// Closes connections that keep the server waiting for nothing. A request
/// must arrive whole within `requestTimeout` of the connection opening, or,
/// on a connection kept open after an answer, of its first bytes; a
/// connection kept open for its next request is closed after `idleTimeout`
/// without one. While an answer is being written nothing is timed: the
/// live-reload event stream is an answer that lasts as long as the tab.
///
/// Without these, a program that opens connections and sends half a
/// request (or nothing) holds each one, and its memory, for ever.
final class ConnectionTimeouts: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private enum Waiting: Equatable {
        case forRequest
        case forNextRequest
        case not
    }

    private let requestTimeout: TimeAmount
    private let idleTimeout: TimeAmount
    private var waiting = Waiting.not
    private var deadline: Scheduled<Void>?
    /// Between a request's head and its end.
    private var readingRequest = false
    /// Requests read whose answers are not all written yet.
    private var unanswered = 0

    init(requestTimeout: TimeAmount, idleTimeout: TimeAmount) {
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { wait(.forRequest, context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        wait(.not, context)
    }

    func channelActive(context: ChannelHandlerContext) {
        wait(.forRequest, context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        wait(.not, context)
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is RequestBytesArrived.Event {
            if waiting == .forNextRequest { wait(.forRequest, context) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingRequest = true
            if waiting == .forNextRequest { wait(.forRequest, context) }
        case .body:
            break
        case .end:
            readingRequest = false
            unanswered += 1
            wait(.not, context)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0 { wait(readingRequest ? .forRequest : .forNextRequest, context) }
        }
        context.write(data, promise: promise)
    }

    /// Starts the clock for what the connection now waits for; a wait that
    /// goes on keeps its first deadline.
    private func wait(_ next: Waiting, _ context: ChannelHandlerContext) {
        guard next != waiting else { return }
        waiting = next
        deadline?.cancel()
        deadline = nil
        let timeout: TimeAmount
        switch next {
        case .forRequest: timeout = requestTimeout
        case .forNextRequest: timeout = idleTimeout
        case .not: return
        }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            context.close(promise: nil)
        }
    }
}

/// Sits in front of the HTTP decoder and tells ConnectionTimeouts that bytes
/// came in: the first bytes of a request start its clock even before its
/// head is whole (a head sent a byte at a time never is).
final class RequestBytesArrived: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    struct Event {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireUserInboundEventTriggered(Event())
        context.fireChannelRead(data)
    }
}
