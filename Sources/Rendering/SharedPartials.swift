#if canImport(Glibc)
import Glibc
#endif
import Mustache
import Synchronization

/// The partials that come out the same on every page of a language at one
/// depth: the help bar, the footer and the sidebar read only `site`,
/// `words`, `root` and `site_root`, yet were about half of the names
/// looked up on every page. Each such partial is rendered once per language
/// and depth and the text pasted into the pages after that. A partial may
/// also show the few page values that take only a handful of values across
/// a site (``keyedByPage``: the header's `is_home` and `menu`, whose
/// current entry changes by section); it is then rendered once per depth
/// and combination of those, and pasted wherever they are the same.
///
/// Which partials qualify is worked out from the templates' tags, so a
/// program's own templates get the same: a partial qualifies when
/// - every name it (and each partial it includes) shows outside its
///   sections is one of those four or of ``keyedByPage``;
/// - a name inside one of its sections that is not one of them either
///   belongs to the section's items or, when an item lacks it, falls
///   through to the page; the page is asked, and when it has such a name
///   (a page of a new kind with a value called `phone`), that page renders
///   the partial itself;
/// - it has no blocks, parents, dynamic partials, transforms, `{{.}}` or
///   changed delimiters;
/// - it is never included inside a `{{#section}}` (whose value would answer
///   its names first) or after spaces on its line (swift-mustache may indent
///   each of its lines by them), nor from a template that itself is.
///
/// In the library the partial's name then leads to a stand-in, one value
/// (`SharedPartials.Part.key`) printed as it is, which the page's top-level
/// view answers with the text (`TopLevelView.child(named:)`).
struct SharedPartials: Sendable {
    /// The names whose values are the same on every page of one language at one depth.
    static let sameAtOneDepth: Set<String> = ["site", "words", "root", "site_root"]

    /// Page values a shared partial may show, each with what tells its
    /// values on a page apart (with `root` and `site_root`, which every text
    /// is kept by already): nil when the value is the page's own, so that
    /// page renders the partial itself.
    /// - `menu`: each entry's link is `site_root` and its page, so only
    ///   which entries are current differs;
    /// - `languages`: links to the page itself in the other languages, a
    ///   different text on every page that has them, so not shared there.
    static let keyedByPage: [String: @Sendable (TopLevelView) -> String?] = [
        "is_home": { $0.isHome ? "home" : "" },
        "menu": { view in String(view.frame.site.menu.map { MenuEntryView(entry: $0, frame: view.frame).isCurrent ? "1" : "0" }) },
        "languages": { view in LanguageLinkView.list(for: view.frame).isEmpty ? "" : nil },
    ]

    struct Part: Sendable {
        /// As templates name it, e.g. `partials/help-bar`.
        let name: String
        /// The name its stand-in asks for, which no view has.
        let key: String
        /// The partial as written.
        let original: MustacheTemplate
        /// The names its sections may look up on the page (see above).
        let fallThrough: [String]
        /// The names of ``keyedByPage`` it shows.
        let keyedBy: [String]
    }

    /// What a qualifying partial reads of the page.
    struct Names: Equatable {
        /// Names inside its sections that a section's item may lack.
        var fallThrough: Set<String> = []
        /// Names of ``keyedByPage`` shown outside sections.
        var keyedBy: Set<String> = []
    }

    /// By key.
    let parts: [String: Part]

    static let none = SharedPartials(parts: [:])

    /// What the stand-in asks for begins with this.
    static let keyPrefix = "smartsite-shared-"

    /// SMARTSITE_NO_SHARED_PARTIALS=1 renders every partial on every page,
    /// to measure this against the plain way (bench/PROFILING.md) and to
    /// check that both make the same bytes (CommandLineTests).
    static let switchedOn = getenv("SMARTSITE_NO_SHARED_PARTIALS") == nil

    /// Replaces each qualifying partial in `library` by its stand-in.
    static func install(in library: inout MustacheLibrary, templates: [String: TemplateChecks.Template],
                        delimitersChanged: Set<String>) -> SharedPartials {
        guard switchedOn else { return .none }
        AsIsContentType.register()
        var parts: [String: Part] = [:]
        let found = Analysis(templates: templates, delimitersChanged: delimitersChanged).sharedPartials()
        for (index, (name, names)) in found.sorted(by: { $0.key < $1.key }).enumerated() {
            let key = keyPrefix + String(index)
            guard let original = library.getTemplate(named: name),
                  let standIn = try? MustacheTemplate(string: "{{% CONTENT_TYPE: \(AsIsContentType.name) }}{{\(key)}}")
            else { continue }
            library.register(standIn, named: name)
            parts[key] = Part(name: name, key: key, original: original, fallThrough: names.fallThrough.sorted(),
                              keyedBy: names.keyedBy.sorted())
        }
        return SharedPartials(parts: parts)
    }

    /// The reading of the templates' tags described above.
    struct Analysis {
        let templates: [String: TemplateChecks.Template]
        let delimitersChanged: Set<String>

        /// The qualifying partials, with what they read of the page.
        func sharedPartials() -> [String: Names] {
            var uses: [String: [(user: String, clean: Bool)]] = [:]
            // A dynamic partial or a template read only up to a `{{=` may include any template.
            var anyTemplateUse: [(user: String, clean: Bool)] = delimitersChanged.map { ($0, false) }
            for (user, template) in templates {
                for tag in template.tags {
                    let clean = !tag.indented && !tag.enclosedBy.contains("#") && !tag.enclosedBy.contains("<")
                    switch tag.kind {
                    case .partial(dynamic: false), .parent: uses[tag.name, default: []].append((user, clean))
                    case .partial(dynamic: true): anyTemplateUse.append((user, clean))
                    default: break
                    }
                }
            }
            var cleanness: [String: Bool] = [:]
            func isClean(_ name: String, visiting: Set<String> = []) -> Bool {
                if let known = cleanness[name] { return known }
                guard !visiting.contains(name) else { return false }
                let all = (uses[name] ?? []) + anyTemplateUse
                let clean = all.allSatisfy { $0.clean && isClean($0.user, visiting: visiting.union([name])) }
                cleanness[name] = clean
                return clean
            }
            var found: [String: Names] = [:]
            let includedAsPartials = templates.flatMap(\.value.tags).compactMap { tag -> String? in
                if case .partial(dynamic: false) = tag.kind { return tag.name }
                return nil
            }
            for name in Set(includedAsPartials) where isClean(name) {
                if let names = names(of: name, insideSection: false, visiting: []) { found[name] = names }
            }
            return found
        }

        /// What a template included at this point reads of the page, or
        /// nil when it shows something a page has of its own.
        func names(of name: String, insideSection: Bool, visiting: Set<String>) -> Names? {
            guard let template = templates[name], !delimitersChanged.contains(name), !visiting.contains(name) else { return nil }
            var names = Names()
            for tag in template.tags {
                let inside = insideSection || tag.enclosedBy.contains("#") || tag.enclosedBy.contains("^")
                switch tag.kind {
                case .parent, .block, .partial(dynamic: true): return nil
                case .partial(dynamic: false):
                    guard let included = self.names(of: tag.name, insideSection: inside, visiting: visiting.union([name])) else { return nil }
                    names.fallThrough.formUnion(included.fallThrough)
                    names.keyedBy.formUnion(included.keyedBy)
                case .value, .section:
                    // `{{.}}` and `{{.name}}` read the current value, which is the page
                    // outside a section, and inside one over `true` or an inverted one.
                    if tag.name.contains("(") || tag.name.hasPrefix(".") { return nil }
                    let first = String(tag.name.split(separator: ".").first ?? "")
                    if first.isEmpty || SharedPartials.sameAtOneDepth.contains(first) { continue }
                    // Inside a section an item may have a name of its own called `menu`.
                    if !inside, SharedPartials.keyedByPage[first] != nil {
                        names.keyedBy.insert(first)
                        continue
                    }
                    guard inside else { return nil }
                    names.fallThrough.insert(first)
                case .other: continue
                }
            }
            return names
        }
    }
}

/// The stand-in's value is HTML already: printed as it is.
struct AsIsContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text }

    static let name = "smartsite-as-is"

    static func register() {
        MustacheContentTypes.register(AsIsContentType(), named: name)
    }
}

/// The texts of one language's shared partials, by depth: made by the first
/// page that needs one and read by every page after it. Pages render on
/// several threads; two that make the same text at once make the same
/// bytes, and either is kept.
final class SharedPartialTexts: Sendable {
    let partials: SharedPartials
    let library: MustacheLibrary
    private let texts = Mutex<[String: TemplateText]>([:])

    init(partials: SharedPartials, library: MustacheLibrary) {
        self.partials = partials
        self.library = library
    }

    /// What the stand-in `key` shows on the page `view` is the top of:
    /// the text, or the partial itself for a page that answers one of its
    /// fall-through names or has a page value of its own (it is rendered for
    /// that page alone).
    func value(of key: String, for view: TopLevelView) -> Any? {
        guard let part = partials.parts[key] else { return nil }
        if part.fallThrough.contains(where: { view.child(named: $0) != nil }) { return part.original }
        var place = key + "\u{0}" + view.frame.root + "\u{0}" + view.frame.siteRoot
        for name in part.keyedBy {
            guard let value = SharedPartials.keyedByPage[name]?(view) else { return part.original }
            place += "\u{0}" + value
        }
        if let text = texts.withLock({ $0[place] }) { return text }
        let text = TemplateText(part.original.render(view, library: library))
        texts.withLock { $0[place] = text }
        return text
    }
}
