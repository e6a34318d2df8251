import Hummingbird
import NIOCore

/// Answers every request from the site in memory: GET and HEAD only,
/// `index.html` for folders, a redirect to the trailing slash for a folder
/// asked for without it, the site's own 404 page, ETag and 304, no listings,
/// and the live-reload event stream.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: ServedSite
    let liveReload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served here.\n", headers: [.allow: "GET, HEAD"])
        }
        let rawPath = request.uri.path
        if rawPath == PageInjection.eventsPath {
            return events(head: request.method == .head)
        }
        var response: Response
        switch RequestPath.normalize(rawPath) {
        case .refused(let reason):
            response = Self.plain(.badRequest, "Bad request: \(reason).\n")
        case .path(let path):
            response = serve(path, request: request)
        }
        if request.method == .head {
            // The headers of a GET, Content-Length included, and no body.
            let length = response.headers[.contentLength]
            response.body = ResponseBody()
            response.headers[.contentLength] = length
        }
        return response
    }

    private func serve(_ path: String, request: Request) -> Response {
        let filePath = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        if let file = site.file(at: filePath) {
            return Self.response(file, status: .ok, request: request)
        }
        if !path.isEmpty, !path.hasSuffix("/"), site.contains(path + "/index.html") {
            var location = "/" + RequestPath.encode(path) + "/"
            if let query = request.uri.query { location += "?" + query }
            return Self.plain(.movedPermanently, "Moved to \(location)\n", headers: [.location: location])
        }
        guard let notFound = site.file(at: "404.html") ?? (site.isEmpty ? site.placeholder() : nil) else {
            return Self.plain(.notFound, "Not found.\n")
        }
        return Self.response(notFound, status: .notFound, request: request)
    }

    private static func response(_ file: ServedSite.File, status: HTTPResponse.Status, request: Request) -> Response {
        var headers: HTTPFields = [.contentType: file.contentType, .cacheControl: "no-cache"]
        if status == .ok {
            headers[.eTag] = file.etag
            if let match = request.headers[.ifNoneMatch], matches(match, file.etag) {
                return Response(status: .notModified, headers: headers)
            }
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }

    /// `If-None-Match` holds `*` or a list of ETags, weak ones marked `W/`.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    private func events(head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        if head { return Response(status: .ok, headers: headers) }
        let stream = liveReload.subscribe()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.text))
            }
            try await writer.finish(nil)
        })
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
