import EnPlanDomain

/// One event of a citizen's case as a line a person reads (the journey, the changes behind a stale
/// save, `enplan journey`). Hidden content (no consent) says only that something happened.
extension Strings {
    /// The line for an event: its name, then what it says, made from the typed event (the
    /// catalogue's decoding, `DomainEvent(type:fields:)`), never from the payload's field names;
    /// a line whose payload was erased, or of a type this version does not know, is its name alone.
    public func describe(_ seen: SeenEvent, names: PlanScreen.Names) -> String {
        let e = seen.event
        let what = eventName(e.type)
        if seen.hidden { return "\(what) (\(p(.hiddenContent)))" }
        guard !e.erased, let event = try? DomainEvent(type: e.type, fields: e.data) else { return what }
        let (detail, reason) = describe(event, names: names)
        // A change that asks for a reason (a new responsible, a withdrawn consent, a referral's answer) shows it.
        let why = (reason ?? "").isEmpty ? "" : " · \(p(.because)): “\(reason!)”"
        return (detail.isEmpty ? what : "\(what): \(detail)") + why
    }

    /// What an event says, and the reason it carries (if any). One case an event type, no
    /// `default:`: a new event type does not compile until it is worded here.
    private func describe(_ event: DomainEvent, names: PlanScreen.Names) -> (String, String?) {
        func item(_ id: String) -> String { names.item(id, strings: self) }
        func masked(_ cpr: String) -> String { (try? CPR(cpr).masked) ?? cpr }
        func joined(_ parts: [String?], _ separator: String) -> String { parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: separator) }
        func when(_ t: LocalTime) -> String { "\(date(t.day)) \(Day.pad(t.minuteOfDay / 60, 2)):\(Day.pad(t.minuteOfDay % 60, 2))" }
        func room(_ r: String?) -> String { (r ?? "").isEmpty ? "" : " · \(r!)" }
        switch event {
        // Masked on screens that list events; the plan's header shows the full number on request.
        case let .citizenRegistered(cpr, name, _, _, _): return ("\(name), \(p(.cpr)) \(masked(cpr))", nil)
        case let .citizenDetailsChanged(name, benefit): return (joined([name, benefit], ", "), nil)
        case let .responsibleChanged(user, reason): return (names.user(user), reason)
        case let .contactPersonChosen(name, chosen):
            return ((name ?? "") + (chosen.map { " (\(o(.byCitizen).lowercased()) \(date($0)))" } ?? ""), nil)
        case let .householdLinked(m): return ("\(word(m.relation.rawValue)): \(m.name)", nil)
        case let .consentGiven(c): return (c.sectors.map(sector).joined(separator: " + "), nil)
        // An item the event names by id is named in words (`Names.items`).
        case let .consentWithdrawn(id, _, reason): return (item(id), reason)
        case let .planCreated(goal, words, _), let .planGoalChanged(goal, words): return ("\(overallGoal(goal)) “\(words)”", nil)
        case let .goalAdded(g): return ("[\(word(g.area.rawValue))] \(g.text)", nil)
        case let .goalChanged(_, area, text): return ("[\(word(area.rawValue))] \(text)", nil)
        case let .goalStatusChanged(id, status): return ("\(item(id)) → \(word(status.rawValue))", nil)
        case let .effortAdded(x): return ("\(x.title) · \(x.legalBasis) · \(x.provider) · \(date(x.start))–\(x.end.map(date) ?? "")", nil)
        case let .effortChanged(_, _, title, basis, provider, start, end):
            return ("\(title) · \(basis) · \(provider) · \(date(start))–\(end.map(date) ?? "")", nil)
        case let .effortStatusChanged(id, status, end): return ("\(item(id)) → \(word(status.rawValue))" + (end.map { " \(date($0))" } ?? ""), nil)
        case let .decisionRecorded(d): return ("[\(d.legalArea.rawValue)] \(date(d.date)) \(d.text)", nil)
        case let .decisionCorrected(_, area, day, text, _, _, reason): return ("[\(area.rawValue)] \(date(day)) \(text)", reason)
        case let .decisionAnnulled(_, day, _, reason): return (date(day), reason)
        case let .followUpScheduled(_, due, _, subject): return (joined([subject, "\(p(.due)) \(date(due))"], " · "), nil)
        case let .followUpCompleted(id, done, result, _): return ("\(item(id)) \(date(done)) · \(word(result.rawValue))", nil)
        case let .assessmentRecorded(a): return ("\(a.domain): \(a.score) (\(date(a.date)))", nil)
        case let .referralSent(r): return ("\(sector(r.from)) → \(sector(r.to)): \(r.text)", nil)
        case let .referralAnswered(id, status, reason): return ("\(item(id)) → \(word(status.rawValue))", reason)
        case let .contactLogged(channel, _, note, _): return (joined([word(channel.rawValue), note], ": "), nil)
        case let .templateApplied(_, name, start): return ("\(name) \(p(.docFrom)) \(date(start))", nil)
        case let .meetingScheduled(m): return (when(m.start) + room(m.room), nil)
        case let .meetingStatusChanged(status, outcome): return ("→ \(word(status.rawValue))" + ((outcome ?? "").isEmpty ? "" : ": \(outcome!)"), nil)
        case let .meetingChanged(_, start, _, r, _): return ("→ \(when(start))" + room(r), nil)
        case let .participantReplaced(leaving, by): return (names.user(leaving) + (by.map { " → \(names.user($0))" } ?? pick(" er taget af", " taken off")), nil)
        case let .meetingJoined(participants, _, _): return ("+ \(participants.map(names.user).joined(separator: ", "))", nil)
        case let .outcomeRecorded(o): return (joined([outcomeStatus(o.status), date(o.date), o.source], " · "), nil)
        case let .ownAssessmentRecorded(a):
            return ("\(ownTopic(a.topic)): \(a.score)/5 (\(date(a.date)))" + (a.words.isEmpty ? "" : " “\(a.words)”"), nil)
        case let .vulnerabilityRecorded(on, day, _): return ((on ? o(.vulnerable) : pick("ikke psykisk sårbar", "not psychologically vulnerable")) + " (\(date(day)))", nil)
        case let .planReviewed(r): return (joined([Quarter(r.draw).map { text($0.label) } ?? r.draw, text(r.focus.words), r.findings], " · "), nil)
        case let .caseClosed(day, reason), let .caseReopened(day, reason): return (date(day), reason)
        case let .citizenErased(rule, closed, _): return (joined([rule, date(closed)], " · "), nil)
        case let .citizensLinked(other, reason), let .duplicateDismissed(other, reason): return (names.citizen(other, strings: self), reason)
        // Masked on screens that list events, as the registration's number.
        case let .cprChanged(old, new, reason): return ("\(masked(old)) → \(masked(new))", reason)
        // Not in a citizen's case: no detail.
        case .userContactSet, .userCreated, .passwordChanged, .userActiveSet, .loginFailed, .loginSucceeded, .benefitDefined, .templateDefined,
             .targetDefined, .targetEnded, .youthTargetGroupSet, .reviewSampleDrawn, .offerDefined, .offerAttendanceReported, .userUnlocked,
             .unitDefined, .userUnitSet, .userMandateSet:
            return ("", nil)
        }
    }

    /// An event type as words (a type outside a citizen's case, or unknown: its name in the log).
    public func eventName(_ type: String) -> String {
        guard let eventType = EventType.named(type), let n = Self.eventNames(eventType) else { return type }
        return pick(n.0, n.1)
    }

    private static func eventNames(_ type: EventType) -> (String, String)? {
        switch type {
        case .citizenRegistered: ("Borger oprettet", "Citizen registered")
        case .citizenDetailsChanged: ("Oplysninger rettet", "Details changed")
        case .responsibleChanged: ("Ny ansvarlig sagsbehandler", "New responsible caseworker")
        case .contactPersonChosen: ("Kontaktperson valgt", "Contact person chosen")
        case .householdLinked: ("Husstand", "Household")
        case .consentGiven: ("Samtykke givet", "Consent given")
        case .consentWithdrawn: ("Samtykke tilbagekaldt", "Consent withdrawn")
        case .planCreated: ("Plan oprettet", "Plan created")
        case .planGoalChanged: ("Overordnet mål ændret", "Overall goal changed")
        case .goalAdded: ("Delmål", "Sub-goal")
        case .goalChanged: ("Delmål rettet", "Sub-goal edited")
        case .goalStatusChanged: ("Delmål", "Sub-goal")
        case .effortAdded: ("Indsats", "Effort")
        case .effortChanged: ("Indsats rettet", "Effort edited")
        case .effortStatusChanged: ("Indsats", "Effort")
        case .decisionRecorded: ("Afgørelse", "Decision")
        case .decisionCorrected: ("Afgørelse rettet", "Decision corrected")
        case .decisionAnnulled: ("Afgørelse annulleret", "Decision annulled")
        case .followUpScheduled: ("Opfølgning planlagt", "Follow-up planned")
        case .followUpCompleted: ("Opfølgning udført", "Follow-up done")
        case .assessmentRecorded: ("Egenmestring", "Mastery")
        case .referralSent: ("Henvisning", "Referral")
        case .referralAnswered: ("Henvisning besvaret", "Referral answered")
        case .contactLogged: ("Kontakt", "Contact")
        case .templateApplied: ("Pakkeforløb anvendt", "Template applied")
        case .meetingScheduled: ("Møde planlagt", "Meeting planned")
        case .meetingStatusChanged: ("Møde", "Meeting")
        case .meetingJoined: ("Møde udvidet", "Meeting joined")
        case .participantReplaced: ("Deltager udskiftet", "Participant replaced")
        case .outcomeRecorded: ("Status mod selvforsørgelse", "Status toward self-support")
        case .ownAssessmentRecorded: ("Borgerens egen vurdering", "The citizen's own assessment")
        case .vulnerabilityRecorded: ("Sårbarhed", "Vulnerability")
        case .meetingChanged: ("Møde flyttet eller rettet", "Meeting moved or edited")
        case .planReviewed: ("Kvartalsgennemgang", "Quarterly review")
        case .caseClosed: ("Sag lukket", "Case closed")
        case .caseReopened: ("Sag genåbnet", "Case reopened")
        case .citizensLinked: ("Samme person som", "Same person as")
        case .duplicateDismissed: ("Ikke samme person som", "Not the same person as")
        case .cprChanged: ("CPR-nummer ændret", "CPR number changed")
        case .citizenErased: ("Personoplysninger slettet efter frist", "Personal data erased after the retention period")
        case .unitDefined: ("Enhed oprettet eller ændret", "Unit defined or changed")
        case .userUnitSet: ("Medarbejder placeret i enhed", "Staff member placed in a unit")
        case .userMandateSet: ("Kompetence (afgørelser) ændret", "Mandate (decisions) changed")
        case .userCreated, .passwordChanged, .userActiveSet, .loginFailed, .loginSucceeded, .benefitDefined, .templateDefined, .targetDefined, .targetEnded,
             .youthTargetGroupSet, .userContactSet, .reviewSampleDrawn, .offerDefined, .offerAttendanceReported, .userUnlocked: nil
        }
    }
}
