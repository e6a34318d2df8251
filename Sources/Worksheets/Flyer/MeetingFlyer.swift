/// The week's meetings as the printed flyer shows them, every word already
/// chosen (the site's words, in its language): what to pin on a notice board
/// in a waiting room, with the help lines and a way back to the website.
/// The build fills it from the meeting pages; the layout only places it.
public struct MeetingFlyer: Sendable, Hashable {
    /// One meeting on one day.
    public struct Entry: Sendable, Hashable {
        /// "6:30 pm".
        public var start: String
        /// "to 8:00 pm PT": the end and the time zone.
        public var end: String
        public var title: String
        /// How to join and where: "In person · Community room, Palm Springs, CA".
        public var details: String
        /// Printed with the example tag.
        public var isExample: Bool

        public init(start: String, end: String, title: String, details: String, isExample: Bool) {
            self.start = start
            self.end = end
            self.title = title
            self.details = details
            self.isExample = isExample
        }
    }

    /// A day of the week with its meetings, by start time.
    public struct Day: Sendable, Hashable {
        public var name: String
        public var entries: [Entry]

        public init(name: String, entries: [Entry]) {
            self.name = name
            self.entries = entries
        }
    }

    /// A help line of site.yaml: its name in bold, then how to reach it.
    public struct HelpLine: Sendable, Hashable {
        public var name: String
        /// ": call 988, text 988", or "" when the name says it all.
        public var ways: String

        public init(name: String, ways: String) {
            self.name = name
            self.ways = ways
        }
    }

    /// Above the title, small: the program's name.
    public var siteTitle: String
    /// The meetings page's title.
    public var title: String
    /// Under the title: "All times are Pacific Time." Nil when meetings differ.
    public var subtitle: String?
    /// Shown in a box when some meetings are examples.
    public var exampleNote: String?
    /// The tag beside an example meeting: "EXAMPLE".
    public var exampleTag: String
    /// Monday first; days without meetings left out.
    public var days: [Day]
    public var helpHeading: String
    public var helpLines: [HelpLine]
    /// The meetings page's full address: the QR code and the PDF's links.
    public var meetingsURL: String
    /// "Details, maps and calendars: example.org/meetings/".
    public var moreAt: String
    /// Where to find other meetings (SMART Recovery's own finder).
    public var officialFinder: String
    /// The not-affiliated note.
    public var disclaimer: String
    /// The PDF's title (document information).
    public var documentTitle: String
    /// Said when the schedule is too long for one page: (shown, all) → text.
    public var moreMeetings: String
    /// The language of the words (BCP 47): the PDF's /Lang.
    public var language: String

    public init(siteTitle: String, title: String, subtitle: String?, exampleNote: String?, exampleTag: String, days: [Day],
                helpHeading: String, helpLines: [HelpLine], meetingsURL: String, moreAt: String, officialFinder: String,
                disclaimer: String, documentTitle: String, moreMeetings: String, language: String) {
        self.siteTitle = siteTitle
        self.title = title
        self.subtitle = subtitle
        self.exampleNote = exampleNote
        self.exampleTag = exampleTag
        self.days = days
        self.helpHeading = helpHeading
        self.helpLines = helpLines
        self.meetingsURL = meetingsURL
        self.moreAt = moreAt
        self.officialFinder = officialFinder
        self.disclaimer = disclaimer
        self.documentTitle = documentTitle
        self.moreMeetings = moreMeetings
        self.language = language
    }

    /// An address as people type it: without `https://`.
    public static func typed(_ url: String) -> String {
        url.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
    }
}
