import EnPlanDomain

/// The team leader's list of probable duplicates (`:dubletter`): two registrations of perhaps one
/// person, by name, birth date and why. `l` links them as the same person and `a` dismisses the
/// pair, each with a reason (both journeys show it); Enter and `o` open either registration's plan.
/// Nothing is merged. Only team leaders see it: the domain refuses anyone else.
public struct DuplicatesScreen: Screen {
    var list: ItemList<DuplicatePair>
    public var pairs: [DuplicatePair] { list.items }
    /// The reason asked for a link (`link` true) or a dismissal, of the pair at `pair`.
    var form: Form?
    var linking = true
    var pair = 0

    init(context x: ScreenContext) throws { list = ItemList(try x.service.duplicates(as: x.user.id)) }

    public var route: Route { .duplicates }
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 2) }

    public func keys(_ x: ScreenContext) -> [Binding] {
        form != nil ? KeyTable.form + KeyTable.whileTyping : KeyTable.duplicates + KeyTable.global
    }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let s = x.strings
        if var f = form {
            if let frame = KeyTable.frame(key) { return frame }
            switch f.handle(key) {
            case .none: form = f
            case .cancel: form = nil
            case .save:
                form = f
                guard f.validate(today: x.today, strings: s), pairs.indices.contains(pair) else { form = f; return .none }
                let p = pairs[pair], why = f.value("reason")
                return .write([linking ? .linkCitizens(citizen: p.first.id, other: p.second.id, reason: why)
                                       : .dismissDuplicate(citizen: p.first.id, other: p.second.id, reason: why)], expectedVersion: nil)
            }
            return .none
        }
        switch list.press(key, in: keys(x), height: Self.height(x), as: DuplicatesAction.self) {
        case .done(let effect): return effect
        case .open(let p): return .open(.plan(citizen: p.first.id))
        case .own(let action, let p):
            guard let p else { return .none }
            switch action {
            case .openSecond: return .open(.plan(citizen: p.second.id))
            case .linkPair, .dismissPair:
                linking = action == .linkPair
                pair = list.selectedIndex
                let title = "\(s.k(linking ? .dLinkTitle : .dDismissTitle)): \(p.first.name) (\(p.first.maskedCPR)) \(s.pick("og", "and")) \(p.second.name) (\(p.second.maskedCPR))"
                form = Form(title: title, fields: [Form.Field.text("reason", s.k(.fReason))])
            }
        }
        return .none
    }

    public mutating func written(_ result: WriteResult, context x: ScreenContext) -> Effect {
        guard var f = form else { return .none }
        switch result {
        case .saved:
            form = nil
            return .message(x.strings.k(linking ? .linked : .dismissed), .normal)
        case .refused(let e):
            f.show(refusal: e, strings: x.strings, names: x.names, fields: [.textOf(.reason): "reason"])
            form = f
            return .none
        }
    }

    /// Read again after any change: a linked or dismissed pair leaves, a new one arrives.
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        if let changes, changes.citizens.isEmpty, !changes.users { return .none }
        do {
            list.set(try x.service.duplicates(as: x.user.id, logged: false), height: Self.height(x))
            return .none
        } catch {
            return .closed(x.strings.refusal(error, names: x.names))
        }
    }

    public func status(_ x: ScreenContext) -> Status {
        Status("\(x.strings.k(.dTitle)): \(pairs.count) \(x.strings.k(.dCount))")
    }

    /// One registration in a row: name, masked CPR, and "Lukket …" when its case is closed.
    static func registration(_ r: DuplicateRegistration, _ s: Strings) -> String {
        "\(r.name) \(r.maskedCPR)" + (r.closed.map { " (\(s.closedMark($0)))" } ?? "")
    }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings
        if let form { form.render(into: &canvas, top: 1, left: 2, width: x.cols - 4, strings: s); return }
        list.draw(into: &canvas, header: TextWidth.truncate(s.k(.dHeading), to: x.cols - 1), row: 1, height: Self.height(x), width: x.cols - 2,
                  empty: s.k(.dEmpty)) { p in
            let why = p.reasons.map { s.k($0 == .sameBirthDate ? .dSameBirth : .dNearCPR) }.joined(separator: "; ")
            // Each registration in a column of its own; the reason after them, where it fits.
            let each = max(20, min(46, (x.cols - 2 - 58 - 10) / 2))
            return ("\(TextWidth.fit(Self.registration(p.first, s), to: each))  ·  \(TextWidth.fit(Self.registration(p.second, s), to: each))  ·  \(why)", .normal)
        }
    }
}

/// The duplicates list's own keys (`KeyTable.duplicates`).
public enum DuplicatesAction: ScreenAction { case openSecond, linkPair, dismissPair }

extension Action {
    static func duplicates(_ a: DuplicatesAction) -> Action { .own(OwnAction(a)) }
}

extension KeyTable {
    public static let duplicates: [Binding] = list([
        Binding(action: .open, keys: [.enter], label: Strings.K.kOpenFirst, help: Strings.K.hOpenFirst, inBar: true),
        Binding(action: .duplicates(.openSecond), keys: [.char("o")], label: Strings.K.kOpenSecond, help: Strings.K.hOpenSecond, inBar: true),
        Binding(action: .duplicates(.linkPair), keys: [.char("l")], label: Strings.K.kLink, help: Strings.K.hLink, inBar: true),
        Binding(action: .duplicates(.dismissPair), keys: [.char("a")], label: Strings.K.kDismiss, help: Strings.K.hDismiss, inBar: true),
    ])
}
