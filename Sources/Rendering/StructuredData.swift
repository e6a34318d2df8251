import Content

/// schema.org JSON-LD, so search engines can show a provider's name,
/// address and phone number.
enum StructuredData {
    static func provider(_ provider: Provider, url: String) -> String {
        let hasAddress = provider.street != nil || provider.city != nil || provider.region != nil
        let address: String? = hasAddress ? JSONText.object([
            ("@type", JSONText.string("PostalAddress")),
            ("streetAddress", provider.street.map(JSONText.string)),
            ("addressLocality", provider.city.map(JSONText.string)),
            ("addressRegion", provider.region.map(JSONText.string)),
            ("postalCode", provider.postalCode.map(JSONText.string)),
            ("addressCountry", provider.country.map(JSONText.string)),
        ]) : nil
        return JSONText.object([
            ("@context", JSONText.string("https://schema.org")),
            ("@type", JSONText.string("MedicalOrganization")),
            ("name", JSONText.string(provider.name)),
            ("url", JSONText.string(provider.website ?? url)),
            ("telephone", provider.phone.map(JSONText.string)),
            ("address", address),
        ])
    }
}
