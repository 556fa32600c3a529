import EnPlanDomain

/// The only form: labelled fields addressed by name, Tab/Shift-Tab (and ↑/↓) between them, typing
/// into text and date fields where the cursor is (←/→, Home/End or Ctrl-A/Ctrl-E move it, Del and
/// Backspace delete around it, a paste goes in as text), a field longer than its box scrolled so
/// the cursor shows, ←/→ or the first letter to choose in a choice field, Enter to save (in a
/// text area Enter starts a new line: Tab leaves it, and Enter in any other field saves),
/// Esc to cancel (asking first when something was changed, where `confirmDiscard`). Each field
/// checks its own input and shows its error beside it; the domain's refusal is shown at the field
/// it concerns. The login, the lock screen, the plan's forms and the meeting form are
/// configurations of it.
public struct Form: Sendable {
    public enum Kind: Sendable, Equatable {
        case text(required: Bool)
        /// A text of several lines (a note, the citizen's own words, findings, a decision): Enter
        /// starts a new line, ↑/↓ move between its lines (and out of it at the first and last),
        /// a paste keeps its line breaks; `areaRows` rows are shown, scrolled to the cursor.
        case area(required: Bool)
        /// dd-mm-yyyy, yyyy-mm-dd, today/i dag, +3d/+2w/+1m (`DayInput`).
        case date(required: Bool)
        case number(ClosedRange<Int>, extra: [Int])
        /// Values (what the command gets) and how each is shown.
        case choice(values: [String], shown: [String])
        /// Typed but shown as dots (a password).
        case secret
        /// Several of a list ticked (a meeting's agenda): ←/→ go through them, Space ticks; the
        /// value is the ticked values, comma-separated, in the list's order. `empty` is said when
        /// there is nothing to tick.
        case ticks(values: [String], shown: [String], empty: String)
    }

    public struct Field: Sendable {
        public let key: String
        public let label: String
        public let kind: Kind
        public var value: String
        public var error: String?
        /// Whether the first typed character replaces the given value (shown marked until then):
        /// nil is by kind (dates and numbers are typed over; texts are typed into).
        public var typedOver: Bool? = nil
        /// The characters the field takes and how many (a CPR number: digits and "-", 11): what
        /// else is typed is not taken, and the field says why (`refusedTyping`).
        public var accepts: (@Sendable (Character) -> Bool)? = nil
        public var maxLength: Int? = nil
        public var refusedTyping: String? = nil
        /// Shows "typed/maxLength" beside the field while it is focused.
        public var counted = false

        /// The same field, taking only `accepts` and at most `maxLength` characters; `why` is said when more is typed.
        public func taking(_ accepts: @escaping @Sendable (Character) -> Bool, maxLength: Int, why: String) -> Field {
            var f = self; f.accepts = accepts; f.maxLength = maxLength; f.refusedTyping = why; return f
        }

        /// The same field, its given value typed over (a date, a time or a length kept as text).
        public func typedOverFirst() -> Field { var f = self; f.typedOver = true; return f }
    }

    public let title: String
    /// What the form is about, shown whole under the title (a referral's text, when answering it).
    public var about: String?
    /// The line of keys under the form (each configuration words its own).
    public var hint: String?
    /// Esc with typed input asks before throwing it away (the plan's forms); else Esc cancels.
    public var confirmDiscard = true
    /// Enter on a filled field moves to the next one while that is empty (the login).
    public var enterAdvances = false
    /// Rows from one field to the next, and the widest input.
    public var rowStep = 1
    public var inputWidth = 50
    /// The rows a text area shows.
    public var areaRows = 4
    public var fields: [Field]
    public var focus = 0 { didSet { if focus != oldValue { focused() } } }
    /// A date or number field's value as it was given goes at the first typed character ("+4u"
    /// typed over, not onto), shown marked until then; ←, →, Home, End and Backspace keep it for
    /// editing. A text field is not replaced (unless `typedOver`): typing goes in at the cursor.
    public private(set) var replacing = true
    /// Where typing goes in the focused field, in characters from its start.
    public internal(set) var cursor = 0
    /// In a focused ticks field: the item ←/→ are on.
    public private(set) var tickCursor = 0
    /// In a focused choice field: the letters typed to search its choices (shown beside it).
    public private(set) var choiceSearch = ""
    /// How a focused ticks field says that Space ticks (each configuration words it).
    public var tickHint = "mellemrum: vælg/fravælg"

    private mutating func focused() {
        guard fields.indices.contains(focus) else { return }
        cursor = fields[focus].value.count
        tickCursor = 0
        choiceSearch = ""
        let byKind: Bool
        switch fields[focus].kind {
        case .date, .number: byKind = true
        case .text, .area, .choice, .secret, .ticks: byKind = false
        }
        replacing = !fields[focus].value.isEmpty && (fields[focus].typedOver ?? byKind)
    }
    /// A refusal that belongs to no one field.
    public var error: String?
    /// Esc was pressed with changes: the next key decides.
    public var askingDiscard = false
    /// What another terminal changed, after a stale save: Enter saves on top of it.
    public var staleChanges: [String]?
    private var initial: [String]

    public init(title: String, fields: [Field], hint: String? = nil) {
        self.title = title
        self.fields = fields
        self.hint = hint
        initial = fields.map(\.value)
        focus = fields.firstIndex { !$0.kind.isChoice } ?? 0
        focused()
    }

    /// One past the longest text any field may hold (`InputRules`): a form never stops typing
    /// before the input rule would refuse, so a text too long for its field is refused on saving
    /// with its limit, shown at the field, and nothing is cut silently.
    static let maxTyped = InputRules.TextKind.allCases.map(\.maxCharacters).max()! + 1

    public var isDirty: Bool { fields.map(\.value) != initial }

    /// The field a key names. A key no field of this form has is a mistake in the program (a typo
    /// would read "" and save a default, or put a problem nowhere): it stops here, loudly, and the
    /// tests that drive every form find it (`FormKeyTests`). Whether a field is there at all is
    /// asked with `has(_:)`.
    private func index(_ key: String) -> Int {
        guard let i = fields.firstIndex(where: { $0.key == key }) else {
            preconditionFailure("the form “\(title)” has no field “\(key)” (it has: \(fields.map(\.key).joined(separator: ", ")))")
        }
        return i
    }

    /// Whether the form has a field for `key` (a form whose fields depend on what it is for).
    public func has(_ key: String) -> Bool { fields.contains { $0.key == key } }

    /// A field's value as typed (untrimmed), or sets it.
    public subscript(key: String) -> String {
        get { fields[index(key)].value }
        set {
            let i = index(key)
            fields[i].value = newValue; fields[i].error = nil
            if i == focus { cursor = newValue.count }
        }
    }

    /// Moves the focus to a field.
    public mutating func focus(on key: String) { focus = index(key) }
    public var focusedKey: String { fields.indices.contains(focus) ? fields[focus].key : "" }

    /// The items of a ticks field (another citizen chosen: their follow-ups and efforts); what was
    /// ticked and is still there stays ticked.
    public mutating func setTicks(_ key: String, values: [String], shown: [String], empty: String) {
        let i = index(key)
        let ticked = Set(Form.ticked(fields[i].value))
        fields[i] = Field(key: key, label: fields[i].label, kind: .ticks(values: values, shown: shown, empty: empty),
                          value: values.filter(ticked.contains).joined(separator: ","))
        if i == focus { tickCursor = min(tickCursor, max(0, values.count - 1)) }
    }

    /// Whether `key` moves or ticks in the focused field (a ticks field's ←, → and Space).
    private func isTicking(_ key: Key) -> Bool {
        fields.indices.contains(focus) && fields[focus].kind.isTicks && (key == .left || key == .right || key == .char(" "))
    }

    static func ticked(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A text field takes at most `max` characters (the domain's rule for it), shows how many it
    /// holds while focused, and says so when more is typed or pasted; nothing is cut silently.
    public mutating func limit(_ key: String, to max: Int, strings s: Strings) {
        limit(at: index(key), to: max, strings: s)
    }

    /// A text field takes what the domain's rule for `field` allows: its length (as `limit(_:to:)`)
    /// and, for a long text (a note, own words, findings, a decision), several lines: the field
    /// becomes a text area. The one place a form learns a text's shape from the domain.
    public mutating func limit(_ key: String, as field: DomainError.TextField, strings s: Strings) {
        let i = index(key)
        let kind = InputRules.kind(field)
        if kind.allowsLineBreaks, case .text(let required) = fields[i].kind {
            fields[i] = Field(key: key, label: fields[i].label, kind: .area(required: required), value: fields[i].value)
            if i == focus { focused() }
        }
        limit(at: i, to: kind.maxCharacters, strings: s)
    }

    private mutating func limit(at i: Int, to max: Int, strings s: Strings) {
        fields[i].maxLength = max
        fields[i].counted = true
        fields[i].refusedTyping = s.pick("Højst \(max) tegn: resten blev ikke taget med", "At most \(max) characters: the rest was not taken")
    }

    /// Whether the user changed this field since the form opened (or was rebased).
    public func changed(_ key: String) -> Bool {
        let i = index(key)
        return fields[i].value != initial[i]
    }

    /// After another terminal's change: the fields the user did not touch take the new values
    /// (so saving again changes only what this user changed), the touched ones stay.
    public mutating func rebase(onto fresh: Form) {
        guard fresh.fields.count == fields.count else { return }
        for i in fields.indices where fields[i].value == initial[i] { fields[i].value = fresh.fields[i].value }
        initial = fresh.initial
    }

    public enum Outcome: Equatable, Sendable { case none, cancel, save }

    public mutating func handle(_ key: Key) -> Outcome {
        if askingDiscard {
            askingDiscard = false
            return key == .char("j") || key == .char("y") ? .cancel : .none
        }
        if isArea {
            switch key {
            case .enter:
                // In a text area Enter is a new line (Tab leaves the area; Enter elsewhere saves).
                fields[focus].error = nil
                insert("\n")
                return .none
            case .up, .down:
                // Between the area's lines; from its first or last line on to the next field.
                if areaMove(by: key == .up ? -1 : 1) { return .none }
            default: break
            }
        }
        switch key {
        case .escape:
            if !confirmDiscard || staleChanges != nil || !isDirty { return .cancel }
            askingDiscard = true
        case .enter:
            if enterAdvances, focus < fields.count - 1, fields[focus + 1].value.isEmpty, !fields[focus].value.isEmpty {
                focus += 1
                return .none
            }
            return .save
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case _ where isTicking(key):
            // (A `where` on a list of patterns guards only the last one: this case stands alone.)
            guard case let .ticks(values, _, _) = fields[focus].kind, !values.isEmpty else { break }
            if key == .char(" ") {
                var ticked = Set(Form.ticked(fields[focus].value))
                let v = values[min(tickCursor, values.count - 1)]
                if ticked.contains(v) { ticked.remove(v) } else { ticked.insert(v) }
                fields[focus].value = values.filter(ticked.contains).joined(separator: ",")
                fields[focus].error = nil
            } else {
                tickCursor = (tickCursor + (key == .right ? 1 : values.count - 1)) % values.count
            }
        case .left, .right, .home, .end, .ctrl("a"), .ctrl("e"):
            replacing = false
            if key == .left || key == .right, case let .choice(values, _) = fields[focus].kind, !values.isEmpty {
                let i = values.firstIndex(of: fields[focus].value) ?? 0
                fields[focus].value = values[(i + (key == .right ? 1 : values.count - 1)) % values.count]
                fields[focus].error = nil
                break
            }
            let n = fields[focus].value.count
            switch key {
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(n, cursor + 1)
            // In a text area Home and End go to the start and end of the cursor's line.
            case .home, .ctrl("a"): cursor = isArea ? areaLineBounds().lowerBound : 0
            default: cursor = isArea ? areaLineBounds().upperBound : n
            }
        case .backspace:
            if fields[focus].kind.isChoice { break }
            if replacing { fields[focus].value = ""; cursor = 0 }
            replacing = false
            if cursor > 0 { remove(at: cursor - 1); cursor -= 1 }
            fields[focus].error = nil
        case .delete:
            if fields[focus].kind.isChoice { break }
            if replacing { fields[focus].value = ""; cursor = 0 }
            replacing = false
            if cursor < fields[focus].value.count { remove(at: cursor) }
            fields[focus].error = nil
        case .ctrl("u"):
            if fields[focus].kind.isChoice { break }
            fields[focus].value = ""; cursor = 0; replacing = false
        case .char(let c):
            if case let .ticks(values, shown, _) = fields[focus].kind {
                // A letter goes to the next item that starts with it (Space ticks, above).
                let order = Array((tickCursor + 1)..<max(tickCursor + 1, values.count)) + Array(0...min(tickCursor, max(0, values.count - 1)))
                if let i = order.first(where: { $0 < shown.count && shown[$0].lowercased().hasPrefix(String(c).lowercased()) }) { tickCursor = i }
            } else if case let .choice(values, shown) = fields[focus].kind {
                // Typing searches the choices: the letters so far at the start of a choice or of one
                // of its words ("soc" → social, "kj" → Mette Kjær); a letter that matches nothing
                // more starts again, so the same letter again goes on to the next that starts with it.
                let current = values.firstIndex(of: fields[focus].value) ?? -1
                let longer = choiceSearch + String(c)
                if let i = Form.choiceMatch(longer, in: shown, from: current, keepCurrent: true) {
                    choiceSearch = longer; fields[focus].value = values[i]
                } else if let i = Form.choiceMatch(String(c), in: shown, from: current, keepCurrent: false) {
                    choiceSearch = String(c); fields[focus].value = values[i]
                } else {
                    choiceSearch = ""
                }
            } else {
                fields[focus].error = nil
                insert(String(c))
            }
        case .paste(let text):
            // Pasted text is text in any field that takes text; in a choice it is nothing.
            if fields[focus].kind.isChoice { break }
            fields[focus].error = nil
            // A text area keeps the paste's line breaks; a one-line field makes them spaces.
            insert(isArea ? Key.pastedText(text) : Key.pastedLine(text))
        default: break
        }
        return .none
    }

    /// Typed or pasted text goes in at the cursor (over a date's or number's given value), up to
    /// `maxTyped` characters.
    private mutating func insert(_ text: String) {
        if replacing { fields[focus].value = ""; cursor = 0 }
        replacing = false
        var text = text
        if let accepts = fields[focus].accepts {
            let kept = text.filter(accepts)
            if kept.count < text.count { fields[focus].error = fields[focus].refusedTyping }
            text = kept
        }
        let limit = fields[focus].maxLength ?? Form.maxTyped
        if fields[focus].value.count + text.count > limit, fields[focus].maxLength != nil { fields[focus].error = fields[focus].refusedTyping }
        let room = max(0, limit - fields[focus].value.count)
        let piece = String(text.prefix(room))
        var v = fields[focus].value
        v.insert(contentsOf: piece, at: v.index(v.startIndex, offsetBy: min(cursor, v.count)))
        fields[focus].value = v
        cursor += piece.count
    }

    private mutating func remove(at offset: Int) {
        var v = fields[focus].value
        v.remove(at: v.index(v.startIndex, offsetBy: offset))
        fields[focus].value = v
    }

    public func value(_ key: String) -> String {
        let f = fields[index(key)]
        return f.value.trimmingCharacters(in: f.kind.isArea ? .whitespacesAndNewlines : .whitespaces)
    }

    /// Every field's own check (required, a date, a number in range). Marks the fields that fail.
    public mutating func validate(today: Day, strings s: Strings) -> Bool {
        var ok = true
        for i in fields.indices {
            let v = fields[i].value.trimmingCharacters(in: .whitespacesAndNewlines)
            var problem: String?
            switch fields[i].kind {
            case .text(let required), .area(let required): if required && v.isEmpty { problem = s.p(.required) }
            case .date(let required):
                if v.isEmpty { if required { problem = s.p(.required) } } else if DayInput.parse(v, today: today) == nil { problem = s.p(.badDate) }
            case let .number(range, extra):
                if let n = Int(v) { if !range.contains(n) && !extra.contains(n) { problem = "\(range.lowerBound)-\(range.upperBound)" } }
                else { problem = s.p(.badNumber) }
            case .choice, .secret, .ticks: break
            }
            fields[i].error = problem
            if problem != nil && ok { focus = i; ok = false }
        }
        return ok
    }

    public func day(_ key: String, today: Day) -> Day? { DayInput.parse(value(key), today: today) }

    /// Puts a problem at one field.
    public mutating func show(_ problem: String, at key: String) {
        let i = index(key)
        fields[i].error = problem; focus = i; error = nil
    }

    /// A problem above the fields, as worded (the domain's refusals go through `show(refusal:…)`).
    public mutating func show(_ problem: String) { error = problem }

    /// Puts the domain's refusal, in the user's words, beside the field it names (`fields`: the
    /// refusal's field -> this form's key), else above the fields.
    public mutating func show(refusal: Error, strings s: Strings, names: Names = Names(), fields: [RefusalField: String]) {
        let words = s.refusal(refusal, names: names)
        if let f = (refusal as? DomainError)?.field, let key = fields[f], self.fields.contains(where: { $0.key == key }) {
            show(words, at: key)
        } else {
            error = words
        }
    }
}

extension Form.Kind {
    /// Picked, not typed: a choice, or ticks.
    var isChoice: Bool {
        switch self { case .choice, .ticks: true; default: false }
    }
    var isTicks: Bool { if case .ticks = self { return true } else { return false } }
    var isArea: Bool { if case .area = self { return true } else { return false } }
}
