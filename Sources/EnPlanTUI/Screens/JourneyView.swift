import EnPlanDomain

/// The citizen's journey (borger-rejse) on the plan screen: the figures on top, then everything
/// that happened in time order, filtered by sector (`f`) and kind (`t`).
public struct JourneyView: Sendable {
    public let journey: Journey
    public var sector: Sector?
    public var kind: JourneyKind?
    public var scroll = 0

    public init(journey: Journey) { self.journey = journey }

    public mutating func cycleSector() {
        let all: [Sector?] = [nil] + Sector.allCases.map(Optional.some)
        sector = all[((all.firstIndex(of: sector) ?? 0) + 1) % all.count]
        scroll = 0
    }

    public mutating func cycleKind() {
        let all: [JourneyKind?] = [nil] + JourneyKind.allCases.map(Optional.some)
        kind = all[((all.firstIndex(of: kind) ?? 0) + 1) % all.count]
        scroll = 0
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
                             : "\(s.p(.noEffortYet)) (\(s.p(.waitingDays)) \(l.days))"
        }
        if let p = f.planToFirstEffort { out.append(("\(s.p(.planToEffort)): \(lead(p))", p.started == nil && p.days > 30 ? .alert : .normal)) }
        for r in f.referrals {
            out.append(("\(s.p(.referralToEffort)) \(r.id) (\(s.sector(r.to))): \(lead(r.lead))", r.lead.started == nil && r.lead.days > 30 ? .alert : .normal))
        }
        return out
    }

    func entryLines(_ s: Strings, names: PlanScreen.Names) -> [(String, Role)] {
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

    public mutating func render(into canvas: inout Canvas, top: Int, height: Int, width: Int, strings s: Strings, names: PlanScreen.Names) {
        var row = top
        let filters = "\(s.p(.journeyTitle)) · \(sector.map(s.sector) ?? s.p(.allSectors)) · \(kind.map { s.word($0.rawValue) } ?? s.p(.allKinds)) · \(s.p(.journeyFilters))"
        canvas.put(TextWidth.truncate(filters, to: width - 2), row: row, col: 1, role: .header)
        row += 1
        for (text, role) in figureLines(s) {
            canvas.put(TextWidth.truncate(text, to: width - 2), row: row, col: 1, role: role)
            row += 1
        }
        canvas.put(String(repeating: "─", count: width), row: row, col: 0, role: .frame)
        row += 1
        let lines = entryLines(s, names: names)
        let visible = max(1, top + height - row)
        scroll = max(0, min(scroll, lines.count - visible))
        for (text, role) in lines.dropFirst(scroll).prefix(visible) {
            canvas.put(TextWidth.truncate(text, to: width - 2), row: row, col: 1, role: role)
            row += 1
        }
        canvas.cursor = (top, 1)
    }
}
