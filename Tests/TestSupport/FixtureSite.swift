import Foundation

/// A small site written into a fresh temporary folder, so every test builds
/// real files with the real pipeline and nothing else.
public struct FixtureSite: Sendable {
    public let root: URL
    public var content: URL { root.appendingPathComponent("content") }
    public var templates: URL { root.appendingPathComponent("templates") }
    public var output: URL { root.appendingPathComponent("output") }

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("content/site.yaml", """
            title: Test & Site
            base_url: https://example.org/recovery/
            menu:
              - title: Toolbox
                page: toolbox/_index.md
            help_lines:
              - name: 988 Suicide & Crisis Lifeline
                phone: "988"
            """)
        try write("content/_index.md", "---\ntitle: Home\n---\n\nWelcome. See the [urge log](toolbox/urge-log.md#how-to-use-it).\n")
        try write("content/toolbox/_index.md", "---\ntitle: Toolbox\n---\n\nAll tools.\n")
        try write("content/toolbox/urge-log.md", """
            ---
            title: Urge Log <script>
            description: Write down "urges"
            order: 2
            points: [2]
            ---

            Back to the [toolbox](_index.md) or [home](../_index.md).

            ## How to use it

            Write it down.
            """)
        try write("content/program/coping.md", "---\ntitle: Coping with Urges\npoint: 2\n---\n\nText.\n")
        // Minimal templates, with inheritance and a partial, like the real ones.
        try write("templates/base.mustache", "<html><title>{{page.title}}</title><body>{{>partials/help}}{{$main}}{{/main}}</body></html>\n")
        try write("templates/partials/help.mustache", "{{#site.help_lines}}<p class=help>{{name}} {{phone}}</p>{{/site.help_lines}}")
        try write("templates/page.mustache", "{{<base}}{{$main}}<h1>{{page.title}}</h1><p>{{page.description}}</p>{{{page.content}}}{{/main}}{{/base}}\n")
        for name in ["section", "worksheet", "worksheets", "search", "404", "tool", "point", "home"] {
            try write("templates/\(name).mustache", "{{<page}}{{/page}}\n")
        }
        try write("templates/assets/site.css", "body { color: black; }\n")
        // The shipped words of every language, as `smartsite new site` copies them.
        for language in ["en", "es"] {
            try write("templates/i18n/\(language).yaml", String(decoding: try Data(contentsOf: Self.shippedWords(language)), as: UTF8.self))
        }
    }

    /// The repository's `templates/i18n/CODE.yaml`.
    public static func shippedWords(_ language: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates/i18n/\(language).yaml")
    }

    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) -> String? {
        (try? Data(contentsOf: output.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file below the output folder with its bytes, to compare builds.
    public func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in enumerator {
            if let data = try? Data(contentsOf: url), !url.hasDirectoryPath {
                files[String(url.path.dropFirst(output.path.count))] = data
            }
        }
        return files
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}
