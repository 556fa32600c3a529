import EnPlanDomain

/// The citizens behind one figure: the same rows as the citizen list, built by the same query as
/// the count (so they agree). Enter opens a plan; Esc goes back to the figure. Supervisors and
/// administrators can mark citizens (Space, `*` for all) and give them to another caseworker:
/// the form previews both caseloads and asks for a reason; all move in one write, or none.
public struct FigureListScreen: Screen {
    public let ref: FigureRef
    public private(set) var list: CitizenList
    public private(set) var marked: Set<String> = []
    /// Moving the marked citizens: the form and its preview of the caseloads.
    var give: Form?
    var preview: [(user: String, before: Int, after: Int)] = []
    var problem: String?
    /// Recording the review of the selected drawn plan (the quarterly review's lists): the form and its citizen.
    var review: Form?
    var reviewing: String?

    /// The draw behind a quarterly review row ("quarter:2026Q4"): its plans can be reviewed here.
    var draw: String? {
        guard ref.section == .reviews, ref.rowKey.hasPrefix("quarter:") else { return nil }
        return String(ref.rowKey.dropFirst("quarter:".count))
    }

    /// Reads the citizens behind the cell (logged like the citizen list).
    public init(_ ref: FigureRef, context x: ScreenContext) throws {
        self.ref = ref
        list = CitizenList(scope: .all, user: x.user.id)
        list.lastHeight = Self.height(x)
        list.load(try x.service.citizensBehind(ref.table, row: ref.row, column: ref.column, as: x.user.id), names: x.staffNames)
    }

    public var route: Route { .figureList(ref) }
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 2) }

    public func keys(_ x: ScreenContext) -> [Binding] {
        if give != nil || review != nil { return KeyTable.form(for: review) + KeyTable.whileTyping }
        let supervising = x.user.role != .caseworker
        return KeyTable.figureList + (supervising ? KeyTable.reassigning : []) + (supervising && draw != nil ? KeyTable.reviewing : []) + KeyTable.global
    }

    /// "Borgerne bag: Sagsbelastning · Mette Kjær · Ansvarlig"
    func title(_ s: Strings) -> String {
        let row = ref.table.rows[ref.row], col = ref.table.columns[ref.column]
        return "\(s.d(.behindFigure)): \(s.d(ref.section.name)) · \(s.text(row.label)) · \(s.text(col.title))"
    }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let height = Self.height(x)
        list.lastHeight = height
        if key == .resize { list.clamp(height: height); return .none }
        if var form = give { return typeGive(key, &form, x) }
        if var form = review { return typeReview(key, &form, x) }
        let action: FigureListAction
        switch KeyTable.pressed(key, in: keys(x), as: FigureListAction.self) {
        case nil: return .none
        case .frame(let effect)?: return effect
        case .back?: return .back
        case .open?: if let row = list.selectedRow { return .open(.plan(citizen: row.id)) }; return .none
        case .move(let move)?: list.apply(move, height: height); return .none
        case .own(let own)?: action = own
        }
        switch action {
        case .sort: list.nextSort()
        case .reverse: list.reverseSort()
        case .mark:
            if let id = list.selectedRow?.id { if marked.contains(id) { marked.remove(id) } else { marked.insert(id) } }
            list.move(by: 1, height: height)
        case .markAll:
            let shown = Set(list.visible.map { list.entries[$0].id })
            marked = marked.isSuperset(of: shown) ? [] : shown
        case .give:
            guard !marked.isEmpty else { return .message(x.strings.d(.noneMarked), .alert) }
            let workers = x.service.activeCaseworkers
            typealias F = Form.Field
            var form = Form(title: "\(x.strings.d(.giveTitle)) (\(marked.count))", fields: [
                F.choice("to", x.strings.d(.giveTo), workers.map(\.id), shown: workers.map { "\($0.name) (\(x.strings.sector($0.sector)))" }),
                F.text("reason", x.strings.d(.giveReason)),
            ])
            form.focus = 0
            give = form
            updatePreview(x)
        case .recordReview:
            guard let row = list.selectedRow, let draw else { return .none }
            if let done = x.service.review(of: row.id, in: draw) { return .message("\(x.strings.v(.alreadyReviewed)) \(x.strings.date(done.date))", .alert) }
            review = Self.reviewForm(citizen: row.name, x)
            reviewing = row.id
        }
        return .none
    }

    private mutating func typeGive(_ key: Key, _ form: inout Form, _ x: ScreenContext) -> Effect {
        if let frame = KeyTable.frame(key) { return frame }
        let before = form["to"]
        switch form.handle(key) {
        case .none: give = form; if form["to"] != before { updatePreview(x) }
        case .cancel: give = nil
        case .save:
            guard form.validate(today: x.today, strings: x.strings) else { give = form; return .none }
            give = form
            return .write([.reassign(citizens: marked.sorted(), to: form.value("to"), reason: form.value("reason"))], expectedVersion: nil)
        }
        return .none
    }

    /// The review of one drawn plan: who reviewed it, the citizen's part, the focus, findings, an action.
    static func reviewForm(citizen name: String, _ x: ScreenContext) -> Form {
        let s = x.strings
        typealias F = Form.Field
        let yesNo = ["yes", "no"], yesNoShown = [s.v(.yes), s.v(.no)]
        var form = Form(title: "\(s.v(.reviewTitle)): \(name)", fields: [
            F.text("authority", s.v(.fAuthority), x.user.name),
            F.text("provider", "\(s.v(.fProvider)) \(s.p(.optional))", required: false),
            F.choice("invited", s.v(.fInvited), yesNo, shown: yesNoShown),
            F.choice("tookPart", s.v(.fTookPart), yesNo, shown: yesNoShown),
            F.choice("focus", s.v(.fFocus), ReviewFocus.allCases.map { String($0.rawValue) }, shown: ReviewFocus.allCases.map { s.text($0.words) }, "3"),
            F.text("findings", s.v(.fFindings)),
            F.text("action", "\(s.v(.fAction)) \(s.p(.optional))", required: false),
            F.date("due", s.v(.fActionDue), s.pick("+4u", "+4w")),
            F.date("date", s.v(.fDate), s.date(x.today)),
        ])
        // The findings are a text area of several lines; each text takes what the domain allows.
        for (key, field) in [("authority", DomainError.TextField.authorityReviewer), ("provider", .provider), ("findings", .findings), ("action", .action)] {
            form.limit(key, as: field, strings: s)
        }
        return form
    }

    private mutating func typeReview(_ key: Key, _ form: inout Form, _ x: ScreenContext) -> Effect {
        if let frame = KeyTable.frame(key) { return frame }
        switch form.handle(key) {
        case .none: review = form
        case .cancel: review = nil; reviewing = nil
        case .save:
            review = form
            guard form.validate(today: x.today, strings: x.strings), let cid = reviewing, let draw else { return .none }
            // What the domain would refuse, said in the user's words at its field.
            if form.value("tookPart") == "yes" && form.value("invited") == "no" { form.show(x.strings.v(.tookPartNotInvited), at: "tookPart"); review = form; return .none }
            if let d = form.day("date", today: x.today), d > x.today { form.show(x.strings.v(.inFuture), at: "date"); review = form; return .none }
            let action = form.value("action")
            let due = form.day("due", today: x.today) ?? x.today + 28
            return .write([.recordReview(citizen: cid, draw: draw, date: form.day("date", today: x.today) ?? x.today,
                                         authority: form.value("authority"), provider: form.value("provider"),
                                         invited: form.value("invited") == "yes", tookPart: form.value("tookPart") == "yes",
                                         focus: ReviewFocus(rawValue: Int(form.value("focus")) ?? 3) ?? .some, findings: form.value("findings"),
                                         actions: action.isEmpty ? [] : [ReviewAction(text: action, due: due)])], expectedVersion: nil)
        }
        return .none
    }

    private mutating func updatePreview(_ x: ScreenContext) {
        guard let to = give?.value("to") else { return }
        do {
            preview = try x.service.caseloadPreview(moving: marked.sorted(), to: to, as: x.user.id)
            problem = nil
        } catch {
            preview = []
            problem = x.strings.refusal(error, names: x.names)
        }
    }

    public mutating func written(_ result: WriteResult, context x: ScreenContext) -> Effect {
        if review != nil {
            switch result {
            case .saved: review = nil; reviewing = nil; return .message(x.strings.v(.reviewed), .normal)
            case .refused(let e):
                review?.show(refusal: e, strings: x.strings, names: x.names,
                             fields: [.textOf(.authorityReviewer): "authority", .textOf(.findings): "findings", .textOf(.action): "action",
                                      .status: "tookPart", .date: "date", .due: "due"])
                return .none
            }
        }
        switch result {
        case .saved:
            give = nil
            marked = []
            return .message(x.strings.d(.given), .normal)
        case .refused(let e):
            give?.show(refusal: e, strings: x.strings, names: x.names, fields: [.responsible: "to", .user: "to", .textOf(.reason): "reason"])
            return .none
        }
    }

    /// The figure's citizens again, by the same query (a write here or elsewhere may move them).
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        do {
            let table = try x.service.figures(ref.section, filter: ref.table.filter, settings: x.figureSettings, as: x.user.id, logged: false)
            guard let r = table.rows.firstIndex(where: { $0.key == ref.rowKey }),
                  let c = table.columns.firstIndex(where: { $0.key == ref.columnKey }) else {
                list.load([], names: x.staffNames)
                return .none
            }
            list.load(try x.service.citizensBehind(table, row: r, column: c, as: x.user.id, logged: false), names: x.staffNames)
            marked = marked.intersection(list.entries.map(\.id))
            return .none
        } catch {
            return .closed(x.strings.refusal(error, names: x.names))
        }
    }

    public func status(_ x: ScreenContext) -> Status {
        if let problem { return Status(problem, .error) }
        let s = x.strings
        // A cell that counts follow-ups (or contacts …) says both numbers: "40 opfølgninger hos 38 borgere".
        let cell = ref.table.rows[ref.row].cells[ref.column]
        var counted = "\(list.count)"
        if cell.unit != .citizens {
            let n: Int? = switch cell.value { case .count(let n), .share(let n, _): n; default: nil }
            if let n { counted = "\(n) \(s.d(Self.unitWord(cell.unit))) \(s.d(.atCitizens)) \(list.count) \(s.d(.citizensWord))" }
        }
        return Status("\(counted) · " + title(s) + (marked.isEmpty ? "" : " · \(marked.count) ✓"))
    }

    static func unitWord(_ u: FigureUnit) -> Strings.D {
        switch u {
        case .citizens: return .citizensWord
        case .followUps: return .followUpsWord
        case .contacts: return .contactsWord
        case .meetings: return .meetingsWord
        case .referrals: return .referralsWord
        }
    }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings
        if let review {
            review.render(into: &canvas, top: 1, left: 2, width: x.cols - 4, strings: s)
            return
        }
        if let give {
            give.render(into: &canvas, top: 1, left: 2, width: x.cols - 4, strings: s)
            var row = 6 + give.fields.count + (give.error == nil ? 0 : 1)
            canvas.put(s.d(.givePreview) + ":", row: row, col: 2, role: .header)
            for p in preview.prefix(max(0, x.rows - row - 1)) {
                row += 1
                canvas.put("  \(x.staffNames[p.user] ?? p.user): \(p.before) → \(p.after)", row: row, col: 2, role: .normal)
            }
            return
        }
        canvas.put(TextWidth.truncate(title(s), to: x.cols - 1), row: 1, col: 1, role: .header)
        list.render(into: &canvas, from: 2, height: x.rows - 1, width: x.cols, strings: s, benefits: x.service.benefits,
                    marks: x.user.role == .caseworker ? nil : marked)
    }
}
