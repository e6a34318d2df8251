import Content
import Diagnostics
import Markdown

/// What is checked in the templates when they load, before any page is
/// rendered: swift-mustache itself renders a missing partial or an unknown
/// name as nothing, and follows a partial that includes itself until the
/// program runs out of stack and crashes.
struct TemplateChecks {
    struct Template {
        /// As messages name it, e.g. `templates/partials/footer.mustache`.
        var path: String
        var tags: [TemplateTag]
    }

    /// By template name (`partials/footer`).
    var templates: [String: Template]
    /// Templates with a syntax error: reported once already, and not again
    /// as missing by every template that uses them.
    var broken: Set<String>

    func run() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (_, template) in templates.sorted(by: { $0.key < $1.key }) {
            diagnostics += missingPartials(in: template) + unknownNames(in: template)
        }
        return diagnostics + includeCycles()
    }

    /// `{{>partials/fotter}}` names no template: an error, with the closest name.
    func missingPartials(in template: Template) -> [Diagnostic] {
        let known = Set(templates.keys).union(broken)
        return template.tags.compactMap { tag in
            switch tag.kind {
            case .partial(dynamic: false), .parent: break
            default: return nil
            }
            guard !tag.name.isEmpty, !known.contains(tag.name) else { return nil }
            let suggestion = closestName(to: tag.name, in: known.sorted())
            return .error(template.path, line: tag.line, column: tag.column, "there is no template named '\(tag.name)'",
                          fix: suggestion.map { "did you mean '\($0)'?" } ?? "create templates/\(tag.name).mustache")
        }
    }

    /// `{{page.titel}}`: a warning, since the page still builds (with an
    /// empty spot where the value should be).
    func unknownNames(in template: Template) -> [Diagnostic] {
        template.tags.compactMap { tag in
            switch tag.kind {
            case .value, .section, .partial(dynamic: true): break
            default: return nil
            }
            let name = Self.valueName(tag.name)
            guard !name.isEmpty, name != "." else { return nil }
            let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
            // `words.KEY` is checked against the strings files once they are read (WordsView.unknownKeys).
            if parts.first == "words" { return nil }
            // After `page.` or `site.` only their own names; elsewhere any name some value has.
            func known(at index: Int) -> Set<String> {
                if index > 0, let children = TemplateNames.children[parts[index - 1]] { return children }
                return TemplateNames.values
            }
            guard let unknown = parts.indices.first(where: { !known(at: $0).contains(parts[$0]) && !TemplateNames.mustache.contains(parts[$0]) })
            else { return nil }
            var suggestion = parts
            let closest = closestName(to: parts[unknown], in: known(at: unknown).sorted())
            if let closest { suggestion[unknown] = closest }
            return .warning(template.path, line: tag.line, column: tag.column,
                            "no page has a value named '\(name)', so this prints nothing",
                            fix: closest.map { _ in "did you mean '\(suggestion.joined(separator: "."))'?" }
                                ?? "the names a template can use are listed in docs/templates.md")
        }
    }

    /// `uppercased(page.title)` → `page.title`; `first()` → ``; `.title` → `title`.
    static func valueName(_ written: String) -> String {
        var name = Substring(written)
        while let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        while name.hasPrefix("."), name.count > 1 { name = name.dropFirst() }
        return String(name)
    }

    /// Templates that include themselves, directly or through others. A
    /// dynamic partial (`{{>*page.kind}}`) may name any of the page-kind
    /// templates, so it counts as including each of them.
    func includeCycles() -> [Diagnostic] {
        let kindTemplates = PageKind.allCases.map(\.defaultTemplate).filter { templates[$0] != nil }
        // name → [(included name, the tag that includes it)]
        var edges: [String: [(to: String, tag: TemplateTag)]] = [:]
        for (name, template) in templates {
            for tag in template.tags {
                switch tag.kind {
                case .partial(dynamic: false), .parent:
                    if templates[tag.name] != nil { edges[name, default: []].append((tag.name, tag)) }
                case .partial(dynamic: true):
                    edges[name, default: []] += kindTemplates.map { ($0, tag) }
                default:
                    break
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        var reported: Set<[String]> = []
        var finished: Set<String> = []
        // Depth-first, without recursion: template sets are small, but a
        // generated one must not be able to exhaust the stack here either.
        for start in templates.keys.sorted() where !finished.contains(start) {
            var path: [(name: String, next: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            while let top = path.last {
                let outgoing = edges[top.name] ?? []
                guard top.next < outgoing.count else {
                    finished.insert(top.name)
                    onPath.remove(top.name)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let target = outgoing[top.next].to
                if onPath.contains(target) {
                    guard let first = path.firstIndex(where: { $0.name == target }) else { continue }
                    let cycle = path[first...].map(\.name)
                    let key = Self.canonical(cycle)
                    if reported.insert(key).inserted {
                        diagnostics.append(describe(cycle: Array(path[first...]), edges: edges))
                    }
                } else if !finished.contains(target) {
                    path.append((target, 0))
                    onPath.insert(target)
                }
            }
        }
        return diagnostics
    }

    /// The same cycle found from another of its templates is the same problem.
    private static func canonical(_ cycle: [String]) -> [String] {
        guard let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[smallest...] + cycle[..<smallest])
    }

    /// `a` includes `b` (at a's line), which includes `a` (at b's line).
    private func describe(cycle: [(name: String, next: Int)], edges: [String: [(to: String, tag: TemplateTag)]]) -> Diagnostic {
        var steps: [String] = []
        var firstTag: TemplateTag?
        for (position, step) in cycle.enumerated() {
            // `next` was moved past the edge the walk took.
            guard let edge = edges[step.name].flatMap({ step.next - 1 < $0.count ? $0[step.next - 1] : nil }) else { continue }
            if position == 0 { firstTag = edge.tag }
            let place = templates[step.name].map { "\($0.path):\(edge.tag.line)" } ?? step.name
            steps.append("'\(step.name)' includes '\(edge.to)' (\(place))")
        }
        let first = cycle.first?.name ?? ""
        let message = cycle.count == 1
            ? "this template includes itself, which would never end (\(steps.joined()))"
            : "these templates include each other in a circle, which would never end: " + steps.joined(separator: ", ")
        return .error(templates[first]?.path ?? first, line: firstTag?.line ?? 0, column: firstTag?.column ?? 0, message,
                      fix: "remove one of these {{>...}} or {{<...}} tags, or move the shared part into a partial of its own")
    }
}
