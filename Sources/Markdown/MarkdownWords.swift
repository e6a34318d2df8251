/// The words the Markdown renderer itself puts on a page, in the page's
/// language: a callout box's heading when it has no title of its own and what
/// a screen reader announces for it ("Nota", "Aviso"), and the name a screen
/// reader gives a table with no caption. A site gives them per language from
/// `templates/i18n/` (callout_note, callout_tip, callout_warning, table); the
/// English ones are for Markdown rendered without a site (tests, fuzzing).
public struct MarkdownWords: Sendable, Equatable {
    public var note: String
    public var tip: String
    public var warning: String
    public var table: String

    public init(note: String, tip: String, warning: String, table: String) {
        self.note = note
        self.tip = tip
        self.warning = warning
        self.table = table
    }

    public static let english = MarkdownWords(note: "Note", tip: "Tip", warning: "Warning", table: "Table")

    /// The label of a kind the callout directive knows (note, tip, warning).
    func callout(_ kind: String) -> String {
        switch kind {
        case "tip": return tip
        case "warning": return warning
        default: return note
        }
    }
}
