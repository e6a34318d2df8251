import Foundation

/// Form field names: what a PDF viewer, a screen reader's "field" list and
/// any script that reads filled-in forms see. They come from labels, so
/// "Costs of using" is `costs_of_using`.
enum FieldName {
    /// Lower-case ASCII letters and digits joined by single underscores;
    /// accents are dropped ("Café" → "cafe"). Empty when nothing is left.
    /// A long label is cut after a whole word, at `maxLength`: 120 keeps the
    /// full name of a question-long label, and a name with its groups
    /// (`list.item`) well inside the 127 bytes some PDF readers allow.
    static func from(_ label: String, maxLength: Int = 120) -> String {
        let folded = label.applyingTransformToLatin().lowercased()
        var out = ""
        var pendingUnderscore = false
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) {
                if pendingUnderscore && !out.isEmpty { out += "_" }
                pendingUnderscore = false
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "person's" → "persons"
            } else {
                pendingUnderscore = true
            }
        }
        if out.count > maxLength {
            let cut = out.prefix(maxLength + 1)
            // Whole words: back to the last underscore, unless that leaves nothing.
            if let space = cut.lastIndex(of: "_"), space > cut.startIndex {
                out = String(cut[..<space])
            } else {
                out = String(out.prefix(maxLength))
            }
            while out.hasSuffix("_") { out.removeLast() }
        }
        return out
    }

    /// A name an editor wrote with `name=`: letters, digits and underscores.
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { s in
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || s == "_"
        }
    }
}

extension String {
    /// Latin letters without their accents, using Foundation's folding.
    fileprivate func applyingTransformToLatin() -> String {
        folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
