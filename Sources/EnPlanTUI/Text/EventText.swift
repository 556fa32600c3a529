import EnPlanDomain

/// One event of a citizen's case as a line a person reads (the journey, the changes behind a stale
/// save, `enplan journey`). Hidden content (no consent) says only that something happened.
extension Strings {
    public func describe(_ seen: SeenEvent, names: PlanScreen.Names) -> String {
        let e = seen.event
        let d = e.data
        func v(_ k: String) -> String { (try? d.optionalString(k)) ?? nil ?? "" }
        func day(_ k: String) -> String { (try? d.optionalDay(k)).flatMap { $0 }.map(date) ?? "" }
        let what = eventName(e.type)
        if seen.hidden { return "\(what) (\(p(.hiddenContent)))" }
        let detail: String
        switch EventType.named(e.type) {
        case nil: detail = ""
        case .citizenRegistered?:
            // Masked on screens that list events; the plan's header shows the full number on request.
            detail = "\(v("name")), \(p(.cpr)) \((try? CPR(v("cpr")).masked) ?? v("cpr"))"
        case .citizenDetailsChanged?: detail = [v("name"), v("benefit")].filter { !$0.isEmpty }.joined(separator: ", ")
        case .responsibleChanged?: detail = names.user(v("user"))
        case .contactPersonChosen?: detail = v("name") + (v("chosenByCitizen").isEmpty ? "" : " (\(o(.byCitizen).lowercased()) \(day("chosenByCitizen")))")
        case .householdLinked?: detail = "\(word(v("relation"))): \(v("name"))"
        case .consentGiven?: detail = ((try? d.strings("sectors")) ?? []).compactMap(Sector.init(rawValue:)).map(sector).joined(separator: " + ")
        // An item named by id in the event is named in words (`Names.items`).
        case .consentWithdrawn?: detail = names.item(v("id"), strings: self)
        case .planCreated?, .planGoalChanged?: detail = "\(OverallGoal(rawValue: v("overallGoal")).map(overallGoal) ?? "") “\(v("ownWords"))”"
        case .goalAdded?, .goalChanged?: detail = "[\(word(v("area")))] \(v("text"))"
        case .goalStatusChanged?: detail = "\(names.item(v("id"), strings: self)) → \(word(v("status")))"
        case .effortAdded?, .effortChanged?: detail = "\(v("title")) · \(v("legalBasis")) · \(v("provider")) · \(day("start"))–\(day("end"))"
        case .effortStatusChanged?: detail = "\(names.item(v("id"), strings: self)) → \(word(v("status")))" + (v("end").isEmpty ? "" : " \(day("end"))")
        case .decisionRecorded?: detail = "[\(v("legalArea"))] \(day("date")) \(v("text"))"
        case .decisionCorrected?: detail = "[\(v("legalArea"))] \(day("date")) \(v("text"))"
        case .decisionAnnulled?: detail = day("date")
        case .followUpScheduled?: detail = (v("subject").isEmpty ? "" : v("subject") + " · ") + "\(p(.due)) \(day("due"))"
        case .followUpCompleted?: detail = "\(names.item(v("id"), strings: self)) \(day("done")) · \(word(v("result")))"
        case .assessmentRecorded?: detail = "\(v("domain")): \((try? d.int("score")).map(String.init) ?? "") (\(day("date")))"
        case .referralSent?:
            detail = "\(Sector(rawValue: v("from")).map(sector) ?? "") → \(Sector(rawValue: v("to")).map(sector) ?? ""): \(v("text"))"
        case .referralAnswered?: detail = "\(names.item(v("id"), strings: self)) → \(word(v("status")))"
        case .contactLogged?: detail = [word(v("channel")), v("note")].filter { !$0.isEmpty }.joined(separator: ": ")
        case .templateApplied?: detail = "\(v("name")) \(p(.docFrom)) \(day("start"))"
        case .meetingScheduled?:
            let start = v("start").split(separator: "T")
            detail = (start.count == 2 ? (Day(iso: String(start[0])).map(date) ?? "") + " " + start[1] : v("start")) + (v("room").isEmpty ? "" : " · \(v("room"))")
        case .meetingStatusChanged?: detail = "→ \(word(v("status")))" + (v("outcome").isEmpty ? "" : ": \(v("outcome"))")
        case .meetingChanged?:
            let start = v("start").split(separator: "T")
            let when = start.count == 2 ? (Day(iso: String(start[0])).map(date) ?? "") + " " + start[1] : v("start")
            detail = "→ \(when)" + (v("room").isEmpty ? "" : " · \(v("room"))")
        case .participantReplaced?:
            detail = "\(names.user(v("leaving")))" + (v("by").isEmpty ? pick(" er taget af", " taken off") : " → \(names.user(v("by")))")
        case .meetingJoined?: detail = "+ \(((try? d.strings("participants")) ?? []).map(names.user).joined(separator: ", "))"
        case .outcomeRecorded?:
            detail = [OutcomeStatus(rawValue: v("status")).map(outcomeStatus) ?? v("status"), day("date"), v("source")].filter { !$0.isEmpty }.joined(separator: " · ")
        case .ownAssessmentRecorded?:
            detail = "\(OwnAssessmentTopic(rawValue: v("topic")).map(ownTopic) ?? v("topic")): \((try? d.int("score")).map(String.init) ?? "")/5 (\(day("date")))"
                + (v("words").isEmpty ? "" : " “\(v("words"))”")
        case .vulnerabilityRecorded?: detail = ((try? d.bool("on")) == true ? o(.vulnerable) : pick("ikke psykisk sårbar", "not psychologically vulnerable")) + " (\(day("date")))"
        case .planReviewed?:
            let focus = (try? d.int("focus")).flatMap(ReviewFocus.init(rawValue:)).map { text($0.words) } ?? ""
            detail = [Quarter(v("draw")).map { text($0.label) } ?? v("draw"), focus, v("findings")].filter { !$0.isEmpty }.joined(separator: " · ")
        case .caseClosed?, .caseReopened?: detail = day("date")
        case .citizenErased?: detail = [v("rule"), day("closed")].filter { !$0.isEmpty }.joined(separator: " · ")
        case .citizensLinked?, .duplicateDismissed?: detail = names.citizen(v("other"), strings: self)
        case .cprChanged?:
            // Masked on screens that list events, as the registration's number.
            detail = [v("old"), v("new")].map { (try? CPR($0).masked) ?? $0 }.joined(separator: " → ")
        // Not in a citizen's case: no detail.
        case .userContactSet?, .userCreated?, .passwordChanged?, .userActiveSet?, .loginFailed?, .loginSucceeded?, .benefitDefined?, .templateDefined?,
             .targetDefined?, .targetEnded?, .youthTargetGroupSet?, .reviewSampleDrawn?, .offerDefined?, .offerAttendanceReported?, .userUnlocked?,
             .unitDefined?, .userUnitSet?, .userMandateSet?:
            detail = ""
        }
        // A change that asks for a reason (a new responsible, a withdrawn consent, a referral's answer) shows it.
        let why = v("reason").isEmpty ? "" : " · \(p(.because)): “\(v("reason"))”"
        return (detail.isEmpty ? what : "\(what): \(detail)") + why
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
