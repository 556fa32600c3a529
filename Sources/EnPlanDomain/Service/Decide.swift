/// Checks a command against the current state and returns the events it causes, or refuses it
/// with a `DomainError`. Pure: no files, no clock but `today`, so every rule is unit-testable.
public struct Decide {
    public let state: Projection
    public let actor: User
    public let today: Day

    public init(state: Projection, actor: User, today: Day) {
        self.state = state; self.actor = actor; self.today = today
    }

    public func events(for command: Command, expectedVersion: Int? = nil) throws -> [Store.Pending] {
        if case .recordLogin = command {} else if !actor.active {
            throw DomainError.forbidden("user \(actor.id) is deactivated")
        }
        if let expectedVersion, let stream = command.stream {
            let actual = state.version(of: stream)
            guard actual == expectedVersion else { throw DomainError.stale(stream: stream, expected: expectedVersion, actual: actual) }
        }
        switch command {
        case let .createUser(user, hash):
            try requireAdmin(orFirstUser: true)
            guard User.isValidID(user.id) else {
                throw DomainError.invalid("user id \"\(user.id)\": use 2-32 of a-z, 0-9, '.', '-', '_', starting with a letter")
            }
            guard state.accounts[user.id] == nil else { throw DomainError.conflict("user \(user.id) exists already") }
            let name = try text(user.name, "name")
            if state.accounts.isEmpty && user.role != .admin {
                throw DomainError.invalid("the first user must be an administrator (--role admin)")
            }
            var u = user; u.name = name; u.active = true
            return [.init(Streams.user(u.id), .userCreated(u, passwordHash: hash))]
        case let .changePassword(id, hash):
            guard state.accounts[id] != nil else { throw DomainError.notFound("no user \(id)") }
            guard id == actor.id || actor.role == .admin else { throw DomainError.forbidden("only an administrator changes another user's password") }
            return [.init(Streams.user(id), .passwordChanged(passwordHash: hash))]
        case .recordLogin(let id, let succeeded):
            guard state.accounts[id] != nil else { throw DomainError.notFound("no user \(id)") }
            return [.init(Streams.user(id), succeeded ? .loginSucceeded : .loginFailed)]
        case let .setUserActive(id, active):
            try requireAdmin()
            guard state.accounts[id] != nil else { throw DomainError.notFound("no user \(id)") }
            guard id != actor.id else { throw DomainError.invalid("you cannot deactivate yourself") }
            return [.init(Streams.user(id), .userActiveSet(active: active))]
        case let .defineBenefit(b):
            try requireAdmin()
            guard !b.code.isEmpty, b.code.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
                throw DomainError.invalid("a benefit code uses a-z, 0-9 and '-'")
            }
            guard b.validTo.map({ $0 >= b.validFrom }) ?? true else { throw DomainError.invalid("a benefit cannot end before it starts") }
            var benefit = b
            benefit.danish = try text(b.danish, "Danish name"); benefit.english = try text(b.english, "English name")
            return [.init(Streams.benefits, .benefitDefined(benefit))]

        case let .registerCitizen(cprText, name, benefit, responsible):
            guard actor.role != .admin else { throw DomainError.forbidden("administrators manage users, not citizens") }
            let cpr: CPR
            do { cpr = try CPR(cprText) } catch { throw DomainError.invalid("\"\(cprText)\": \(error)") }
            guard cpr.birthDate <= today else { throw DomainError.invalid("\"\(cprText)\": the birth date is in the future") }
            if let existing = state.citizenByCPR[cpr.digits] {
                throw DomainError.conflict("a citizen with CPR number \(cpr.masked) is registered already (\(existing))")
            }
            let responsibleID = responsible ?? actor.id
            try requireCaseworker(responsibleID, as: "responsible caseworker")
            if let benefit { try requireBenefit(benefit) }
            let id = "c\(state.citizenCount + 1)"
            return [.init(id, .citizenRegistered(cpr: cpr.digits, name: try text(name, "name"), benefit: benefit,
                                                responsible: responsibleID, sectors: [actor.sector]))]
        case let .changeCitizenDetails(cid, name, benefit):
            _ = try changeable(cid)
            if let benefit { try requireBenefit(benefit) }
            guard name != nil || benefit != nil else { throw DomainError.invalid("nothing to change: give a name or a benefit") }
            return [.init(cid, .citizenDetailsChanged(name: try name.map { try text($0, "name") }, benefit: benefit))]
        case let .changeResponsible(cid, user):
            let c = try changeable(cid)
            try requireCaseworker(user, as: "responsible caseworker")
            guard c.responsible != user else { throw DomainError.invalid("\(user) is already responsible for \(cid)") }
            return [.init(cid, .responsibleChanged(user: user))]
        case let .chooseContactPerson(cid, name):
            _ = try changeable(cid)
            return [.init(cid, .contactPersonChosen(name: try name.map { try text($0, "contact person") }))]
        case let .linkHousehold(cid, member):
            _ = try changeable(cid)
            if let other = member.citizen {
                guard state.citizens[other] != nil else { throw DomainError.notFound("no citizen \(other)") }
                guard other != cid else { throw DomainError.invalid("a citizen cannot be their own household member") }
            }
            var m = member; m.name = try text(member.name, "name")
            return [.init(cid, .householdLinked(m))]
        case let .giveConsent(cid, sectors, given):
            let c = try changeable(cid)
            guard Set(sectors).count >= 2 else { throw DomainError.invalid("a consent to share names at least two sectors") }
            let date = given ?? today
            guard date <= today else { throw DomainError.invalid("a consent cannot be given in the future") }
            let unique = Sector.allCases.filter(sectors.contains)
            return [.init(cid, .consentGiven(Consent(id: "s\(c.consents.count + 1)", sectors: unique, given: date, withdrawn: nil)))]
        case let .withdrawConsent(cid, id):
            let c = try changeable(cid)
            guard let consent = c.consents.first(where: { $0.id == id }) else { throw DomainError.notFound("no consent \(id) for \(cid)") }
            guard consent.withdrawn == nil else { throw DomainError.invalid("consent \(id) was withdrawn already") }
            return [.init(cid, .consentWithdrawn(id: id, date: today))]

        case let .createPlan(cid, goal, words):
            let c = try changeable(cid)
            guard c.plan == nil else { throw DomainError.conflict("\(cid) has a unified plan already: one plan per citizen") }
            guard !c.activeConsents(on: today).isEmpty else {
                throw DomainError.invalid("a unified plan needs the citizen's consent to share between sectors: record it first")
            }
            return [.init(cid, .planCreated(overallGoal: goal, ownWords: words.trimmingCharacters(in: .whitespacesAndNewlines), date: today))]
        case let .changePlanGoal(cid, goal, words):
            _ = try planOf(cid)
            return [.init(cid, .planGoalChanged(overallGoal: goal, ownWords: words.trimmingCharacters(in: .whitespacesAndNewlines)))]
        case let .addGoal(cid, area, goalText):
            let p = try planOf(cid)
            return [.init(cid, .goalAdded(Goal(id: "g\(p.goals.count + 1)", area: area, text: try text(goalText, "goal"), status: .open)))]
        case let .setGoalStatus(cid, gid, status):
            let p = try planOf(cid)
            guard p.goals.contains(where: { $0.id == gid }) else { throw DomainError.notFound("no goal \(gid) in \(cid)'s plan") }
            return [.init(cid, .goalStatusChanged(id: gid, status: status))]
        case let .changeGoal(cid, gid, area, goalText):
            let p = try planOf(cid)
            guard let g = p.goals.first(where: { $0.id == gid }) else { throw DomainError.notFound("no goal \(gid) in \(cid)'s plan") }
            let t = try text(goalText, "goal")
            guard g.area != area || g.text != t else { throw DomainError.invalid("goal \(gid) is like that already: nothing to save") }
            return [.init(cid, .goalChanged(id: gid, area: area, text: t))]
        case let .changeEffort(cid, eid, goal, title, basis, provider, start, end):
            let c = try changeable(cid)
            let p = try planOf(cid)
            guard let e = p.efforts.first(where: { $0.id == eid }) else { throw DomainError.notFound("no effort \(eid) in \(cid)'s plan") }
            guard Access.seesContent(actor, of: e.sector, in: c, on: today) else {
                throw DomainError.forbidden("effort \(eid) belongs to \(e.sector.rawValue), and no consent lets \(actor.sector.rawValue) see it")
            }
            guard e.status == .planned || e.status == .active else { throw DomainError.invalid("effort \(eid) is \(e.status.rawValue): it can no longer be changed") }
            if let goal, !p.goals.contains(where: { $0.id == goal }) { throw DomainError.notFound("no goal \(goal) in \(cid)'s plan") }
            if let end, end < start { throw DomainError.invalid("an effort cannot end (\(end.iso)) before it starts (\(start.iso))") }
            let changed = DomainEvent.effortChanged(id: eid, goal: goal, title: try text(title, "title"), legalBasis: try text(basis, "legal basis"),
                                                    provider: try text(provider, "provider"), start: start, end: end)
            guard changed != .effortChanged(id: eid, goal: e.goal, title: e.title, legalBasis: e.legalBasis, provider: e.provider, start: e.start, end: e.end) else {
                throw DomainError.invalid("effort \(eid) is like that already: nothing to save")
            }
            return [.init(cid, changed)]
        case let .defineTemplate(t):
            guard actor.role != .caseworker else { throw DomainError.forbidden("supervisors and administrators define plan templates") }
            return [.init(Streams.template(t.id), .templateDefined(try checkedTemplate(t)))]
        case let .applyTemplate(cid, tid, start):
            var p = try planOf(cid)
            guard let t = state.templates[tid] else { throw DomainError.notFound("no plan template \(tid) (see `enplan templates`)") }
            let base = start ?? today
            guard abs(base - today) <= 365 else { throw DomainError.invalid("a template starts within a year of today") }
            var events: [Store.Pending] = [.init(cid, .templateApplied(template: t.id, name: t.name, start: base))]
            var goalIDs: [String: String] = [:]
            for g in t.goals {
                let goal = Goal(id: "g\(p.goals.count + 1)", area: g.area, text: g.text, status: .open)
                goalIDs[g.key] = goal.id
                p.goals.append(goal)
                events.append(.init(cid, .goalAdded(goal)))
            }
            for e in t.efforts {
                let startDay = base + e.startAfterDays
                let effort = Effort(id: "e\(p.efforts.count + 1)", goal: e.goal.flatMap { goalIDs[$0] }, title: e.title, sector: e.sector,
                                    legalBasis: e.legalBasis, provider: e.provider, start: startDay, end: e.days.map { startDay + $0 },
                                    status: startDay <= today ? .active : .planned)
                p.efforts.append(effort)
                events.append(.init(cid, .effortAdded(effort)))
            }
            for days in t.followUpDays {
                let id = "f\(p.followUps.count + 1)"
                p.followUps.append(FollowUp(id: id, due: base + days, done: nil, result: nil))
                events.append(.init(cid, .followUpScheduled(id: id, due: base + days)))
            }
            return events
        case let .addEffort(cid, goal, title, sector, basis, provider, start, end):
            let p = try planOf(cid)
            if let goal, !p.goals.contains(where: { $0.id == goal }) { throw DomainError.notFound("no goal \(goal) in \(cid)'s plan") }
            if let end, end < start { throw DomainError.invalid("an effort cannot end (\(end.iso)) before it starts (\(start.iso))") }
            let effort = Effort(id: "e\(p.efforts.count + 1)", goal: goal, title: try text(title, "title"), sector: sector,
                                legalBasis: try text(basis, "legal basis"), provider: try text(provider, "provider"),
                                start: start, end: end, status: start <= today ? .active : .planned)
            return [.init(cid, .effortAdded(effort))]
        case let .setEffortStatus(cid, eid, status, end):
            let c = try changeable(cid)
            let p = try planOf(cid)
            guard let e = p.efforts.first(where: { $0.id == eid }) else { throw DomainError.notFound("no effort \(eid) in \(cid)'s plan") }
            guard Access.seesContent(actor, of: e.sector, in: c, on: today) else {
                throw DomainError.forbidden("effort \(eid) belongs to \(e.sector.rawValue), and no consent lets \(actor.sector.rawValue) see it")
            }
            guard e.status != .ended && e.status != .cancelled else { throw DomainError.invalid("effort \(eid) is \(e.status.rawValue) already") }
            // Ended: today unless told; cancelled before it began: on its start day.
            let endDay = status == .ended ? (end ?? today) : status == .cancelled ? (end ?? max(today, e.start)) : end
            if status == .ended, let endDay, endDay > today { throw DomainError.invalid("an effort cannot have ended in the future (\(endDay.iso)); plan its end instead") }
            if let endDay, endDay < e.start { throw DomainError.invalid("an effort cannot end before it starts (\(e.start.iso))") }
            return [.init(cid, .effortStatusChanged(id: eid, status: status, end: endDay))]
        case let .recordDecision(cid, area, date, decisionText, deadline):
            let p = try planOf(cid)
            let appeal = deadline ?? date + 28
            guard appeal >= date else { throw DomainError.invalid("the appeal deadline cannot be before the decision") }
            return [.init(cid, .decisionRecorded(Decision(id: "d\(p.decisions.count + 1)", legalArea: area, date: date,
                                                          text: try text(decisionText, "decision text"), appealDeadline: appeal,
                                                          sector: actor.sector)))]
        case let .scheduleFollowUp(cid, due):
            let p = try planOf(cid)
            return [.init(cid, .followUpScheduled(id: "f\(p.followUps.count + 1)", due: due))]
        case let .completeFollowUp(cid, fid, done, result, note):
            let p = try planOf(cid)
            guard let f = p.followUps.first(where: { $0.id == fid }) else { throw DomainError.notFound("no follow-up \(fid) in \(cid)'s plan") }
            guard f.done == nil else { throw DomainError.invalid("follow-up \(fid) was completed already") }
            guard done <= today else { throw DomainError.invalid("a follow-up cannot be completed in the future") }
            return [.init(cid, .followUpCompleted(id: fid, done: done, result: result, note: note))]
        case let .recordAssessment(cid, domain, score, date):
            _ = try planOf(cid)
            guard Assessment.isValidScore(score) else { throw DomainError.invalid("a mastery score is 0-4, or 9 for not relevant") }
            guard date <= today else { throw DomainError.invalid("an assessment cannot be dated in the future") }
            return [.init(cid, .assessmentRecorded(Assessment(domain: try text(domain, "domain"), score: score, date: date)))]
        case let .sendReferral(cid, to, referralText):
            let p = try planOf(cid)
            guard to != actor.sector else { throw DomainError.invalid("a referral goes to another sector than your own") }
            return [.init(cid, .referralSent(Referral(id: "r\(p.referrals.count + 1)", from: actor.sector, to: to,
                                                      text: try text(referralText, "referral text"), date: today, status: .requested)))]
        case let .answerReferral(cid, rid, status):
            let p = try planOf(cid)
            guard let r = p.referrals.first(where: { $0.id == rid }) else { throw DomainError.notFound("no referral \(rid) in \(cid)'s plan") }
            guard r.status == .requested || (r.status == .accepted && status == .revoked) else {
                throw DomainError.invalid("referral \(rid) is \(r.status.rawValue): it cannot become \(status.rawValue)")
            }
            switch status {
            case .accepted, .rejected:
                guard actor.sector == r.to else { throw DomainError.forbidden("only the \(r.to.rawValue) sector answers referral \(rid)") }
            case .revoked:
                guard actor.sector == r.from else { throw DomainError.forbidden("only the \(r.from.rawValue) sector revokes referral \(rid)") }
            case .requested: throw DomainError.invalid("a referral is answered with accepted, rejected or revoked")
            }
            return [.init(cid, .referralAnswered(id: rid, status: status))]
        case let .logContact(cid, channel, note, at):
            _ = try changeable(cid)
            if let at, at.day > today { throw DomainError.invalid("a contact cannot be logged in the future") }
            return [.init(cid, .contactLogged(channel: channel, sector: actor.sector, note: note, at: at))]

        case let .scheduleMeeting(type, cid, start, minutes, room, participants, guests, allowConflict, agenda):
            guard actor.role != .admin else { throw DomainError.forbidden("administrators manage users, not meetings") }
            if let cid { _ = try changeable(cid) }
            guard (5...480).contains(minutes) else { throw DomainError.invalid("a meeting lasts 5 to 480 minutes") }
            guard !participants.isEmpty else { throw DomainError.invalid("a meeting needs at least one participant") }
            for p in participants {
                guard let u = state.user(p), u.active else { throw DomainError.notFound("no active user \(p)") }
            }
            var meeting = Meeting(id: "m\(state.meetingCount + 1)", type: type, citizen: cid, start: start, minutes: minutes,
                                  room: room?.isEmpty == true ? nil : room, participants: Array(Set(participants)).sorted(),
                                  guests: guests, status: .planned, outcome: nil)
            try requireOpenAgenda(agenda, citizen: cid)
            meeting.agenda = agenda
            if !allowConflict, let clash = Scheduling.conflicts(for: meeting, in: state).first {
                throw DomainError.conflict(clash.description)
            }
            return [.init(meeting.id, .meetingScheduled(meeting))]
        case let .setMeetingStatus(mid, status, outcome):
            guard let m = state.meetings[mid] else { throw DomainError.notFound("no meeting \(mid)") }
            guard m.participants.contains(actor.id) || actor.role == .supervisor || (m.citizen.flatMap { state.citizens[$0] }.map { Access.canChange(actor, $0) } ?? false) else {
                throw DomainError.forbidden("only the meeting's participants change meeting \(mid)")
            }
            return [.init(mid, .meetingStatusChanged(status: status, outcome: outcome))]
        case let .recordMeetingOutcome(mid, status, outcome, result):
            guard let m = state.meetings[mid] else { throw DomainError.notFound("no meeting \(mid)") }
            guard m.participants.contains(actor.id) || actor.role == .supervisor || (m.citizen.flatMap { state.citizens[$0] }.map { Access.canChange(actor, $0) } ?? false) else {
                throw DomainError.forbidden("only the meeting's participants record its outcome")
            }
            guard status != .planned else { throw DomainError.invalid("an outcome is held, cancelled or noshow") }
            var events: [Store.Pending] = [.init(mid, .meetingStatusChanged(status: status, outcome: outcome))]
            if let result, status == .held, let cid = m.citizen, let plan = state.citizens[cid]?.plan {
                guard m.start.day <= today else { throw DomainError.invalid("a meeting that has not happened yet completes no follow-up") }
                for f in plan.followUps where m.agenda.contains(f.id) && f.done == nil {
                    events.append(.init(cid, .followUpCompleted(id: f.id, done: m.start.day, result: result, note: "\(mid)")))
                }
            }
            return events
        case let .joinMeeting(mid, participants, guests, allowConflict, agenda):
            guard let m = state.meetings[mid] else { throw DomainError.notFound("no meeting \(mid)") }
            guard m.status == .planned else { throw DomainError.invalid("meeting \(mid) is \(m.status.rawValue): only a planned meeting can be joined") }
            if let cid = m.citizen { _ = try changeable(cid) } else if !m.participants.contains(actor.id) {
                throw DomainError.forbidden("only the meeting's participants add to meeting \(mid)")
            }
            let new = Array(Set(participants).subtracting(m.participants)).sorted()
            let newAgenda = agenda.filter { !m.agenda.contains($0) }
            try requireOpenAgenda(newAgenda, citizen: m.citizen)
            let newGuests = guests.filter { g in !m.guests.contains(g) }
            guard !new.isEmpty || !newGuests.isEmpty || !newAgenda.isEmpty else {
                throw DomainError.invalid("everyone and everything named is in meeting \(mid) already")
            }
            for p in new {
                guard let u = state.user(p), u.active else { throw DomainError.notFound("no active user \(p)") }
            }
            if !allowConflict {
                var probe = m; probe.participants = new; probe.room = nil
                if let clash = Scheduling.conflicts(for: probe, in: state).first { throw DomainError.conflict(clash.description) }
            }
            return [.init(mid, .meetingJoined(participants: new, guests: newGuests, agenda: newAgenda))]
        }
    }

    // MARK: checks shared by the commands

    private func requireAdmin(orFirstUser: Bool = false) throws {
        if orFirstUser && state.accounts.isEmpty { return }
        guard actor.role == .admin else { throw DomainError.forbidden("only an administrator may do this") }
    }

    private func requireCaseworker(_ id: String, as what: String) throws {
        guard let u = state.user(id), u.active else { throw DomainError.notFound("no active user \(id)") }
        guard u.role == .caseworker else { throw DomainError.invalid("the \(what) must be a caseworker; \(id) is \(u.role.rawValue)") }
    }

    private func requireBenefit(_ code: String) throws {
        guard let b = state.benefits[code] else {
            throw DomainError.invalid("unknown benefit \"\(code)\" (see `enplan benefits`)")
        }
        guard b.isValid(on: today) else { throw DomainError.invalid("the benefit \(b.danish) is not in force on \(today.iso)") }
    }

    /// Agenda items are the citizen's open follow-ups and running efforts.
    private func requireOpenAgenda(_ items: [String], citizen cid: String?) throws {
        guard !items.isEmpty else { return }
        guard let cid, let plan = state.citizens[cid]?.plan else { throw DomainError.invalid("an agenda needs a citizen with a unified plan") }
        for item in items {
            let open = plan.followUps.contains { $0.id == item && $0.done == nil }
                || plan.efforts.contains { $0.id == item && ($0.status == .planned || $0.status == .active) }
            guard open else { throw DomainError.invalid("\(item) is not an open follow-up or a running effort in \(cid)'s plan") }
        }
    }

    private func changeable(_ cid: String) throws -> Citizen {
        guard let c = state.citizens[cid] else { throw DomainError.notFound("no citizen \(cid)") }
        guard Access.canChange(actor, c) else { throw DomainError.forbidden("\(actor.id) does not work on \(cid) and may not change it") }
        return c
    }

    private func planOf(_ cid: String) throws -> Plan {
        let c = try changeable(cid)
        guard let p = c.plan else { throw DomainError.invalid("\(cid) has no unified plan yet: create it first") }
        return p
    }

    /// A template as it may be stored: named, with something in it, every effort under one of
    /// its own goals, and offsets within ten years.
    private func checkedTemplate(_ t: PlanTemplate) throws -> PlanTemplate {
        guard User.isValidID(t.id) else {
            throw DomainError.invalid("template id \"\(t.id)\": use 2-32 of a-z, 0-9, '.', '-', '_', starting with a letter")
        }
        var checked = t
        checked.name = try text(t.name, "template name")
        checked.description = t.description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.goals.isEmpty || !t.efforts.isEmpty else { throw DomainError.invalid("template \(t.id) has neither goals nor efforts") }
        var keys = Set<String>()
        for (i, g) in t.goals.enumerated() {
            guard keys.insert(g.key).inserted else { throw DomainError.invalid("template \(t.id): two goals have the key \"\(g.key)\"") }
            checked.goals[i].text = try text(g.text, "text of goal \(g.key)")
        }
        let range = 0...PlanTemplate.maxDays
        for (i, e) in t.efforts.enumerated() {
            let what = "effort \(i + 1) of template \(t.id)"
            if let goal = e.goal, !keys.contains(goal) { throw DomainError.invalid("\(what) names the goal \"\(goal)\", which the template does not have") }
            checked.efforts[i].title = try text(e.title, "title of \(what)")
            checked.efforts[i].legalBasis = try text(e.legalBasis, "legal basis of \(what)")
            checked.efforts[i].provider = try text(e.provider, "provider of \(what)")
            guard range.contains(e.startAfterDays), e.days.map({ (1...PlanTemplate.maxDays).contains($0) }) ?? true else {
                throw DomainError.invalid("\(what): days are 0 to \(PlanTemplate.maxDays)")
            }
        }
        guard t.followUpDays.allSatisfy(range.contains) else { throw DomainError.invalid("template \(t.id): follow-ups are 0 to \(PlanTemplate.maxDays) days out") }
        return checked
    }

    /// Trimmed, non-empty, one line unless it is free text.
    private func text(_ s: String, _ what: String) throws -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw DomainError.invalid("the \(what) is empty") }
        guard t.utf8.count <= 2000 else { throw DomainError.invalid("the \(what) is longer than 2000 bytes") }
        return t
    }
}

import Foundation
