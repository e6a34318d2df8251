/// A form field widget placed on a page.
struct FormWidget {
    enum Kind {
        case text(multiline: Bool, fontSize: Double)
        case checkBox
        /// One button of the radio group `name`; `value` names its on state.
        case radio(value: String)
    }

    var name: String
    var kind: Kind
    var rect: Rect
    var tooltip: String?

    static func sizeKey(_ width: Double) -> Int { Int((width * 100).rounded()) }
}

/// PDF field names are hierarchical: `urge_log.row3.trigger` is a field
/// `trigger` whose parent is `row3`, whose parent is `urge_log`; a period may
/// not appear inside one part. This builds the non-terminal parent fields
/// (plain dictionaries made with pdfmark /OBJ) and says where each widget
/// hangs.
struct FieldTree {
    struct Node {
        var partialName: String
        var objectName: String
        var parent: String?
        var isRadioGroup = false
    }

    /// Non-terminal nodes in creation order, parents before children.
    private(set) var nodes: [Node] = []
    private var byPath: [String: String] = [:]
    private(set) var warnings: [String] = []

    init(widgets: [FormWidget]) {
        var terminals: Set<String> = []
        var radioGroups: Set<String> = []
        for widget in widgets {
            var parts = Self.parts(of: widget.name)
            if case .radio = widget.kind {
                // The group is a field of its own; its buttons are its kids.
                parts.append("")
                radioGroups.insert(parts.dropLast().joined(separator: "."))
            } else {
                terminals.insert(parts.joined(separator: "."))
            }
            var path = ""
            var parent: String?
            for part in parts.dropLast() {
                path += (path.isEmpty ? "" : ".") + part
                if let existing = byPath[path] {
                    parent = existing
                    continue
                }
                let object = "SSNode\(nodes.count + 1)"
                nodes.append(Node(partialName: part, objectName: object, parent: parent))
                byPath[path] = object
                parent = object
            }
        }
        for (i, node) in nodes.enumerated() where radioGroups.contains(path(of: node)) {
            nodes[i].isRadioGroup = true
        }
        for path in byPath.keys.sorted() where terminals.contains(path) {
            warnings.append("the form field name '\(path)' is both a field and a group of fields; a viewer may fill them wrongly")
        }
    }

    private func path(of node: Node) -> String {
        var parts = [node.partialName]
        var parent = node.parent
        while let p = parent, let up = nodes.first(where: { $0.objectName == p }) {
            parts.insert(up.partialName, at: 0)
            parent = up.parent
        }
        return parts.joined(separator: ".")
    }

    /// The parts of a name; empty parts (from "a..b" or a trailing dot) become "_".
    static func parts(of name: String) -> [String] {
        name.split(separator: ".", omittingEmptySubsequences: false).map { $0.isEmpty ? "_" : String($0) }
    }

    /// The parent node's object name for a full field name, if it has one.
    func parent(of widget: FormWidget) -> String? {
        if case .radio = widget.kind { return byPath[Self.parts(of: widget.name).joined(separator: ".")] }
        let parts = Self.parts(of: widget.name)
        guard parts.count > 1 else { return nil }
        return byPath[parts.dropLast().joined(separator: ".")]
    }

    /// pdfmarks that create the nodes and hang the top ones into the form.
    func setupMarks() -> [String] {
        var lines: [String] = []
        for node in nodes {
            lines.append("[ /_objdef {\(node.objectName)} /type /dict /OBJ pdfmark")
            lines.append("[ /_objdef {\(node.objectName)K} /type /array /OBJ pdfmark")
            var put = "[ {\(node.objectName)} << /T \(Literal.pdfText(node.partialName)) /Kids {\(node.objectName)K}"
            if let parent = node.parent { put += " /Parent {\(parent)}" }
            if node.isRadioGroup { put += " /FT /Btn /Ff 49152 /V /Off" }
            lines.append(put + " >> /PUT pdfmark")
            lines.append("[ {\(node.parent.map { $0 + "K" } ?? "SSFields")} {\(node.objectName)} /APPEND pdfmark")
        }
        return lines
    }

    /// The /ANN pdfmark of one widget, and its place in the hierarchy.
    func marks(for widget: FormWidget, objectName: String) -> [String] {
        let n = Literal.number
        let r = widget.rect
        let parent = self.parent(of: widget)
        var mark = "[ /_objdef {\(objectName)} /Subtype /Widget"
        if case .radio = widget.kind {} else { mark += " /T \(Literal.pdfText(Self.parts(of: widget.name).last ?? "_"))" }
        if let parent { mark += " /Parent {\(parent)}" }
        if let tooltip = widget.tooltip, !tooltip.isEmpty { mark += "\n  /TU \(Literal.pdfText(tooltip))" }
        mark += "\n  /Rect [\(n(r.x)) \(n(r.y)) \(n(r.maxX)) \(n(r.maxY))] /F 4"
        switch widget.kind {
        case let .text(multiline, fontSize):
            let size = "\(FormWidget.sizeKey(r.width))x\(FormWidget.sizeKey(r.height))"
            mark += " /FT /Tx /Ff \(multiline ? 4096 : 0) /DA (/Helv \(n(fontSize)) Tf 0 g) /MK << >>"
            mark += "\n  /AP << /N {SSText\(size)} >> /ANN pdfmark"
        case .checkBox:
            let key = FormWidget.sizeKey(r.width)
            mark += " /FT /Btn /V /Off /AS /Off /DA (/ZaDb 0 Tf 0 g) /MK << /CA (4) >>"
            mark += "\n  /AP << /N << /Yes {SSCheckOn\(key)} /Off {SSCheckOff\(key)} >> >> /ANN pdfmark"
        case let .radio(value):
            let key = FormWidget.sizeKey(r.width)
            mark += " /AS /Off /DA (/ZaDb 0 Tf 0 g) /MK << /CA (l) >>"
            mark += "\n  /AP << /N << \(Literal.name(value)) {SSRadioOn\(key)} /Off {SSCheckOff\(key)} >> >> /ANN pdfmark"
        }
        return [mark, "[ {\(parent.map { $0 + "K" } ?? "SSFields")} {\(objectName)} /APPEND pdfmark"]
    }
}
