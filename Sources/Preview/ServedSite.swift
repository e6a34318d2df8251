import Diagnostics
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SiteBuild

/// The built site as the server hands it out: bytes ready to send, with
/// their type and ETag, plus the error overlay while the last build failed.
/// Request handlers read it on any thread; each rebuild changes it under one
/// lock, so a request sees a site from before or after a rebuild, never half.
final class ServedSite: Sendable {
    struct File: Sendable {
        var body: ByteBuffer
        var etag: String
        var contentType: String
        var isHTML: Bool
    }

    /// A file made on its first request (search.json: tens of megabytes on a
    /// large site, and needed only by the search page), then kept.
    final class Deferred: Sendable {
        private let made: NIOLockedValueBox<File?> = NIOLockedValueBox(nil)
        private let make: @Sendable () -> File

        init(_ make: @escaping @Sendable () -> File) { self.make = make }

        /// Requests at the same time wait for the one making it.
        var file: File {
            made.withLockedValue { made in
                if let made { return made }
                let file = make()
                made = file
                return file
            }
        }
    }

    private struct State {
        var files: [String: File] = [:]
        var deferred: [String: Deferred] = [:]
        /// The error overlay, while the last build failed.
        var overlay: String?
        /// Counts rebuilds: part of every ETag, so no browser keeps a page from before a restart.
        var version = 0
    }

    private let state = NIOLockedValueBox(State())
    /// Tells this run's ETags from a previous run's.
    private let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    /// Takes in a build's files: the reload script goes into every HTML
    /// page, and a file keeps its ETag when its bytes did not change. The
    /// files are prepared before the lock is taken, so requests wait only
    /// for the swap.
    /// Returns the seconds it took.
    @discardableResult
    func apply(_ update: PreviewUpdate) -> Double {
        let started = ContinuousClock.now
        let paths = Array(update.files.keys)
        // The files about to be replaced, to keep the ETags of those that did not change.
        let (previous, version) = state.withLockedValue { state -> ([File?], Int) in
            state.version += 1
            return (paths.map { state.files[$0] }, state.version)
        }
        if update.failed {
            let overlay = PageInjection.overlay(update.errors)
            state.withLockedValue { $0.overlay = overlay }
            return Self.seconds(since: started)
        }
        var prepared: [(String, File)] = []
        prepared.reserveCapacity(paths.count)
        for (path, old) in zip(paths, previous) {
            guard let data = update.files[path] else { continue }
            let bytes = Self.served(data, path: path)
            if let old, Self.same(old.body, bytes) {
                prepared.append((path, old))
            } else {
                prepared.append((path, file(bytes, path: path, version: version)))
            }
        }
        let deferred = Dictionary(uniqueKeysWithValues: update.deferred.map { path, later in
            (path, Deferred { [self] in self.file(Self.served(later.make(), path: path), path: path, version: version) })
        })
        state.withLockedValue { state in
            state.overlay = nil
            if update.replacesAll {
                state.files = Dictionary(prepared, uniquingKeysWith: { first, _ in first })
                state.deferred = [:]
            } else {
                for (path, file) in prepared {
                    state.files[path] = file
                    state.deferred[path] = nil
                }
            }
            for path in update.removed { state.files[path] = nil }
            for (path, later) in deferred {
                state.files[path] = nil
                state.deferred[path] = later
            }
        }
        return Self.seconds(since: started)
    }

    /// What the browser gets of a built file: HTML pages with the reload script.
    static func served(_ data: Data, path: String) -> Data {
        isHTML(path) ? PageInjection.insert(PageInjection.script, into: data) : data
    }

    private func file(_ bytes: Data, path: String, version: Int) -> File {
        File(body: ByteBuffer(bytes: bytes), etag: "\"\(instance)-\(version)\"", contentType: Self.contentType(of: path),
             isHTML: Self.isHTML(path))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A file as it is to be served now: HTML pages carry the error overlay
    /// (and an ETag of their own) while the last build failed.
    func file(at path: String) -> File? {
        let (found, later, overlay, version) = state.withLockedValue { ($0.files[path], $0.deferred[path], $0.overlay, $0.version) }
        guard var file = found ?? later?.file else { return nil }
        if let overlay, file.isHTML {
            let page = PageInjection.insert(overlay, into: Data(file.body.readableBytesView))
            file.body = ByteBuffer(bytes: page)
            file.etag = "\"\(instance)-\(version)-error\""
        }
        return file
    }

    /// What every address shows while no build has worked yet: the errors,
    /// and the reload script, so the fixed site appears by itself.
    func placeholder() -> File {
        let page = Data("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>smartsite preview</title></head>
            <body><p>The site has not been built yet.</p></body></html>

            """.utf8)
        var file = self.file(Self.served(page, path: "index.html"), path: "index.html", version: 0)
        if let overlay = state.withLockedValue({ $0.overlay }) {
            file.body = ByteBuffer(bytes: PageInjection.insert(overlay, into: Data(file.body.readableBytesView)))
        }
        return file
    }

    func contains(_ path: String) -> Bool {
        state.withLockedValue { $0.files[path] != nil || $0.deferred[path] != nil }
    }

    var isEmpty: Bool { state.withLockedValue { $0.files.isEmpty && $0.deferred.isEmpty } }

    /// memcmp: search.json of a large site is tens of megabytes.
    static func same(_ buffer: ByteBuffer, _ data: Data) -> Bool {
        guard buffer.readableBytes == data.count else { return false }
        return buffer.withUnsafeReadableBytes { old in
            data.withUnsafeBytes { new in
                guard let a = old.baseAddress, let b = new.baseAddress else { return true }
                return memcmp(a, b, old.count) == 0
            }
        }
    }

    static func isHTML(_ path: String) -> Bool { path.hasSuffix(".html") }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "svg": "image/svg+xml", "png": "image/png",
        "pdf": "application/pdf", "txt": "text/plain; charset=utf-8", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "ics": "text/calendar; charset=utf-8", "webp": "image/webp", "ico": "image/x-icon", "woff2": "font/woff2", "woff": "font/woff",
    ]

    static func contentType(of path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return types[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
