import EnPlanDomain
import Foundation

/// The headless commands. Each parses its options, calls the domain as the acting user, prints.
enum Commands {
    // MARK: store-wide

    /// No command: the full-screen interface on a terminal, a summary otherwise (a pipe, CI).
    static func open(_ dir: String, _ args: inout Arguments, demo: Bool) throws -> Int32 {
        let service = try Context.open(dir)
        if demo && service.state.accounts.isEmpty {
            let report = try DemoData.fill(service, options: DemoData.Options())
            Output.warning("created the demo store in \(dir): \(report.citizens) citizens, \(report.users) users, \(report.events) events")
        }
        if isatty(0) == 1 && isatty(1) == 1 {
            return try FullScreen.run(service: service, dataDirectory: dir, args: &args, demo: demo)
        }
        _ = args.optional("theme"); _ = args.optional("lang"); _ = args.optional("idle-lock-seconds")
        try args.checkAllUsed()
        summary(service, dir, demo: demo)
        return 0
    }

    static func summary(_ service: CaseService, _ dir: String, demo: Bool) {
        let s = service.state
        let today = service.today
        let overdue = s.citizens.values.reduce(0) { $0 + ($1.plan?.overdueFollowUps(on: today) ?? 0) }
        let youth = s.citizens.values.filter { $0.targetGroup(on: today) == .youth }.count
        print("EnPlan data directory: \(dir)")
        print("\(s.citizens.count) citizens (\(youth) aged 15-29), \(s.accounts.count) users, \(s.meetings.count) meetings, \(overdue) overdue follow-ups, \(service.store.lastSeq) events.")
        if s.accounts.isEmpty {
            print("The store has no users yet: `enplan` on a terminal offers to create the first administrator, or")
            print("  enplan --data-dir \(dir) user add --as admin --id admin --name \"Your Name\" --sector employment --role admin")
        }
        if demo {
            print("Demo users (password: demo):")
            Output.table(["ID", "NAME", "SECTOR", "ROLE"], s.users.map { [$0.id, $0.name, $0.sector.rawValue, $0.role.rawValue] })
        }
        print("Not a terminal, so no full-screen interface; `enplan --help` lists the headless commands.")
    }

    static func demo(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        var options = DemoData.Options()
        options.citizens = try args.int("citizens", default: options.citizens, range: 1...200_000)!
        options.seed = UInt64(try args.int("seed", default: Int(options.seed), range: 0...Int.max)!)
        try args.checkAllUsed()
        let service = try Context.open(dir)
        let report = try DemoData.fill(service, options: options)
        print("Created \(report.citizens) citizens, \(report.users) users and \(report.meetings) meetings in \(report.events) events in \(dir). Every demo user's password is \"demo\".")
        return 0
    }

    static func verify(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        try args.checkAllUsed()
        guard FileManager.default.fileExists(atPath: dir) else { throw UsageError("no data directory \(dir)") }
        let reports = try Store.verify(directory: dir)
        var bad = 0
        for r in reports {
            for p in r.problems { print("\(dir)/\(r.file):\(p.line): \(p.reason)"); bad += 1 }
        }
        if bad == 0 {
            print(reports.map { "\($0.file): \($0.lines) lines, sound" }.joined(separator: "; "))
        }
        return bad == 0 ? 0 : 1
    }

    static func snapshot(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        try args.checkAllUsed()
        let service = try Context.open(dir)
        try service.store.writeSnapshot()
        print("Snapshot written at seq \(service.store.lastSeq).")
        return 0
    }

    // MARK: users

    static func users(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let json = args.flag("json")
        try args.checkAllUsed()
        let users = try Context.open(dir).state.users
        if json {
            Output.jsonArray(users) { u, w in
                w.openObject(); w.field("id", u.id); w.field("name", u.name); w.field("sector", u.sector); w.field("role", u.role)
                w.field("active", u.active); w.closeObject()
            }
        } else {
            Output.table(["ID", "NAME", "SECTOR", "ROLE", "ACTIVE"], users.map { [$0.id, $0.name, $0.sector.rawValue, $0.role.rawValue, $0.active ? "yes" : "no"] })
        }
        return 0
    }

    static func userAdd(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "ADMIN")
        let id = try args.required("id"), name = try args.required("name")
        guard let sector = try args.value("sector", Sector.self) else { throw UsageError("missing --sector") }
        guard let role = try args.value("role", Role.self) else { throw UsageError("missing --role") }
        try args.checkAllUsed()
        let service = try Context.open(dir)
        // Check what can be checked before asking for the password.
        _ = try Decide(state: service.state, actor: service.state.accounts.isEmpty ? User(id: actor, name: actor, sector: sector, role: .admin) : try service.user(actor), today: service.today)
            .events(for: .createUser(User(id: id, name: name, sector: sector, role: role), passwordHash: "-"))
        let password = try Context.readPassword(prompt: "Password for \(id): ")
        try Passwords.check(password)
        try service.execute(.createUser(User(id: id, name: name, sector: sector, role: role), passwordHash: try Passwords.hash(password)), as: actor)
        print(id)
        return 0
    }

    static func userPasswd(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER")
        let target = args.optional("user") ?? actor
        try args.checkAllUsed()
        let service = try Context.open(dir)
        _ = try service.user(actor)
        let password = try Context.readPassword(prompt: "New password for \(target): ")
        try Passwords.check(password)
        try service.execute(.changePassword(user: target, passwordHash: try Passwords.hash(password)), as: actor)
        print("Password changed for \(target).")
        return 0
    }

    static func userActive(_ dir: String, _ args: inout Arguments, active: Bool) throws -> Int32 {
        let actor = try args.required("as", "ADMIN"), target = try args.required("user")
        try args.checkAllUsed()
        try Context.open(dir).execute(.setUserActive(user: target, active: active), as: actor)
        print("\(target) is \(active ? "active" : "deactivated").")
        return 0
    }

    static func benefits(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let json = args.flag("json")
        try args.checkAllUsed()
        let list = try Context.open(dir).state.benefits.values.sorted { $0.code < $1.code }
        if json {
            Output.jsonArray(list) { b, w in
                w.openObject(); w.field("code", b.code); w.field("da", b.danish); w.field("en", b.english)
                w.field("validFrom", b.validFrom); w.field("validTo", b.validTo); w.closeObject()
            }
        } else {
            Output.table(["CODE", "DANISH", "VALID"], list.map { [$0.code, $0.danish, "\($0.validFrom.iso) – \($0.validTo?.iso ?? "")"] })
        }
        return 0
    }

    // MARK: citizens

    static func citizens(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER")
        let json = args.flag("json")
        try args.checkAllUsed()
        let rows = try Context.open(dir).citizens(as: actor)
        if json {
            Output.jsonArray(rows) { r, w in
                w.openObject()
                w.field("id", r.id); w.field("name", r.name); w.field("cpr", r.maskedCPR); w.field("age", r.age)
                w.field("targetGroup", r.targetGroup); w.field("benefit", r.benefit); w.field("sectors", r.sectors)
                w.field("responsible", r.responsible); w.field("nextMeeting", r.nextMeeting?.iso)
                w.field("overdueFollowUps", r.overdueFollowUps); w.field("plan", r.planStatus); w.field("mine", r.mine)
                w.closeObject()
            }
        } else {
            Output.table(["ID", "NAME", "CPR", "AGE", "SECTORS", "RESPONSIBLE", "OVERDUE"],
                         rows.map { [$0.id, $0.name, $0.maskedCPR, String($0.age), $0.sectors.map(\.rawValue).joined(separator: ","),
                                     $0.responsible, $0.overdueFollowUps > 0 ? String($0.overdueFollowUps) : ""] })
            print("\(rows.count) citizens")
        }
        return 0
    }

    static func citizenAdd(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER")
        let cpr = try args.required("cpr", "DDMMYY-SSSS"), name = try args.required("name")
        let benefit = args.optional("benefit"), responsible = args.optional("responsible")
        try args.checkAllUsed()
        let events = try Context.open(dir).execute(.registerCitizen(cpr: cpr, name: name, benefit: benefit, responsible: responsible), as: actor)
        print(events[0].stream)
        return 0
    }

    static func citizenShow(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let reason = args.optional("reason")
        let json = args.flag("json")
        try args.checkAllUsed()
        let service = try Context.open(dir)
        let d = try service.citizen(id, as: actor, reason: reason)
        let c = d.citizen
        if json {
            var w = JSONWriter()
            w.openObject()
            w.field("id", c.id); w.field("name", c.name); w.field("cpr", d.cpr); w.field("age", d.age); w.field("targetGroup", d.targetGroup)
            w.field("benefit", c.benefit); w.field("sectors", c.sectors); w.field("responsible", c.responsible)
            w.field("contactPerson", c.contactPerson); w.field("version", c.version)
            w.key("consents"); w.raw(c.consents.map(\.fields).map(\.jsonBytes).joinedArray)
            w.key("household"); w.raw(c.household.map(\.fields).map(\.jsonBytes).joinedArray)
            if let plan = c.plan { w.key("plan"); plan.fields.encode(to: &w) }
            w.field("hidden", d.hidden)
            w.field("contacts", c.contacts.count)
            w.key("meetings"); w.raw(d.meetings.map(\.fields).map(\.jsonBytes).joinedArray)
            w.closeObject()
            print(w.string)
            return 0
        }
        let today = service.today
        print("\(c.name)  \(d.cpr)  \(d.age) år/years (\(d.targetGroup.rawValue))  [\(c.id), version \(c.version)]")
        print("Responsible: \(c.responsible)   Sectors: \(c.sectors.map(\.rawValue).joined(separator: ", "))   Benefit: \(c.benefit ?? "-")")
        if let cp = c.contactPerson { print("Contact person chosen by the citizen: \(cp)") }
        for s in c.consents { print("Consent \(s.id): \(s.sectors.map(\.rawValue).joined(separator: "+")) given \(s.given.iso)\(s.withdrawn.map { ", withdrawn \($0.iso)" } ?? "")") }
        if let p = c.plan {
            print("Unified plan (\(p.overallGoal.rawValue) first), since \(p.created.iso): \(p.ownWords)")
            for g in p.goals { print("  goal \(g.id) [\(g.area.rawValue)] \(g.text) (\(g.status.rawValue))") }
            for e in p.efforts {
                let content = d.hidden.contains(e.id) ? "(content not shared: no consent)" : "\(e.title), \(e.legalBasis), \(e.provider)"
                print("  effort \(e.id) [\(e.sector.rawValue)] \(content) \(e.start.iso)–\(e.end?.iso ?? "") \(e.status.rawValue)")
            }
            for dcs in p.decisions {
                let text = d.hidden.contains(dcs.id) ? "(content not shared: no consent)" : dcs.text
                print("  decision \(dcs.id) [\(dcs.legalArea.rawValue), \(dcs.sector.rawValue)] \(dcs.date.iso) \(text) (appeal by \(dcs.appealDeadline.iso))")
            }
            for f in p.followUps {
                let state = f.done.map { "done \($0.iso): \(f.result?.rawValue ?? "")" } ?? (f.isOverdue(on: today) ? "OVERDUE" : "due")
                print("  follow-up \(f.id) \(f.due.iso) \(state)")
            }
        } else {
            print("No unified plan yet.")
        }
        print("\(c.contacts.count) contacts, \(d.meetings.count) meetings")
        return 0
    }

    static func contact(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        guard let channel = try args.value("channel", Channel.self) else { throw UsageError("missing --channel phone|meeting|letter|digital") }
        let note = args.optional("note")
        let expected = try args.int("expect-version")
        try args.checkAllUsed()
        let events = try Context.open(dir).execute(.logContact(citizen: id, channel: channel, note: note, at: nil), as: actor, expectedVersion: expected)
        // Printed only now: the event is on disk (fdatasync returned).
        print(events[0].seq)
        return 0
    }

    static func consentGive(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let list = try args.required("sectors", "employment,social,…").split(separator: ",").map(String.init)
        try args.checkAllUsed()
        let sectors = try list.map { s -> Sector in
            guard let v = Sector(rawValue: s) else { throw UsageError("unknown sector \"\(s)\" (\(Sector.allCases.map(\.rawValue).joined(separator: ", ")))") }
            return v
        }
        let e = try Context.open(dir).execute(.giveConsent(citizen: id, sectors: sectors, given: nil), as: actor)
        print(e[0].seq)
        return 0
    }

    static func planCreate(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        guard let goal = try args.value("goal", OverallGoal.self) else { throw UsageError("missing --goal employment|education") }
        let words = args.optional("words") ?? ""
        try args.checkAllUsed()
        let e = try Context.open(dir).execute(.createPlan(citizen: id, overallGoal: goal, ownWords: words), as: actor)
        print(e[0].seq)
        return 0
    }

    static func day(_ args: inout Arguments, _ name: String, today: Day) throws -> Day? {
        guard let s = args.optional(name) else { return nil }
        guard let d = DayInput.parse(s, today: today) else { throw UsageError("--\(name): \"\(s)\" is not a date (dd-mm-yyyy, yyyy-mm-dd, today, +3d, +2w)") }
        return d
    }

    static func effortAdd(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let title = try args.required("title"), basis = try args.required("basis", "(e.g. \"SEL § 85\")"), provider = try args.required("provider")
        guard let sector = try args.value("sector", Sector.self) else { throw UsageError("missing --sector") }
        let goal = args.optional("goal")
        let service = try Context.open(dir)
        let start = try day(&args, "start", today: service.today) ?? service.today
        let end = try day(&args, "end", today: service.today)
        try args.checkAllUsed()
        let e = try service.execute(.addEffort(citizen: id, goal: goal, title: title, sector: sector, legalBasis: basis, provider: provider, start: start, end: end), as: actor)
        print(e[0].seq)
        return 0
    }

    static func followUpAdd(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let service = try Context.open(dir)
        guard let due = try day(&args, "due", today: service.today) else { throw UsageError("missing --due DATE") }
        try args.checkAllUsed()
        let e = try service.execute(.scheduleFollowUp(citizen: id, due: due), as: actor)
        print(e[0].seq)
        return 0
    }

    static func followUpDone(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID"), fid = try args.required("followup", "ID")
        guard let result = try args.value("result", FollowUpResult.self) else { throw UsageError("missing --result continue|change|end|reassess") }
        let note = args.optional("note")
        let service = try Context.open(dir)
        let done = try day(&args, "done", today: service.today) ?? service.today
        try args.checkAllUsed()
        let e = try service.execute(.completeFollowUp(citizen: id, followUp: fid, done: done, result: result, note: note), as: actor)
        print(e[0].seq)
        return 0
    }

    static func stress(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let count = try args.int("count", default: 100, range: 1...10_000_000)!
        try args.checkAllUsed()
        let service = try Context.open(dir)
        for i in 0..<count {
            let e = try service.execute(.logContact(citizen: id, channel: .phone, note: "stress \(i)", at: nil), as: actor)
            // One line per acknowledged event, written straight to the descriptor: a kill -9 right
            // after it cannot lose an acknowledgement in a buffer.
            // "SEQ HASH": the hash names the exact line, so a test can tell it from a later event
            // that reused the seq of a torn, unacknowledged line.
            let line = Array("\(e[0].seq) \(e[0].hash)\n".utf8)
            _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        }
        return 0
    }

    // MARK: history and audit

    static func log(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let reason = args.optional("reason")
        let json = args.flag("json")
        try args.checkAllUsed()
        let events = try Context.open(dir).history(id, as: actor, reason: reason)
        printEvents(events, json: json)
        return 0
    }

    static func audit(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER")
        let citizen = args.optional("citizen")
        let json = args.flag("json")
        try args.checkAllUsed()
        let entries = try Context.open(dir).auditTrail(as: actor, citizen: citizen)
        printEvents(entries, json: json)
        return 0
    }

    static func printEvents(_ events: [RecordedEvent], json: Bool) {
        if json {
            Output.jsonArray(events) { e, w in
                w.openObject()
                w.field("seq", e.seq); w.field("ts", e.ts.iso); w.field("actor", e.actor); w.field("type", e.type)
                w.field("stream", e.stream); w.field("version", e.version); w.key("data"); e.data.encode(to: &w)
                w.closeObject()
            }
        } else {
            Output.table(["SEQ", "TIME (UTC)", "ACTOR", "TYPE", "STREAM", "DATA"],
                         events.map { [String($0.seq), $0.ts.iso, $0.actor, $0.type, $0.stream, $0.data.jsonString] })
        }
    }
}

extension Array where Element == [UInt8] {
    /// JSON values joined into one JSON array.
    var joinedArray: [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, v) in enumerated() { if i > 0 { out.append(UInt8(ascii: ",")) }; out += v }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
