import Content

/// A provider page's values: the provider's details, and the same as
/// structured data for search engines.
struct ProviderView: TemplateView {
    enum Key: String, CaseIterable {
        case provider
        case jsonLD = "json_ld"
        case meetings
        case hasMeetings = "has_meetings"
    }

    static let hosted = Reading(.meetingsHosted, shows: MeetingView.shows)
    static let readings = [hosted]

    let frame: PageFrame
    let page: Page

    func value(_ key: Key) -> (any Sendable)? {
        guard let provider = page.provider else { return nil }
        switch key {
        case .provider: return ProviderDetailsView(page: page)
        case .jsonLD: return StructuredData.provider(provider, url: frame.site.site.config.address(of: page.urlPath))
        case .meetings: return frame.site.pages(Self.hosted, of: page).map { MeetingView(page: $0, frame: frame) }
        case .hasMeetings: return !frame.site.pages(Self.hosted, of: page).isEmpty
        }
    }
}

/// `provider`: how to reach a treatment provider and what it offers.
struct ProviderDetailsView: TemplateView {
    enum Key: String, CaseIterable {
        case name, address
        case hasAddress = "has_address"
        case phone
        case phoneURL = "phone_url"
        case website
        case insuranceVerification = "insurance_verification"
        case services
        case hasServices = "has_services"
        case levelsOfCare = "levels_of_care"
        case hasLevelsOfCare = "has_levels_of_care"
        case smartRole = "smart_role"
    }

    /// The page, not a copy of its provider: one reference to hold.
    let page: Page

    func value(_ key: Key) -> (any Sendable)? {
        guard let provider = page.provider else { return nil }
        switch key {
        case .name: return provider.name
        case .address: return Self.addressLines(provider)
        case .hasAddress: return !Self.addressLines(provider).isEmpty
        case .phone: return provider.phone
        case .phoneURL: return provider.telephoneURL
        case .website: return provider.website
        case .insuranceVerification: return provider.insuranceVerification
        case .services: return provider.services ?? []
        case .hasServices: return !(provider.services ?? []).isEmpty
        case .levelsOfCare: return provider.levelsOfCare ?? []
        case .hasLevelsOfCare: return !(provider.levelsOfCare ?? []).isEmpty
        case .smartRole: return provider.smartRole
        }
    }

    /// The street, then city, region and postal code on one line.
    private static func addressLines(_ provider: Provider) -> [String] {
        // The US form: "Portland, OR 97201" (no comma before the postal code).
        let regionAndCode = [provider.region, provider.postalCode].compactMap { $0 }.joined(separator: " ")
        let locality = [provider.city, regionAndCode.isEmpty ? nil : regionAndCode].compactMap { $0 }.joined(separator: ", ")
        return [provider.street, locality.isEmpty ? nil : locality].compactMap { $0 }
    }
}
