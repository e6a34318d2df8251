import Diagnostics
import Foundation
import Markdown

/// What preview adds to the HTML it serves, and only there: never to
/// output/, so a published site has no reload script.
enum PageInjection {
    /// Where the browser listens for rebuilds (Server-Sent Events).
    static let eventsPath = "/__smartsite/events"

    /// Reloads the page on `reload`; on `css`, swaps the changed stylesheets
    /// in place (no reload, no lost scroll position). The first `hello` of a
    /// connection carries the build number: a different one after a
    /// reconnect means a rebuild was missed (or the server restarted).
    static let script = """
    <script data-smartsite-preview>
    (function () {
      var build = null;
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("hello", function (event) {
        if (build !== null && build !== event.data) location.reload();
        build = event.data;
      });
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("css", function (event) {
        var changed = JSON.parse(event.data);
        document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
          var url = new URL(link.href);
          if (!changed.some(function (path) { return url.pathname === "/" + path; })) return;
          url.searchParams.set("smartsite-reload", Date.now());
          link.href = url.href;
        });
      });
    })();
    </script>

    """

    /// Puts `html` just before `</body>`, or at the end when there is none.
    static func insert(_ html: String, into page: Data) -> Data {
        let marker = Data("</body>".utf8)
        guard let range = page.range(of: marker, options: .backwards) ?? page.range(of: Data("</BODY>".utf8), options: .backwards) else {
            return page + Data(html.utf8)
        }
        var result = page
        result.replaceSubrange(range.lowerBound..<range.lowerBound, with: Data(html.utf8))
        return result
    }

    /// The last build's errors over the page, the page of the last good build underneath.
    static func overlay(_ errors: [Diagnostic]) -> String {
        let items = errors.map { error -> String in
            var location = error.path
            if error.line > 0 { location += ":\(error.line):\(max(error.column, 1))" }
            var item = "<li><code>\(location.htmlEscaped)</code><p>\(error.message.htmlEscaped)</p>"
            if let fix = error.fix { item += "<p class=\"fix\">fix: \(fix.htmlEscaped)</p>" }
            return item + "</li>"
        }
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return """
        <div id="smartsite-error-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
        background:rgba(20,20,20,.86);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:2rem">\
        <div style="max-width:60rem;margin:0 auto;background:#2b1114;border-left:6px solid #e5484d;padding:1.25rem 1.5rem">\
        <h2 style="margin:0 0 .5rem;font-size:1.25rem;color:#ff9592">The build failed with \(count)</h2>\
        <p style="margin:0 0 1rem">The page below is from the last build that worked. Save a fix and this goes away.</p>\
        <ul style="margin:0;padding-left:1.25rem">\(items.joined())</ul></div>\
        <style>#smartsite-error-overlay code{color:#ffd479;font-size:.95rem}#smartsite-error-overlay li p{margin:.25rem 0 .75rem}\
        #smartsite-error-overlay .fix{color:#b8e0c2}</style></div>

        """
    }
}
