/// The one rule for what users type and for the days and times they give. `Decide` applies it to
/// every command (the screens, the headless commands and the SSH path all reach `Decide`), so bad
/// input is refused with a typed reason in the user's language and nothing is appended.
///
/// Texts:
/// - No control character anywhere (`TerminalSafe.isControl`: C0 with TAB, CR and LF, DEL, C1,
///   the bidi embeddings, overrides and isolates, U+2028 and U+2029): `Invalid.controlCharacter`.
///   The one exception: a long text (`TextKind.long`: a note, findings, the citizen's own words,
///   a decision, a description) may hold line breaks ("\n" alone, never "\r"), so a note can
///   have paragraphs; everything that shows such a text on one line shows the break as " ¶ ".
///   Valid UTF-8 is given: a Swift `String` is always valid Unicode (bad bytes read as U+FFFD).
/// - Spaces around a text are trimmed; what is left has at most its kind's number of characters
///   (`TextKind`, counted as a reader counts them: "æ" and "🙂" are one each):
///   `Invalid.textTooLong`. A text is never cut and never cleaned.
/// - A required text is not blank (`Invalid.emptyText`); an optional one that is blank is left out.
///
/// Days: every day a command carries lies in the window of its kind (`DayKind`), reckoned from
/// `today` and nothing else: `Invalid.dayOutOfRange`, or `Invalid.inFuture` for what has happened.
/// A meeting's wall-clock time exists in Copenhagen (not in the hour the clocks go forward):
/// `Invalid.timeDoesNotExist`.
///
/// The README's "Input rules" lists the same limits: change both together.
public enum InputRules {
    // MARK: texts

    /// How long a text of each kind may be, in characters.
    public enum TextKind: String, CaseIterable, Sendable {
        /// A person's name (a citizen, a user, a household member, a guest, a contact person).
        case name
        /// One line: a title, a legal basis, a provider, a room, a place, an organisation, a name of a thing.
        case line
        /// An e-mail address (RFC 5321's limit).
        case email
        /// A phone number (its digits are checked on their own).
        case phone
        /// A few sentences: a goal, a reason, a referral, an action, a meeting's outcome.
        case text
        /// Longer free text: a decision, findings, a note, the citizen's own words, a template's description.
        case long

        public var maxCharacters: Int {
            switch self {
            case .name: return 100
            case .line: return 200
            case .email: return 254
            case .phone: return 30
            case .text: return 2000
            case .long: return 4000
            }
        }

        /// Whether a text of this kind may hold line breaks ("\n"): only the long texts.
        public var allowsLineBreaks: Bool { self == .long }
    }

    /// The kind of each field a command takes.
    public static func kind(_ f: DomainError.TextField) -> TextKind {
        switch f {
        case .name, .contactPerson, .guestName: return .name
        case .danishName, .englishName, .domain, .legalBasis, .provider, .targetName, .templateName, .title, .agendaItem, .subject,
             .source, .activity, .authorityReviewer, .room, .organisation, .place, .templateGoalKey:
            return .line
        case .email: return .email
        case .phone: return .phone
        case .goal, .reason, .referralText, .outcome, .action, .templateGoal: return .text
        case .decisionText, .ownWords, .findings, .note, .description: return .long
        case .templateEffort(let inner, _, _): return kind(inner)
        }
    }

    /// `s` checked as field `f`: trimmed of spaces, no control character, not too long, and not
    /// blank unless `required` is false.
    public static func text(_ s: String, _ f: DomainError.TextField, required: Bool = true) throws -> String {
        // Before trimming: a line break at the end is a control character too, not a space (in a
        // long text, where breaks are allowed, breaks around it are trimmed as spaces are).
        let kind = kind(f)
        let lines = kind.allowsLineBreaks
        guard !(lines ? s.unicodeScalars.contains { $0 != "\n" && TerminalSafe.isControl($0) } : TerminalSafe.hasControl(s)) else {
            throw DomainError.invalid(.controlCharacter(f))
        }
        let t = s.trimmingCharacters(in: lines ? .whitespacesAndNewlines : .whitespaces)
        guard !required || !t.isEmpty else { throw DomainError.invalid(.emptyText(f)) }
        let max = kind.maxCharacters
        // Cheap first: a text of at most `max` bytes has at most `max` characters.
        guard t.utf8.count <= max || t.count <= max else { throw DomainError.invalid(.textTooLong(f, maxCharacters: max)) }
        return t
    }

    /// An optional text: nil when it is absent or blank, else checked as `text`.
    public static func optionalText(_ s: String?, _ f: DomainError.TextField) throws -> String? {
        guard let s else { return nil }
        let t = try text(s, f, required: false)
        return t.isEmpty ? nil : t
    }

    /// A plan template as a whole (a template is one event: it must stay small, whatever each
    /// field holds): at most `maxItems` goals, efforts and follow-ups each, and at most
    /// `maxCharacters` characters of text in all.
    public enum Template {
        public static let maxItems = 100
        public static let maxCharacters = 50_000

        static func check(_ t: PlanTemplate) throws {
            let tooLarge = DomainError.invalid(.templateTooLarge(template: t.id, maxItems: maxItems, maxCharacters: maxCharacters))
            guard t.goals.count <= maxItems, t.efforts.count <= maxItems, t.followUpDays.count <= maxItems else { throw tooLarge }
            var texts = [t.name, t.description]
            for g in t.goals { texts += [g.key, g.text] }
            for e in t.efforts { texts += [e.goal ?? "", e.title, e.legalBasis, e.provider] }
            var characters = 0
            for s in texts {
                characters += s.utf8.count <= maxCharacters ? s.count : maxCharacters + 1
                guard characters <= maxCharacters else { throw tooLarge }
            }
        }
    }

    // MARK: days

    /// The windows days lie in, by what the day is of.
    public enum DayKind: Equatable, Sendable {
        /// Something that has happened (a decision, a contact, a consent, an assessment, an
        /// outcome, a completion): from 1 January 1970 to today; a later day is `inFuture(what)`.
        case happened(DomainError.Dated)
        /// A day in a plan (an effort's start and end, a follow-up's due day, a template's start):
        /// from ten years before today to five years after.
        case planned
        /// A new or moved meeting: from today to two years after.
        case meeting
        /// Any other day (a benefit's validity, a target's deadline, an appeal deadline, a week or
        /// a quarter): from 1 January 1900 to ten years after today.
        case any
    }

    /// The first day anything may be dated, and the first of what happens in a case.
    public static let firstDay = Day(year: 1900, month: 1, day: 1)!
    public static let firstCaseDay = Day(year: 1970, month: 1, day: 1)!

    public static func window(_ kind: DayKind, today: Day) -> ClosedRange<Day> {
        switch kind {
        case .happened: return firstCaseDay...max(firstCaseDay, today)
        case .planned: return today.adding(years: -10)...today.adding(years: 5)
        case .meeting: return today...today.adding(years: 2)
        case .any: return firstDay...today.adding(years: 10)
        }
    }

    /// Refuses `day` outside its kind's window; `field` names it in the refusal.
    public static func check(_ day: Day, _ kind: DayKind, _ field: DomainError.DayField, today: Day) throws {
        if case .happened(let what) = kind, day > today { throw DomainError.invalid(.inFuture(what)) }
        let w = window(kind, today: today)
        guard w.contains(day) else {
            throw DomainError.invalid(.dayOutOfRange(field, day, earliest: w.lowerBound, latest: w.upperBound))
        }
    }

    /// A new or moved meeting's start: its day in the meeting window, its time one the Copenhagen
    /// clock shows.
    public static func checkMeeting(_ start: LocalTime, today: Day) throws {
        try check(start.day, .meeting, .date, today: today)
        guard start.existsInCopenhagen else { throw DomainError.invalid(.timeDoesNotExist(start)) }
    }
}
