/// `care:` in site.yaml: how `smartsite check` looks after the people who
/// read the site. Every key is optional; the defaults suit a US recovery site.
///
///     care:
///       reading_grade: 8            # warn above this grade
///       health_pages: [help-now.md, program/]   # must carry `reviewed:`
///       words:                      # added to the person-first word list
///         - word: ex-offender
///           suggest: person who was in prison
///       names: [Alcoholics Anonymous]   # organisation names the word list leaves alone
public struct CareSettings: Sendable, Decodable, Hashable {
    /// Pages above this reading grade get a warning. Health-literacy guidance
    /// (e.g. the US National Institutes of Health and the AMA) advises
    /// writing health information at or below grade 8.
    public var readingGrade: Double
    /// Content paths (a file, or a folder ending in `/`) of pages that give
    /// health or safety information, and so must say when they were reviewed.
    public var healthPages: [String]
    /// Words the site adds to the built-in person-first list.
    public var words: [WordAdvice]
    /// Names of organisations and books, left alone by the word list (the
    /// National Institute on Drug Abuse keeps its name).
    public var names: [String]
    /// A `reviewed:` date older than this many days is a warning.
    public var reviewedWithinDays: Int

    public struct WordAdvice: Sendable, Decodable, Hashable {
        /// A word or a phrase, matched as whole words, any case.
        public var word: String
        public var suggest: String

        public init(word: String, suggest: String) {
            self.word = word
            self.suggest = suggest
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case words, names
        case readingGrade = "reading_grade"
        case healthPages = "health_pages"
        case reviewedWithinDays = "reviewed_within_days"
    }

    public init() {
        readingGrade = 8
        healthPages = []
        words = []
        names = []
        reviewedWithinDays = 365
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        readingGrade = try container.decodeIfPresent(Double.self, forKey: .readingGrade) ?? 8
        healthPages = try container.decodeIfPresent([String].self, forKey: .healthPages) ?? []
        words = try container.decodeIfPresent([WordAdvice].self, forKey: .words) ?? []
        names = try container.decodeIfPresent([String].self, forKey: .names) ?? []
        reviewedWithinDays = try container.decodeIfPresent(Int.self, forKey: .reviewedWithinDays) ?? 365
    }

    /// Whether a page (by content path) is one of the health pages.
    public func isHealthPage(_ contentPath: String) -> Bool {
        healthPages.contains { entry in
            entry.hasSuffix("/") ? contentPath.hasPrefix(entry) : contentPath == entry
        }
    }
}
