import EnPlanDomain

/// One citizen's journey (borger-rejse) as text: the figures, then everything that happened in
/// time order, filtered by sector and kind. The screen and `enplan journey` print the same lines.
public struct JourneyView: Sendable {
    public let journey: Journey
    public var sector: Sector?
    public var kind: JourneyKind?

    public init(journey: Journey) { self.journey = journey }

    public mutating func cycleSector() {
        let all: [Sector?] = [nil] + Sector.allCases.map(Optional.some)
        sector = all[((all.firstIndex(of: sector) ?? 0) + 1) % all.count]
    }

    public mutating func cycleKind() {
        let all: [JourneyKind?] = [nil] + JourneyKind.allCases.map(Optional.some)
        kind = all[((all.firstIndex(of: kind) ?? 0) + 1) % all.count]
    }

    /// The figures, as lines (the screen and `enplan journey` print the same).
    public func figureLines(_ s: Strings) -> [(String, Role)] {
        let f = journey.figures
        func window(_ name: Strings.P, _ w: Journey.Window) -> String { "\(s.p(name)) \(w.days90) / \(w.months12)" }
        var out: [(String, Role)] = [
            ("\(s.p(.days90)) / \(s.p(.months12)): " + [window(.contacts, f.contacts), window(.meetings, f.meetings),
                                                          window(.caseworkers, f.caseworkers)].joined(separator: " · "), .header),
        ]
        func lead(_ l: Journey.Lead) -> String {
            l.started != nil ? "\(l.days) \(s.p(.daysUnit)) (\(s.date(l.from)) → \(s.date(l.started!)))"
                             : "\(s.p(.noEffortYet)) (\(s.p(.waitingDays)) \(l.days) \(s.p(.daysUnit)))"
        }
        if let p = f.planToFirstEffort { out.append(("\(s.p(.planToEffort)): \(lead(p))", p.started == nil && p.days > 30 ? .alert : .normal)) }
        for r in f.referrals {
            // Told apart by sector and the day it was sent, never by its id.
            out.append(("\(s.p(.referralToEffort)) (\(s.sector(r.to)), \(s.date(r.lead.from))): \(lead(r.lead))", r.lead.started == nil && r.lead.days > 30 ? .alert : .normal))
        }
        return out
    }

    func entryLines(_ s: Strings, names given: Names) -> [(String, Role)] {
        // The other registrations its links name, as the domain let this viewer know them.
        var names = given
        names.citizens = journey.others
        names.items = journey.items
        let entries = journey.filtered(sector: sector, kind: kind)
        guard !entries.isEmpty else { return [(s.p(.journeyEmpty), .dim)] }
        return entries.map { e in
            let who = names.users[e.event.actor] ?? e.event.actor
            let where_ = e.seen.sector.map(s.sector) ?? ""
            let at = e.at.local
            return ("\(s.time(at))  \(TextWidth.fit(where_, to: 13)) \(TextWidth.fit(who, to: 18)) \(s.describe(e.seen, names: names))",
                    e.seen.hidden ? .dim : .normal)
        }
    }
}

/// The journey as a screen above the plan: `f` and `t` filter, the arrows scroll, Esc goes back.
public struct JourneyScreen: Screen {
    public let citizen: String
    /// The reason the plan was opened with, if the user does not work on the citizen.
    public let reason: String?
    public private(set) var view: JourneyView
    var scroll = ScrollList(selects: false)

    /// Reads the journey (a logged read).
    public init(citizen: String, reason: String? = nil, context x: ScreenContext) throws {
        self.citizen = citizen
        self.reason = reason
        view = JourneyView(journey: try x.service.journey(citizen, as: x.user.id, reason: reason))
    }

    public var route: Route { .journey(citizen: citizen, reason: reason) }

    public func keys(_ context: ScreenContext) -> [Binding] { KeyTable.journey + KeyTable.global }

    /// The rows the entries have: the body less the title, the figures and the rule.
    func height(_ x: ScreenContext) -> Int { max(1, x.rows - 2 - view.figureLines(x.strings).count) }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let count = view.entryLines(x.strings, names: x.names).count, height = height(x)
        if key == .resize { scroll.clamp(count: count, height: height); return .none }
        switch KeyTable.pressed(key, in: keys(x), as: JourneyAction.self) {
        case nil, .open?: break
        case .frame(let effect)?: return effect
        case .back?: return .back
        case .move(let move)?: scroll.apply(move, count: count, height: height, page: 10)
        case .own(.filterSector)?: view.cycleSector(); scroll.toTop(count: count, height: height)
        case .own(.filterKind)?: view.cycleKind(); scroll.toTop(count: count, height: height)
        }
        return .none
    }

    /// Read again when the citizen or the users changed: a withdrawn consent hides content at once.
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        if let changes, !changes.users, !changes.citizens.contains(citizen) { return .none }
        do {
            var fresh = JourneyView(journey: try x.service.journey(citizen, as: x.user.id, reason: reason, logged: false))
            fresh.sector = view.sector; fresh.kind = view.kind
            view = fresh
            scroll.clamp(count: view.entryLines(x.strings, names: x.names).count, height: height(x))
            return .none
        } catch {
            return .closed(x.strings.refusal(error, names: x.names))
        }
    }

    public func status(_ x: ScreenContext) -> Status { Status("\(x.strings.p(.journeyTitle)): \(x.service.citizenName(citizen) ?? citizen)") }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings, width = x.cols, top = 1
        var row = top
        let filters = "\(s.p(.journeyTitle)) · \(view.sector.map(s.sector) ?? s.p(.allSectors)) · \(view.kind.map { s.word($0.rawValue) } ?? s.p(.allKinds)) · \(s.p(.journeyFilters))"
        canvas.put(TextWidth.truncate(filters, to: width - 2), row: row, col: 1, role: .header)
        row += 1
        for (text, role) in view.figureLines(s) {
            canvas.put(TextWidth.truncate(text, to: width - 2), row: row, col: 1, role: role)
            row += 1
        }
        canvas.put(String(repeating: "─", count: width), row: row, col: 0, role: .frame)
        row += 1
        let lines = view.entryLines(s, names: x.names)
        for (n, i) in scroll.window(count: lines.count, height: height(x)).enumerated() {
            canvas.put(TextWidth.truncate(lines[i].0, to: width - 2), row: row + n, col: 1, role: lines[i].1)
        }
        canvas.cursor = (top, 1)
    }
}
