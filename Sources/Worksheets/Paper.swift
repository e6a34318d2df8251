import PostScript

/// The paper sizes every worksheet is made for.
public enum Paper: String, CaseIterable, Sendable, Hashable {
    case letter
    case a4

    public var pageSize: PageSize {
        switch self {
        case .letter: return .letter
        case .a4: return .a4
        }
    }
}
