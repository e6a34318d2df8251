import PostScript

/// The paper sizes every worksheet is made for.
public enum Paper: String, CaseIterable, Sendable, Hashable, Comparable {
    case letter
    case a4

    public var pageSize: PageSize {
        switch self {
        case .letter: return .letter
        case .a4: return .a4
        }
    }

    public static func < (a: Paper, b: Paper) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
