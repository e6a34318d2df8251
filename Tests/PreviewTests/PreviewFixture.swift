import Foundation
import Preview
import SiteBuild
import TestSupport
import XCTest

/// A small site in a fresh temporary folder, with points, a tool, a section
/// and one file of every type the server names.
struct PreviewFixture {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var templates: URL { root.appendingPathComponent("templates") }
    var output: URL { root.appendingPathComponent("output") }

    /// The smallest valid PNG: one transparent pixel.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==") ?? Data()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-preview-test-\(UUID().uuidString)")
        try write("content/site.yaml", """
            title: Preview Test
            base_url: https://example.org/
            menu:
              - title: Toolbox
                page: toolbox/_index.md
            """)
        try write("content/_index.md", "---\ntitle: Home\n---\n\nWelcome. See the [urge log](toolbox/urge-log.md).\n\n![logo](logo.png)\n")
        try write("content/logo.png", Self.png)
        try write("content/about.md", "---\ntitle: About us\ndescription: Who we are.\n---\n\nAbout text. The [steps](toolbox/urge-log.md#steps).\n")
        try write("content/toolbox/_index.md", "---\ntitle: Toolbox\n---\n\nAll tools.\n")
        try write("content/toolbox/urge-log.md", "---\ntitle: Urge Log\ndescription: Write urges down.\npoints: [2]\n---\n\n## Steps\n\nWrite it down.\n")
        try write("content/toolbox/cba.md", "---\ntitle: Cost-Benefit Analysis\npoints: [1]\n---\n\nWeigh it.\n")
        try write("content/program/_index.md", "---\ntitle: Program\n---\n\nThe four points.\n")
        try write("content/program/motivation.md", "---\ntitle: Motivation\npoint: 1\n---\n\nPoint one.\n")
        try write("content/program/urges.md", "---\ntitle: Coping with Urges\npoint: 2\n---\n\nPoint two.\n")
        try write("content/program/thoughts.md", "---\ntitle: Thoughts\npoint: 3\n---\n\nPoint three.\n")
        try write("content/drafts.md", "---\ntitle: Not yet\ndraft: true\n---\n\nDraft.\n")

        try write("templates/base.mustache", """
            <!DOCTYPE html>
            <html><head><title>{{page.title}}</title><link rel="stylesheet" href="{{root}}assets/site.css"></head>
            <body>{{#breadcrumbs}}<a class=crumb href="{{url}}">{{title}}</a>{{/breadcrumbs}}{{$main}}{{/main}}</body></html>

            """)
        try write("templates/page.mustache", "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}\n")
        try write("templates/section.mustache", """
            {{<base}}{{$main}}<h1>{{page.title}}</h1>{{#children}}<li><a href="{{url}}">{{title}}</a> {{description}}</li>{{/children}}\
            {{#tools_by_point}}<h2>{{title}}</h2>{{#tools}}<li class=tool>{{title}}</li>{{/tools}}{{/tools_by_point}}{{/main}}{{/base}}

            """)
        try write("templates/point.mustache", """
            {{<base}}{{$main}}<h1>{{page.title}}</h1>{{#tools}}<li class=tool>{{title}}</li>{{/tools}}\
            {{#previous}}<a rel=prev href="{{url}}">{{title}}</a>{{/previous}}{{#next}}<a rel=next href="{{url}}">{{title}}</a>{{/next}}{{/main}}{{/base}}

            """)
        try write("templates/tool.mustache", "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{#points}}<li class=point>{{title}}</li>{{/points}}{{#worksheet}}<p class=ws>{{title}}</p>{{/worksheet}}{{/main}}{{/base}}\n")
        try write("templates/404.mustache", "{{<base}}{{$main}}<h1>Nothing here (site 404)</h1>{{/main}}{{/base}}\n")
        for name in ["home", "worksheet", "worksheets", "search"] {
            try write("templates/\(name).mustache", "{{<page}}{{/page}}\n")
        }
        try write("templates/assets/site.css", "body { color: black; }\n")
        try write("templates/assets/search.js", "console.log('search');\n")
        // The shipped words, as every site has them.
        for language in ["en", "es"] {
            try write("templates/i18n/\(language).yaml", String(decoding: try Data(contentsOf: FixtureSite.shippedWords(language)), as: UTF8.self))
        }
        try write("templates/assets/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        try write("templates/assets/.hidden.css", "secret\n")
    }

    var buildOptions: BuildOptions {
        BuildOptions(contentFolder: content.path, templatesFolder: templates.path, outputFolder: output.path, buildWorksheets: false)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Saves the way many editors do: a temporary file beside it, renamed over it.
    func save(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).swp")
        try Data(text.utf8).write(to: temporary)
        _ = rename(temporary.path, url.path)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A preview server running in this process on a free port.
final class RunningPreview: @unchecked Sendable {
    let server: PreviewServer
    let task: Task<Void, any Error>
    let port: Int
    let log = LogLines()
    var http: RawHTTP { RawHTTP(port: port) }

    /// `configure` changes the options before the server starts (shorter timeouts, a smaller connection limit).
    init(_ options: BuildOptions, watch: WatchMethod = .automatic,
         configure: (inout PreviewOptions) -> Void = { _ in }) async throws {
        var previewOptions = PreviewOptions(build: options, port: 0, watch: watch)
        configure(&previewOptions)
        let log = log
        let server = PreviewServer(options: previewOptions) { log.append($0) }
        let (addresses, continuation) = AsyncStream.makeStream(of: String.self)
        task = Task {
            defer { continuation.finish() }
            try await server.run(onReady: { continuation.yield($0) }, handleSignals: false)
        }
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next(), let port = URL(string: address)?.port else {
            throw RawHTTP.Failure(description: "the server did not start")
        }
        self.server = server
        self.port = port
    }

    func stop() async throws {
        await server.shutdown()
        try await task.value
    }
}

/// What a server logged, kept for a test to read.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
