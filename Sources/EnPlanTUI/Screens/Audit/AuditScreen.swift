import EnPlanDomain

/// The audit screen (`:audit`, supervisors and administrators): who looked at which citizen,
/// reasoned (break-the-glass) looks and refused lookups first; spot checks (stikprøver) drawn at
/// random and judged; and a citizen's access report, in the plain Danish the citizen is given.
public struct AuditScreen: Screen {
    public enum Tab: Sendable { case log, spotCheck, report }
    public private(set) var tab: Tab = .log
    var filter = AuditFilter()
    /// 0: the last 30 days, 1: the last 7, 2: today, 3: the whole log; nil: `dates`.
    var period: Int? = 0
    /// Dates typed with `D` (both inclusive), and the form they are typed in.
    var dates: (from: Day, to: Day)?
    var datesForm: Form?
    /// A flagged lookup's note, asked before the verdict is recorded (why it is flagged), and its record.
    var flagForm: Form?
    var flagging: Int?
    /// Which kinds (nil: all), cycled with `t`.
    var kinds = 0
    /// The citizen filter the last logged read of the log was made with.
    var loggedScope: String?
    /// The first choice leaves out the screens' own reads of figures, lists and this log, and the
    /// sessions' heads, which would bury the looks at citizens; the last is everything.
    static let quiet: Set<AuditKind> = Set(AuditKind.allCases).subtracting([.figuresRead, .auditRead, .citizensListed, .storeHead])
    static let kindChoices: [Set<AuditKind>?] = [quiet, [.citizenViewed], [.citizensSearched], [.exported, .figuresExported],
                                                 [.lookupRefused, .writeRefused, .loginRefused, .loginFailed], [.loginSucceeded, .loginFailed, .loginRefused],
                                                 [.spotChecked], nil]
    /// The citizen filter being typed after `/`.
    var typing: String?
    public private(set) var records: [AuditRecord] = []
    var list = ScrollList()
    /// The spot check drawn, and what was judged of it.
    public private(set) var drawn: [AuditRecord] = []
    var verdicts: [Int: SpotCheckVerdict] = [:]
    var counts: [(month: String, count: Int)] = []
    /// The access report shown (its lines) and whether it names staff.
    var report: (citizen: String, document: DocumentText)?
    var names = false
    var problem: String?

    init(context x: ScreenContext) throws {
        guard x.user.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.readAuditLog)) }
        names = x.auditReportNames
        read(x)
    }

    public var route: Route { .audit }
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 3) }
    var shown: [AuditRecord] { tab == .spotCheck ? drawn : records }

    public func keys(_ x: ScreenContext) -> [Binding] {
        if typing != nil { return KeyTable.line }
        if datesForm != nil || flagForm != nil { return KeyTable.form + KeyTable.whileTyping }
        switch tab {
        case .log: return KeyTable.auditLog + KeyTable.global
        case .spotCheck: return KeyTable.spotCheck + KeyTable.global
        case .report: return KeyTable.accessReport + KeyTable.global
        }
    }

    /// Reads the log with the filter (the domain logs the read of the audit log).
    mutating func read(_ x: ScreenContext) {
        let today = x.today
        if let period { filter.from = [today + -30, today + -7, today, nil][period]; filter.to = nil }
        else if let dates { filter.from = dates.from; filter.to = dates.to }
        filter.kinds = Self.kindChoices[kinds]
        do {
            // The log is read once a scope: a new filter on the same citizens is no new look.
            let scope = filter.citizen ?? ""
            records = try x.service.auditEntries(filter, as: x.user.id, logged: loggedScope != scope)
            loggedScope = scope
            counts = try x.service.spotCheckCounts(as: x.user.id)
            problem = nil
        } catch {
            records = []
            problem = x.strings.refusal(error, names: x.names)
        }
        list.clamp(count: shown.count, height: Self.height(x))
    }

    /// Asks for a spot check's verdict on record `seq` to be recorded (the App writes it).
    private func record(_ seq: Int, _ verdict: SpotCheckVerdict, note: String?) -> Effect {
        .record(.spotCheck(entry: seq, verdict: verdict, note: note))
    }

    /// The spot check recorded: it shows, the counts follow, and the next drawn lookup is selected.
    public mutating func recorded(_ write: AuditWrite, _ result: WriteResult, context x: ScreenContext) -> Effect {
        guard case let .spotCheck(seq, verdict, _) = write, case .saved = result else { return .refusal(result, x) }
        verdicts[seq] = verdict
        counts = (try? x.service.spotCheckCounts(as: x.user.id)) ?? counts
        list.move(by: 1, count: drawn.count, height: Self.height(x))
        return .message(x.strings.a(.checked), .normal)
    }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let height = Self.height(x)
        if key == .resize { list.clamp(count: shown.count, height: height); return .none }
        if var form = flagForm, let seq = flagging {
            switch form.handle(key) {
            case .none: flagForm = form
            case .cancel: flagForm = nil; flagging = nil
            case .save:
                guard form.validate(today: x.today, strings: x.strings) else { flagForm = form; return .none }
                flagForm = nil; flagging = nil
                return record(seq, .flagged, note: form.value("note"))
            }
            return .none
        }
        if var form = datesForm {
            switch form.handle(key) {
            case .none: datesForm = form
            case .cancel: datesForm = nil
            case .save:
                guard form.validate(today: x.today, strings: x.strings), let from = form.day("from", today: x.today),
                      let to = form.day("to", today: x.today), from <= to else {
                    if form.error == nil && form.fields.allSatisfy({ $0.error == nil }) { form.show("\(x.strings.d(.fFrom)) > \(x.strings.d(.fTo))", at: "to") }
                    datesForm = form
                    return .none
                }
                datesForm = nil
                dates = (from, to); period = nil
                list = ScrollList(); read(x)
            }
            return .none
        }
        if var typed = typing {
            switch key {
            case .escape: typing = nil
            case .enter:
                typing = nil
                filter.citizen = typed.trimmingCharacters(in: .whitespaces).isEmpty ? nil : typed
                list = ScrollList()
                read(x)
            case .backspace: if !typed.isEmpty { typed.removeLast() }; typing = typed
            case .char(let c): typed.append(c); typing = typed
            case .paste(let t): typed += Key.pastedLine(t); typing = typed
            default: break
            }
            return .none
        }
        let count = tab == .report ? (report?.document.lines.count ?? 0) : shown.count
        let action: AuditAction
        switch KeyTable.pressed(key, in: keys(x), as: AuditAction.self) {
        case nil: return .none
        case .frame(let effect)?: return effect
        case .back?: if tab == .log { return .back }; tab = .log; list = ScrollList(); return .none
        case .move(let move)?: list.apply(move, count: count, height: height); return .none
        case .open?:
            guard shown.indices.contains(list.selected), let c = shown[list.selected].citizen else { return .none }
            return showReport(c, x)
        case .own(let own)?: action = own
        }
        switch action {
        case .search: typing = filter.citizen ?? ""
        case .kind: kinds = (kinds + 1) % Self.kindChoices.count; list = ScrollList(); read(x)
        case .period: period = ((period ?? -1) + 1) % 4; list = ScrollList(); read(x)
        case .dates:
            var form = Form(title: x.strings.d(.datesTitle), fields: [
                Form.Field.date("from", x.strings.d(.fFrom), x.strings.date(filter.from ?? x.today + -30)),
                Form.Field.date("to", x.strings.d(.fTo), x.strings.date(filter.to ?? x.today)),
            ], hint: x.strings.d(.datesHint))
            form.confirmDiscard = false
            datesForm = form
        case .user:
            let users = [nil] + Set(records.map(\.user)).filter { $0 != "-" }.sorted()
            filter.user = users[((users.firstIndex(of: filter.user) ?? 0) + 1) % users.count]
            list = ScrollList(); read(x)
        case .refresh: read(x)
        case .spotChecks: tab = .spotCheck; list = ScrollList()
        case .auditLog: tab = .log; list = ScrollList()
        case .draw:
            do { drawn = try x.service.drawSpotCheck(count: 10, as: x.user.id); verdicts = [:]; list = ScrollList() }
            catch { return .message(x.strings.refusal(error, names: x.names), .error) }
        case .workRelated:
            guard drawn.indices.contains(list.selected) else { return .none }
            return record(drawn[list.selected].seq, .workRelated, note: nil)
        case .flag:
            // A flag says why: the note is asked first (the one who follows it up reads it).
            guard drawn.indices.contains(list.selected) else { return .none }
            flagging = drawn[list.selected].seq
            flagForm = Form(title: x.strings.a(.flagTitle), fields: [Form.Field.text("note", x.strings.a(.flagNote))])
        case .exportReport, .printReport:
            // The report as the citizen reads it, for the citizen: to the outbox or the printer.
            guard let r = report, let name = x.service.citizenName(r.citizen) else { return .none }
            if action == .exportReport {
                return .export(name: "enplan-opslagslog-\(r.citizen)-\(x.today.iso).txt", text: r.document.text, done: x.strings.a(.reportSaved),
                               record: .accessReport(citizen: r.citizen))
            }
            return .print(title: "enplan-opslagslog-\(name)-\(x.today.iso)", document: r.document, header: x.strings.a(.report) + ": " + name,
                          citizen: r.citizen, reason: nil, kind: .accessReport)
        case .toggleNames:
            names.toggle()
            if let c = report?.citizen { return showReport(c, x) }
        }
        return .none
    }

    private mutating func showReport(_ citizen: String, _ x: ScreenContext) -> Effect {
        do {
            let r = try x.service.accessReport(citizen: citizen, as: x.user.id)
            report = (citizen, r.document(names: names, format: .text))
            tab = .report
            list = ScrollList(selects: false)
            return .none
        } catch { return .message(x.strings.refusal(error, names: x.names), .error) }
    }

    public func status(_ x: ScreenContext) -> Status {
        let s = x.strings
        if let typing { return Status(s.a(.citizenPrompt) + typing, .input, input: true) }
        if let problem { return Status(problem, .error) }
        switch tab {
        case .log: return Status("\(s.a(.title)): \(records.count) \(s.a(.kindLooks))")
        case .spotCheck:
            // "december 2026: 4", not "2026-12: 4".
            func month(_ m: String) -> String { Day(iso: m + "-01").map { "\(s.monthName($0)) \($0.components.year)" } ?? m }
            let c = counts.isEmpty ? s.a(.noCounts) : counts.suffix(3).map { "\(month($0.month)): \($0.count)" }.joined(separator: " · ")
            return Status("\(s.a(.counts)): \(c)")
        case .report: return Status("\(s.a(.report)) · \(names ? s.a(.names) : s.a(.units))")
        }
    }
}
