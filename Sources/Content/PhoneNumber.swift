/// Phone numbers as people write them, turned into `tel:` and `sms:` links.
public enum PhoneNumber {
    /// `(888) 979-4570` → `8889794570`: links want digits (and a leading +)
    /// only, whatever the page shows.
    public static func dialable(_ number: String) -> String {
        number.filter { $0.isNumber || $0 == "+" }
    }

    /// A link with that scheme, or nil when the number has no digits.
    public static func link(_ scheme: String, _ number: String) -> String? {
        let digits = dialable(number)
        return digits.isEmpty ? nil : scheme + ":" + digits
    }
}
