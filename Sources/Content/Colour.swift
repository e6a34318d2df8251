import Foundation

/// A colour of site.yaml's `colors:` (`#0b5563` or `#0b5`), with the WCAG 2
/// arithmetic the branding check needs: how well text reads on it, and the
/// nearest shade that reads well enough.
public struct Colour: Sendable, Hashable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = min(max(red, 0), 1)
        self.green = min(max(green, 0), 1)
        self.blue = min(max(blue, 0), 1)
    }

    public static let white = Colour(red: 1, green: 1, blue: 1)
    /// The lightest dark-mode background text sits on in templates/assets/site.css
    /// (`--tint`, the home opening and boxes; the page itself is darker).
    public static let darkPaper = Colour(hex: "#172a30") ?? .white

    /// `#rrggbb` or `#rgb`, any case; nil for anything else.
    public init?(hex text: String) {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        guard digits.first == "#" else { return nil }
        digits = digits.dropFirst()
        if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255, blue: Double(value & 0xFF) / 255)
    }

    /// `#0b5563`: how CSS and messages write it.
    public var description: String {
        func byte(_ part: Double) -> String {
            let text = String(Int((part * 255).rounded()), radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// WCAG 2's relative luminance.
    var luminance: Double {
        func linear(_ part: Double) -> Double {
            part <= 0.04045 ? part / 12.92 : pow((part + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2's contrast ratio, from 1 (none) to 21 (black on white).
    public func contrast(with other: Colour) -> Double {
        let (light, dark) = luminance > other.luminance ? (luminance, other.luminance) : (other.luminance, luminance)
        return (light + 0.05) / (dark + 0.05)
    }

    /// The ratio as a person reads it: `3.2:1`, never rounded up past a limit.
    public static func ratioText(_ ratio: Double) -> String {
        String(format: "%.1f:1", (ratio * 10).rounded(.down) / 10)
    }

    /// Mixed with black (`amount` 0 to 1): the same hue, darker.
    public func darkened(_ amount: Double) -> Colour {
        Colour(red: red * (1 - amount), green: green * (1 - amount), blue: blue * (1 - amount))
    }

    /// Mixed with white (`amount` 0 to 1): the same hue, lighter.
    public func lightened(_ amount: Double) -> Colour {
        Colour(red: red + (1 - red) * amount, green: green + (1 - green) * amount, blue: blue + (1 - blue) * amount)
    }

    /// The least darkened (or lightened, when `background` is dark) shade
    /// of this colour with at least `ratio` against `background`; itself
    /// when it already has it.
    public func nearestShade(reaching ratio: Double, against background: Colour) -> Colour {
        let lighter = background.luminance < 0.2
        for step in 0...100 {
            let amount = Double(step) / 100
            let shade = lighter ? lightened(amount) : darkened(amount)
            if shade.contrast(with: background) >= ratio { return shade }
        }
        return lighter ? .white : Colour(red: 0, green: 0, blue: 0)
    }
}
