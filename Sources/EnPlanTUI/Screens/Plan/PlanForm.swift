import EnPlanDomain

/// The plan screen's forms: what each one asks, and the domain commands its fields make. The
/// rules stay in the domain; a form only turns typing into a `Command`.
public struct PlanForm: Sendable {
    public enum Purpose: Equatable, Sendable {
        case overall, newGoal, editGoal(String), newEffort, editEffort(String), decision, editDecision(String), followUp, completeFollowUp(String)
        case assessment, referral, answerReferral(String), contact, responsible, consent, withdrawConsent(String), household, template
        case outcome, ownAssessment
    }

    public let purpose: Purpose
    public let citizen: String
    /// The citizen's version when the form opened: saving against a newer one is refused as stale.
    public var version: Int
    public var form: Form
    /// The domain said what would be shared beyond the consent: the next key answers (j: share).
    public var askingSharing = false
    /// The user said yes to sharing beyond the consent: the save goes through with it.
    public var confirmedSharing = false
    /// A follow-up's day is a weekend or a public holiday: said first, the next key answers (j: keep it).
    public var askingOffDay = false
    public var offDayConfirmed = false
    /// A household member who is a citizen here: found by the CPR number typed, when saving.
    public var linkedCitizen: String?
    /// The responsible caseworker when the form opened: a change asks for a reason.
    public let responsibleBefore: String

    /// What a form needs to know besides the citizen.
    public struct Context: Sendable {
        public var user: User
        public var caseworkers: [User]
        public var templates: [PlanTemplate]
        public var today: Day
        /// The offers register: the effort form picks an offer (and so its provider) by name.
        public var offers: [Offer] = []
    }

    public init?(_ purpose: Purpose, detail: CitizenDetail, context x: Context, strings s: Strings) {
        let c = detail.citizen
        let plan = c.plan
        let today = x.today
        self.purpose = purpose
        citizen = c.id
        version = c.version
        responsibleBefore = c.responsible
        typealias F = Form.Field
        let areas = LifeArea.allCases.map(\.rawValue), areaNames = LifeArea.allCases.map { s.word($0.rawValue) }
        let sectors = Sector.allCases.map(\.rawValue), sectorNames = Sector.allCases.map(s.sector)
        let goalValues = [""] + (plan?.goals.map(\.id) ?? [])
        let goalNames = [s.p(.noGoal)] + (plan?.goals.map(\.text) ?? [])
        switch purpose {
        case .overall:
            // What the user types first comes first, and Tab goes on down the form (not round to a
            // choice that would take the letters).
            form = Form(title: s.p(.formOverall), fields: [
                F.text("words", s.p(.fOwnWords), plan?.ownWords ?? "", required: false),
                F.choice("goal", s.p(.fOverallGoal), OverallGoal.allCases.map(\.rawValue), shown: OverallGoal.allCases.map(s.overallGoal),
                         plan?.overallGoal.rawValue),
            ])
        case .newGoal:
            form = Form(title: s.p(.formNewGoal), fields: [F.choice("area", s.p(.fArea), areas, shown: areaNames), F.text("text", s.p(.fText))])
        case .editGoal(let id):
            guard let g = plan?.goals.first(where: { $0.id == id }) else { return nil }
            let statuses = GoalStatus.allCases.map(\.rawValue)
            form = Form(title: "\(s.p(.formEditGoal)): \(g.text)", fields: [
                F.choice("area", s.p(.fArea), areas, shown: areaNames, g.area.rawValue), F.text("text", s.p(.fText), g.text),
                F.choice("status", s.p(.fStatus), statuses, shown: statuses.map(s.word), g.status.rawValue),
            ])
        case .newEffort:
            form = Form(title: s.p(.formNewEffort), fields: [
                F.choice("goal", s.p(.fGoal), goalValues, shown: goalNames),
                F.text("title", s.p(.fTitle)),
                F.choice("sector", s.p(.fSector), sectors, shown: sectorNames, x.user.sector.rawValue),
                F.text("basis", s.p(.fLegalBasis)),
            ] + (x.offers.isEmpty ? [] : [
                // From the register by name; with no offer, the provider in words.
                F.choice("offer", s.v(.fOffer), [""] + x.offers.map(\.id), shown: [s.v(.noOffer)] + x.offers.map(\.label)),
            ]) + [
                F.text("provider", x.offers.isEmpty ? s.p(.fProvider) : s.v(.fProviderNoOffer),
                       required: x.offers.isEmpty),
                F.date("start", s.p(.fStart), s.date(today)),
                F.date("end", "\(s.p(.fEnd)) \(s.p(.optional))", required: false),
                F.choice("welfare", s.o(.welfareTech), ["no", "yes"], shown: [s.pick("nej", "no"), s.pick("ja", "yes")]),
            ])
        case .editEffort(let id):
            guard let e = plan?.efforts.first(where: { $0.id == id }), !detail.hidden.contains(id) else { return nil }
            let statuses = EffortStatus.allCases.map(\.rawValue)
            form = Form(title: "\(s.p(.formEditEffort)): \(e.title) · \(s.sector(e.sector))", fields: [
                F.choice("goal", s.p(.fGoal), goalValues, shown: goalNames, e.goal ?? ""),
                F.text("title", s.p(.fTitle), e.title),
                F.text("basis", s.p(.fLegalBasis), e.legalBasis),
                F.text("provider", s.p(.fProvider), e.provider),
                F.date("start", s.p(.fStart), s.date(e.start)),
                F.date("end", "\(s.p(.fEnd)) \(s.p(.optional))", e.end.map(s.date) ?? "", required: false),
                F.choice("status", s.p(.fStatus), statuses, shown: statuses.map(s.word), e.status.rawValue),
            ])
        case .decision:
            let laws = LegalArea.allCases.map(\.rawValue)
            let mine = LegalArea.allCases.first { $0.usualSector == x.user.sector }?.rawValue
            form = Form(title: s.p(.formDecision), fields: [
                F.choice("area", s.p(.fLegalArea), laws, mine),
                F.date("date", s.p(.fDate), s.date(today)),
                F.text("text", s.p(.fText)),
                // How it reaches the citizen decides the day of receipt, and so the appeal deadline.
                F.choice("sent", s.p(.fSent), Delivery.allCases.map(\.rawValue), shown: Delivery.allCases.map(s.delivery)),
                F.date("deadline", "\(s.p(.fDeadline)) \(s.p(.optional))", required: false),
            ])
        case .editDecision(let id):
            // The decision in full, to correct (law, date, text, deadline) or annul, either with why.
            guard let d = plan?.decisions.first(where: { $0.id == id }), d.annulled == nil, !detail.hidden.contains(id) else { return nil }
            let laws = LegalArea.allCases.map(\.rawValue)
            form = Form(title: "\(s.p(.formEditDecision)) \(s.date(d.date))", fields: [
                F.choice("status", s.p(.fStatus), ["stands", "annul"], shown: [s.p(.decisionStands), s.p(.decisionAnnul)]),
                F.choice("area", s.p(.fLegalArea), laws, d.legalArea.rawValue),
                F.date("date", s.p(.fDate), s.date(d.date)),
                F.text("text", s.p(.fText), d.text),
                F.date("deadline", s.p(.fDeadline), s.date(d.appealDeadline)),
                F.text("reason", s.p(.fWhy)),
            ])
            form.focus(on: "text")
        case .followUp:
            form = Form(title: s.p(.formFollowUp), fields: [F.text("subject", s.p(.fSubject)), F.date("due", s.p(.fDue), s.pick("+4u", "+4w"))])
        case .completeFollowUp(let id):
            guard let f = plan?.followUps.first(where: { $0.id == id }), f.done == nil else { return nil }
            let results = FollowUpResult.allCases.map(\.rawValue)
            form = Form(title: "\(s.p(.formComplete))\(f.subject.map { ": \($0)" } ?? "") (\(s.p(.due)) \(s.date(f.due)))", fields: [
                F.date("done", s.p(.fDone), s.date(today)),
                F.choice("result", s.p(.fResult), results, shown: results.map(s.word)),
                F.text("note", "\(s.p(.fNote)) \(s.p(.optional))", required: false),
            ])
        case .assessment:
            form = Form(title: s.p(.formAssessment), fields: [
                // FSIII's list (and any other domain the citizen already has a series in).
                F.choice("domain", s.p(.fDomain), FSIII.domains + Set(plan?.assessments.map(\.domain) ?? []).subtracting(FSIII.domains).sorted()),
                Form.Field(key: "score", label: s.p(.fScore), kind: .number(0...4, extra: [9]), value: ""),
                F.date("date", s.p(.fDate), s.date(today)),
            ])
        case .referral:
            let others = Sector.allCases.filter { $0 != x.user.sector }
            form = Form(title: s.p(.formReferral), fields: [
                F.choice("to", s.p(.fTo), others.map(\.rawValue), shown: others.map(s.sector)),
                F.text("text", s.p(.fText)),
            ])
        case .answerReferral(let id):
            guard let r = plan?.referrals.first(where: { $0.id == id }) else { return nil }
            let answers: [ReferralStatus] = x.user.sector == r.from ? [.revoked] : [.accepted, .rejected]
            form = Form(title: "\(s.p(.formAnswer)): \(s.sector(r.from)) → \(s.sector(r.to)) · \(s.date(r.date))", fields: [
                F.choice("answer", s.p(.fAnswer), answers.map(\.rawValue), shown: answers.map { s.word($0.rawValue) }),
                F.text("reason", s.p(.fReason), required: false),
            ])
            // What was asked, in full, above the answer (unless the viewer may not read it).
            form.about = detail.hidden.contains(id) ? nil : "“\(r.text)”"
        case .contact:
            // The note first: typing starts there, never over the date.
            form = Form(title: s.p(.formContact), fields: [
                F.text("note", "\(s.p(.fNote)) \(s.p(.optional))", required: false),
                F.choice("channel", s.p(.fChannel), Channel.allCases.map(\.rawValue), shown: Channel.allCases.map { s.word($0.rawValue) }),
                F.date("date", s.p(.fDate), s.date(today)),
            ])
        case .responsible:
            let workers = x.caseworkers
            form = Form(title: s.p(.formResponsible), fields: [
                F.choice("user", s.p(.fUser), workers.map(\.id), shown: workers.map { "\($0.name), \(s.sector($0.sector))" }, c.responsible),
                F.text("contact", "\(s.p(.fContactPerson)) \(s.p(.optional))", c.contactPerson ?? "", required: false),
                F.choice("chosen", s.o(.byCitizen), ["no", "yes"], shown: [s.pick("nej", "no"), s.pick("ja", "yes")],
                         c.outcomes.contactChosen == nil ? "no" : "yes"),
                F.text("reason", s.p(.fReason), required: false),
            ])
        case .consent:
            form = Form(title: "\(s.p(.formConsent)): \(sectorNames.joined(separator: ", "))", fields: [
                F.text("sectors", s.p(.fSectors)),
                F.date("given", s.p(.fGiven), s.date(today)),
            ])
        case .withdrawConsent(let id):
            guard let consent = c.consents.first(where: { $0.id == id }), consent.withdrawn == nil else { return nil }
            form = Form(title: s.p(.formWithdraw), fields: [
                F.choice("consent", s.p(.fConsent), [id], shown: ["\(consent.sectors.map(s.sector).joined(separator: " + ")) (\(s.date(consent.given)))"]),
                F.text("reason", s.p(.fReason)),
            ])
        case .household:
            let relations = Relation.allCases.map(\.rawValue)
            form = Form(title: s.p(.formHousehold), fields: [
                F.choice("relation", s.p(.fRelation), relations, shown: relations.map(s.word)),
                F.text("name", s.p(.fName)),
                F.cpr("citizen", "\(s.p(.fCitizenID)) \(s.p(.optional))", strings: s, required: false),
            ])
        case .outcome, .ownAssessment:
            form = PlanForm.outcomeForm(purpose, citizen: c, today: today, strings: s)
        case .template:
            guard !x.templates.isEmpty else { return nil }
            form = Form(title: s.p(.formTemplate), fields: [
                F.choice("template", s.p(.fTemplate), x.templates.map(\.id), shown: x.templates.map(\.name)),
                F.date("start", s.p(.fStart), s.date(today)),
            ])
        }
        // Every free text says how much it takes ("180/2000") and takes no more, with the reason; a
        // long one (a note, own words, a decision) is a text area of several lines.
        for (key, field) in textFields { form.limit(key, as: field, strings: s) }
    }

    /// The text fields of this form and the domain's name for each (its length is the domain's rule).
    var textFields: [String: DomainError.TextField] {
        switch purpose {
        case .overall, .ownAssessment: return ["words": .ownWords]
        case .newGoal, .editGoal: return ["text": .goal]
        case .newEffort, .editEffort: return ["title": .title, "basis": .legalBasis, "provider": .provider]
        case .decision: return ["text": .decisionText]
        case .editDecision: return ["text": .decisionText, "reason": .reason]
        case .followUp: return ["subject": .subject]
        case .completeFollowUp, .contact: return ["note": .note]
        case .referral: return ["text": .referralText]
        case .answerReferral, .withdrawConsent: return ["reason": .reason]
        case .responsible: return ["reason": .reason, "contact": .contactPerson]
        case .household: return ["name": .name]
        case .outcome: return ["source": .source]
        case .assessment, .consent, .template: return [:]
        }
    }

    /// The commands the fields make, against the citizen as shown (to tell what changed).
    public func commands(detail: CitizenDetail, today: Day, strings s: Strings) -> [Command] {
        let f = form, c = citizen
        let plan = detail.citizen.plan
        func day(_ k: String) -> Day? { f.day(k, today: today) }
        // Only some forms ask why (a change, a rejection, a withdrawal, an annulment).
        let typedReason = f.has("reason") ? f.value("reason").trimmingCharacters(in: .whitespaces) : ""
        let reason: String? = typedReason.isEmpty ? nil : typedReason
        switch purpose {
        case .overall:
            let goal = OverallGoal(rawValue: f.value("goal")) ?? .employment
            return plan == nil ? [.createPlan(citizen: c, overallGoal: goal, ownWords: f.value("words"))]
                               : [.changePlanGoal(citizen: c, overallGoal: goal, ownWords: f.value("words"))]
        case .newGoal:
            return [.addGoal(citizen: c, area: LifeArea(rawValue: f.value("area")) ?? .job, text: f.value("text"))]
        case .editGoal(let id):
            guard let g = plan?.goals.first(where: { $0.id == id }) else { return [] }
            let area = LifeArea(rawValue: f.value("area")) ?? g.area
            var out: [Command] = []
            if area != g.area || f.value("text") != g.text { out.append(.changeGoal(citizen: c, goal: id, area: area, text: f.value("text"))) }
            if let status = GoalStatus(rawValue: f.value("status")), status != g.status { out.append(.setGoalStatus(citizen: c, goal: id, status: status)) }
            return out
        case .newEffort:
            // The offer is picked only where the register has offers.
            let goal = f.value("goal"), offer = f.has("offer") ? f.value("offer") : ""
            return [.addEffort(citizen: c, goal: goal.isEmpty ? nil : goal, title: f.value("title"),
                               sector: Sector(rawValue: f.value("sector")) ?? .employment, legalBasis: f.value("basis"),
                               provider: f.value("provider"), start: day("start") ?? today, end: day("end"),
                               welfareTechnology: f.value("welfare") == "yes", offer: offer.isEmpty ? nil : offer)]
        case .editEffort(let id):
            guard let e = plan?.efforts.first(where: { $0.id == id }) else { return [] }
            let goal = f.value("goal").isEmpty ? nil : f.value("goal")
            let closing = f.value("status") == "ended" || f.value("status") == "cancelled"
            let start = day("start") ?? e.start
            // Ending or cancelling with the planned end untouched: the domain dates it (today).
            let end = closing && !f.changed("end") ? nil : day("end")
            var out: [Command] = []
            if goal != e.goal || f.value("title") != e.title || f.value("basis") != e.legalBasis || f.value("provider") != e.provider
                || start != e.start || (end != e.end && !closing) {
                out.append(.changeEffort(citizen: c, effort: id, goal: goal, title: f.value("title"), legalBasis: f.value("basis"),
                                         provider: f.value("provider"), start: start, end: end))
            }
            if let status = EffortStatus(rawValue: f.value("status")), status != e.status {
                out.append(.setEffortStatus(citizen: c, effort: id, status: status, end: end))
            }
            return out
        case .decision:
            return [.recordDecision(citizen: c, legalArea: LegalArea(rawValue: f.value("area")) ?? .lab, date: day("date") ?? today,
                                    text: f.value("text"), appealDeadline: day("deadline"), sent: Delivery(rawValue: f.value("sent")) ?? .digital)]
        case .editDecision(let id):
            if f.value("status") == "annul" { return [.annulDecision(citizen: c, decision: id, reason: f.value("reason"))] }
            return [.correctDecision(citizen: c, decision: id, legalArea: LegalArea(rawValue: f.value("area")) ?? .lab, date: day("date") ?? today,
                                     text: f.value("text"), appealDeadline: day("deadline"), reason: f.value("reason"))]
        case .followUp:
            return [.scheduleFollowUp(citizen: c, due: day("due") ?? today, subject: f.value("subject"))]
        case .completeFollowUp(let id):
            let note = f.value("note")
            return [.completeFollowUp(citizen: c, followUp: id, done: day("done") ?? today,
                                      result: FollowUpResult(rawValue: f.value("result")) ?? .continue, note: note.isEmpty ? nil : note)]
        case .assessment:
            return [.recordAssessment(citizen: c, domain: f.value("domain"), score: Int(f.value("score")) ?? -1, date: day("date") ?? today)]
        case .referral:
            return [.sendReferral(citizen: c, to: Sector(rawValue: f.value("to")) ?? .social, text: f.value("text"), confirmedSharing: confirmedSharing)]
        case .answerReferral(let id):
            return [.answerReferral(citizen: c, referral: id, status: ReferralStatus(rawValue: f.value("answer")) ?? .accepted, reason: reason)]
        case .contact:
            let note = f.value("note")
            // Today's contact is "now"; one on an earlier day is dated at 10:00 UTC, within that day in Copenhagen.
            let when = day("date").flatMap { $0 == today ? nil : Timestamp(millis: Int64($0.daysSinceEpoch) * 86_400_000 + 36_000_000) }
            return [.logContact(citizen: c, channel: Channel(rawValue: f.value("channel")) ?? .phone, note: note.isEmpty ? nil : note, at: when)]
        case .responsible:
            var out: [Command] = []
            if f.value("user") != detail.citizen.responsible { out.append(.changeResponsible(citizen: c, user: f.value("user"), reason: reason)) }
            let person = f.value("contact")
            if person != (detail.citizen.contactPerson ?? "") || f.changed("chosen") {
                // The citizen's own choice is dated today (kept when only the name is corrected).
                let chosen = f.value("chosen") == "yes" ? (f.changed("chosen") ? today : detail.citizen.outcomes.contactChosen ?? today) : nil
                out.append(.chooseContactPerson(citizen: c, name: person.isEmpty ? nil : person, chosenByCitizen: chosen))
            }
            return out
        case .consent:
            return [.giveConsent(citizen: c, sectors: PlanForm.sectors(in: f.value("sectors"), strings: s), given: day("given"))]
        case .withdrawConsent(let id):
            return [.withdrawConsent(citizen: c, consent: id, reason: reason)]
        case .household:
            // The member's own registration, found by the CPR number typed (`linkedCitizen`).
            return [.linkHousehold(citizen: c, member: HouseholdMember(relation: Relation(rawValue: f.value("relation")) ?? .other,
                                                                      name: f.value("name"), citizen: linkedCitizen))]
        case .outcome, .ownAssessment:
            return PlanForm.outcomeCommands(purpose, form: f, citizen: detail.citizen, today: today)
        case .template:
            return [.applyTemplate(citizen: c, template: f.value("template"), start: day("start"), confirmedSharing: confirmedSharing)]
        }
    }

    /// Sector names as typed, in either language, separated by commas, spaces or "+".
    static func sectors(in text: String, strings s: Strings) -> [Sector] {
        words(text).compactMap { sector($0, s) }
    }

    private static func words(_ text: String) -> [String] { text.lowercased().split { ", +".contains($0) }.map(String.init) }
    private static func sector(_ w: String, _ s: Strings) -> Sector? {
        Sector(rawValue: w) ?? Sector.allCases.first { s.sector($0).lowercased() == w }
    }

    /// What the fields' own checks cannot see: a word that names no sector; a change of the
    /// responsible or a rejection without a reason. (field, problem)
    public func problem(strings s: Strings) -> (String, String)? {
        let noReason = !form.has("reason") || form.value("reason").trimmingCharacters(in: .whitespaces).isEmpty
        switch purpose {
        case .responsible where noReason && form.value("user") != responsibleBefore: return ("reason", s.p(.reasonForChange))
        case .answerReferral where noReason && form.value("answer") == ReferralStatus.rejected.rawValue: return ("reason", s.p(.reasonForRejection))
        case .outcome where form.value("status").isEmpty && !form.changed("vulnerable"): return ("status", s.p(.required))
        default: break
        }
        guard purpose == .consent else { return nil }
        let unknown = PlanForm.words(form.value("sectors")).filter { PlanForm.sector($0, s) == nil }
        guard let first = unknown.first else { return nil }
        return ("sectors", "\"\(first)\"? " + Sector.allCases.map(s.sector).joined(separator: ", "))
    }

    /// The field of this form each refusal names (the form ignores keys it does not have).
    public var refusalFields: [RefusalField: String] {
        var map: [RefusalField: String] = [
            .goal: "goal", .textOf(.title): "title", .textOf(.legalBasis): "basis", .textOf(.provider): "provider",
            .start: "start", .end: "end", .date: "date", .deadline: "deadline", .textOf(.decisionText): "text",
            .due: "due", .done: "done", .score: "score", .textOf(.domain): "domain", .sectors: "sectors",
            .textOf(.referralText): "text", .responsible: "user", .user: "user", .textOf(.contactPerson): "contact",
            .citizen: "citizen", .textOf(.name): "name", .template: "template", .textOf(.goal): "text",
            .status: "status", .consent: "consent", .textOf(.reason): "reason", .textOf(.source): "source", .textOf(.ownWords): "words",
            .textOf(.note): "note", .textOf(.subject): "subject",
        ]
        switch purpose {
        case .consent: map[.date] = "given"
        case .referral: map[.sectors] = "to"
        case .answerReferral: map[.status] = "answer"
        default: break
        }
        return map
    }
}
