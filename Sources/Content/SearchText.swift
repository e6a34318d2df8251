import Markdown

/// How much of a page's text the search index (`search.json`) keeps.
///
/// Up to 3,000 bytes of each page's text; on a large site less, so the whole
/// index stays near `indexBudget` (a phone downloads and parses all of it
/// before the first search): 10,000 pages get 400 bytes each, the opening of
/// the page, which is where its subject is named.
///
/// In Content, not in the search index's own file, because loading clips
/// each page's text as soon as it can (``Site/load(contentRoot:displayRoot:options:)``):
/// on a site of 100,000 pages the whole text of every page would be
/// 400 MB held until the index is written, for 40 MB that it uses.
public enum SearchText {
    public static let largestLimit = 3000
    static let smallestLimit = 400
    static let indexBudget = 4_000_000

    /// The bytes of text each page gets on a site of `pageCount` pages. The
    /// more pages, the fewer bytes (never more than on a smaller site), which
    /// is what lets loading clip early: the site has at least as many pages
    /// as it has loaded so far.
    public static func limit(pageCount: Int) -> Int {
        min(largestLimit, max(smallestLimit, indexBudget / max(pageCount, 1)))
    }

    /// Folds runs of white space into one space and keeps the first `limit`
    /// bytes, cut at a word (``FoldedText``; loading folds the renderer's
    /// bytes in place instead). Clipping an already clipped text to the
    /// same or a smaller limit gives what clipping the whole text would, so
    /// the index can clip again what loading clipped.
    public static func clip(_ text: String, limit: Int) -> String {
        var text = text
        return text.withUTF8 { FoldedText.make($0, limit: limit) }
    }
}
