import EnPlanDomain

/// The kinds of field a form is made of, ready-made.
extension Form.Field {
    static func text(_ key: String, _ label: String, _ value: String = "", required: Bool = true) -> Form.Field {
        Form.Field(key: key, label: label, kind: .text(required: required), value: value)
    }
    /// A CPR number: digits and a dash, at most 11 characters, saying so when something else is typed.
    static func cpr(_ key: String, _ label: String, strings s: Strings, required: Bool = true) -> Form.Field {
        text(key, label, required: required).taking({ $0.isASCII && ($0.isNumber || $0 == "-") }, maxLength: 11, why: s.l(.cprTyping))
    }
    /// A text of several lines (`Kind.area`).
    static func area(_ key: String, _ label: String, _ value: String = "", required: Bool = true) -> Form.Field {
        Form.Field(key: key, label: label, kind: .area(required: required), value: value)
    }
    static func date(_ key: String, _ label: String, _ value: String = "", required: Bool = true) -> Form.Field {
        Form.Field(key: key, label: label, kind: .date(required: required), value: value)
    }
    static func secret(_ key: String, _ label: String, _ value: String = "") -> Form.Field {
        Form.Field(key: key, label: label, kind: .secret, value: value)
    }
    static func choice(_ key: String, _ label: String, _ values: [String], shown: [String]? = nil, _ value: String? = nil) -> Form.Field {
        Form.Field(key: key, label: label, kind: .choice(values: values, shown: shown ?? values), value: value ?? values.first ?? "")
    }
}

extension Form {
    /// The first choice (from the current one, `keepCurrent`, or the one after it, round the list)
    /// whose shown name starts with `query`; failing that, one with a word that does ("soc" →
    /// "Jonas Dahl, social"). Letters are folded as the list's search folds them (case, æøå, accents).
    static func choiceMatch(_ query: String, in shown: [String], from current: Int, keepCurrent: Bool) -> Int? {
        guard !shown.isEmpty else { return nil }
        let q = FoldedText(query).short
        let first = keepCurrent ? max(0, current) : current + 1
        let order = (0..<shown.count).map { (first + $0 + shown.count) % shown.count }
        if let i = order.first(where: { FoldedText(shown[$0]).short.starts(with: q) }) { return i }
        return order.first { i in
            shown[i].split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" }).contains { FoldedText(String($0)).short.starts(with: q) }
        }
    }
}
