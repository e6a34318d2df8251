import Diagnostics
import SourceFiles

/// The front matter of a page. One type for every kind; which keys a kind
/// may use is checked separately (`PageKind.knownKeys`), so a misplaced key
/// is a warning that names the right place rather than a decoding failure.
public struct PageSettings: Sendable {
    public var title: String?
    public var description: String?
    public var order: Int?
    public var layout: String?
    public var draft: Bool?
    public var toc: Bool?
    /// A shorter title for menus, breadcrumbs and previous/next links.
    public var shortTitle: String?
    /// Point pages: which point (1 to 4).
    public var point: Int?
    /// Tool pages: the points the tool serves.
    public var points: [Int]?
    /// Tool pages: the slug of the printable worksheet in content/worksheets/.
    public var worksheet: String?
    /// When a person last checked the page's health facts, `YYYY-MM-DD`.
    public var reviewed: ReviewDate?
    /// A translated page: its own last part of the address (`registro-de-impulsos`).
    public var slug: String?
    /// A translated page: the original's path below content/, when it is not the same path.
    public var translationOf: String?
    /// A translated page: the original's content hash when it was translated
    /// (`smartsite translated` writes it), to tell when the original changed since.
    public var translatedFrom: String?

    /// The settings only a page of another language than the default has.
    public static let translationKeys = ["slug", "translation_of", "translated_from"]
    /// A photo for the page (below content/, from the page's folder, as in
    /// a link): its social-media picture (`og:image`) and, on the home page,
    /// the opening's photo. `image_alt` says what it shows.
    public var image: String?
    public var imageAlt: String?
    /// The line of `image:`, for the error when the file is missing.
    public var imageLine = 0
    /// The line of `translation_of:`, for the error when it names no page.
    public var translationOfLine = 0
    /// The line of `slug:`, for the error when two pages get one address.
    public var slugLine = 0

    public init(_ settings: SettingsReader) throws(Diagnostic) {
        title = try settings.string("title")
        description = try settings.string("description")
        order = try settings.int("order")
        layout = try settings.string("layout")
        draft = try settings.bool("draft")
        toc = try settings.bool("toc")
        shortTitle = try settings.string("short_title")
        point = try settings.int("point")
        points = try settings.ints("points")
        worksheet = try settings.string("worksheet")
        reviewed = try ReviewDate(settings)
        slug = try settings.string("slug")
        translationOf = try settings.string("translation_of")
        translatedFrom = try settings.string("translated_from")
        image = try settings.string("image")
        imageAlt = try settings.string("image_alt")
        if image != nil { imageLine = settings.line(of: "image") }
        if translationOf != nil { translationOfLine = settings.line(of: "translation_of") }
        if slug != nil { slugLine = settings.line(of: "slug") }
    }
}

/// A treatment provider, from the front matter of a page in `providers/`.
/// A center adds itself with one Markdown file; nothing else changes.
public struct Provider: Sendable, Hashable {
    public var name: String
    public var street: String?
    public var city: String?
    public var region: String?
    public var postalCode: String?
    public var country: String?
    /// As people dial it, e.g. `(888) 979-4570`.
    public var phone: String?
    public var website: String?
    public var insuranceVerification: String?
    public var services: [String]?
    public var levelsOfCare: [String]?
    /// One sentence: how SMART Recovery fits into their care.
    public var smartRole: String?

    static let keys = ["name", "street", "city", "region", "postal_code", "country", "phone", "website",
                       "insurance_verification", "services", "levels_of_care", "smart_role"]

    public init(_ settings: SettingsReader) throws(Diagnostic) {
        name = try settings.requiredString("name", what: "a provider page")
        street = try settings.string("street")
        city = try settings.string("city")
        region = try settings.string("region")
        postalCode = try settings.string("postal_code")
        country = try settings.string("country")
        phone = try settings.string("phone")
        website = try settings.address("website")
        insuranceVerification = try settings.address("insurance_verification")
        services = try settings.strings("services")
        levelsOfCare = try settings.strings("levels_of_care")
        smartRole = try settings.string("smart_role")
    }

    public var telephoneURL: String? { phone.flatMap { PhoneNumber.link("tel", $0) } }
}
