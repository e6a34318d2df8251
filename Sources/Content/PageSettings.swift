/// The front matter of a page. One type for every kind; which keys a kind
/// may use is checked separately (`PageKind.knownKeys`), so a misplaced key
/// is a warning that names the right place rather than a decoding failure.
public struct PageSettings: Sendable, Decodable {
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

    enum CodingKeys: String, CodingKey {
        case title, description, order, layout, draft, toc, point, points, worksheet
        case shortTitle = "short_title"
    }
}

/// A treatment provider, from the front matter of a page in `providers/`.
/// A center adds itself with one Markdown file; nothing else changes.
public struct Provider: Sendable, Decodable, Hashable {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, street, city, region, country, phone, website, services
        case postalCode = "postal_code"
        case insuranceVerification = "insurance_verification"
        case levelsOfCare = "levels_of_care"
        case smartRole = "smart_role"
    }

    static let keys = CodingKeys.allCases.map(\.rawValue)

    /// `tel:` wants digits only (and a leading +), whatever the page shows.
    public var telephoneURL: String? {
        guard let phone else { return nil }
        let digits = phone.filter { $0.isNumber || $0 == "+" }
        return digits.isEmpty ? nil : "tel:" + digits
    }
}
