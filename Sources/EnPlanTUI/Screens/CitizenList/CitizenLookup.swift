import EnPlanDomain

/// A citizen named the way people name them in a form: part of the name, æøå or not, and where
/// two share a name, the birth date as the list shows it ("Emma Larsen 120590-XXXX") or as a
/// date ("Emma Larsen 12-05-1990", "12.05.90"). Never an internal id, never the whole CPR number
/// unless the user has it.
public enum CitizenLookup {
    /// The rows `text` names: its name part folded as the list's search folds it, its birth date
    /// part (DDMMYY) matched against the masked CPR number, or one the citizen had before a CPR change.
    public static func matches(_ text: String, in rows: [CitizenRow]) -> [CitizenRow] {
        let (name, born) = split(text)
        let q = FoldedText.query(name)
        let words = q.split(separator: 32).map(Array.init)
        return rows.filter { r in
            (name.isEmpty || { let f = FoldedText(r.name); return f.contains(q) || (words.count > 1 && (SearchColumns.wordStarts(f.short, words) || SearchColumns.wordStarts(f.long, words))) }())
                && (born.map { b in ([r.maskedCPR] + r.formerMaskedCPRs).contains { $0.hasPrefix(b) } } ?? true)
        }
    }

    /// A citizen as a chooser lists those of a shared name: name, masked CPR, age and responsible
    /// ("Emma Larsen · 120590-XXXX · 36 år · ansvarlig: Mette Kjær"), never an id.
    public static func chooserItem(_ r: CitizenRow, strings s: Strings, staff: [String: String]) -> String {
        "\(r.name) · \(r.maskedCPR) · \(r.age) \(s.c(.yearsWord)) · \(s.c(.responsibleWord)): \(staff[r.responsible] ?? r.responsible)"
    }

    /// The name part and the birth date (DDMMYY) of what was typed.
    static func split(_ text: String) -> (name: String, born: String?) {
        var words: [String] = [], born: String?
        for w in text.split(separator: " ").map(String.init) {
            if let d = birthDate(w) { born = d } else { words.append(w) }
        }
        return (words.joined(separator: " "), born)
    }

    /// "120590-XXXX", "120590", "12-05-1990", "12.05.90", "(120590-XXXX)" as DDMMYY.
    static func birthDate(_ word: String) -> String? {
        let w = word.trimmingCharacters(in: CharacterSet(charactersIn: "(),"))
        if w.count == 11, w.hasSuffix("-XXXX") || w.hasSuffix("-xxxx"), w.prefix(6).allSatisfy(\.isNumber) { return String(w.prefix(6)) }
        if w.count == 6, w.allSatisfy(\.isNumber) { return w }
        let parts = w.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let d = Int(parts[0]), let m = Int(parts[1]),
              (1...31).contains(d), (1...12).contains(m), parts[2].count == 2 || parts[2].count == 4 else { return nil }
        return Day.pad(d, 2) + Day.pad(m, 2) + String(parts[2].suffix(2))
    }
}

import Foundation
