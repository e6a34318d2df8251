import DerivedFiles

/// Which worksheets share a Ghostscript process.
///
/// Two groups, one per core: a cold build runs two gs processes side by
/// side. A worksheet's group follows from its slug alone (SHA-256), so adding
/// or removing a worksheet never moves the others, and a group whose
/// PostScript did not change is reused from the previous output as a whole.
/// An edit re-distils only its own group: that is the price of PDFs whose
/// bytes do not depend on what else happened to change (see Ghostscript).
enum DistillingGroups {
    static let count = 2

    /// Indexes of `slugs`, grouped; groups in order, members in slug order.
    static func assign(_ slugs: [String]) -> [[Int]] {
        var groups = Array(repeating: [Int](), count: count)
        for (index, slug) in slugs.enumerated() {
            var hasher = SHA256()
            hasher.update(slug)
            groups[Int(hasher.finalize()[0]) % count].append(index)
        }
        return groups.map { $0.sorted { slugs[$0] < slugs[$1] } }.filter { !$0.isEmpty }
    }
}
