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
        switch e.type {
        case "CitizenRegistered":
            // Masked on screens that list events; the plan's header shows the full number on request.
            detail = "\(v("name")), \(p(.cpr)) \((try? CPR(v("cpr")).masked) ?? v("cpr"))"
        case "CitizenDetailsChanged": detail = [v("name"), v("benefit")].filter { !$0.isEmpty }.joined(separator: ", ")
        case "ResponsibleChanged": detail = names.user(v("user"))
        case "ContactPersonChosen": detail = v("name")
        case "HouseholdLinked": detail = "\(word(v("relation"))): \(v("name"))"
        case "ConsentGiven": detail = ((try? d.strings("sectors")) ?? []).compactMap(Sector.init(rawValue:)).map(sector).joined(separator: " + ")
        case "ConsentWithdrawn": detail = v("id")
        case "PlanCreated", "PlanGoalChanged": detail = "\(OverallGoal(rawValue: v("overallGoal")).map(overallGoal) ?? "") “\(v("ownWords"))”"
        case "GoalAdded", "GoalChanged": detail = "\(v("id")) [\(word(v("area")))] \(v("text"))"
        case "GoalStatusChanged": detail = "\(v("id")) → \(word(v("status")))"
        case "EffortAdded": detail = "\(v("id")) \(v("title")) · \(v("legalBasis")) · \(v("provider")) · \(day("start"))–\(day("end"))"
        case "EffortChanged": detail = "\(v("id")) \(v("title")) · \(v("legalBasis")) · \(v("provider")) · \(day("start"))–\(day("end"))"
        case "EffortStatusChanged": detail = "\(v("id")) → \(word(v("status")))" + (v("end").isEmpty ? "" : " \(day("end"))")
        case "DecisionRecorded": detail = "\(v("id")) [\(v("legalArea"))] \(day("date")) \(v("text"))"
        case "FollowUpScheduled": detail = "\(v("id")) \(p(.due)) \(day("due"))"
        case "FollowUpCompleted": detail = "\(v("id")) \(day("done")) · \(word(v("result")))"
        case "AssessmentRecorded": detail = "\(v("domain")): \((try? d.int("score")).map(String.init) ?? "") (\(day("date")))"
        case "ReferralSent":
            detail = "\(v("id")) \(Sector(rawValue: v("from")).map(sector) ?? "") → \(Sector(rawValue: v("to")).map(sector) ?? ""): \(v("text"))"
        case "ReferralAnswered": detail = "\(v("id")) → \(word(v("status")))"
        case "ContactLogged": detail = [word(v("channel")), v("note")].filter { !$0.isEmpty }.joined(separator: ": ")
        case "TemplateApplied": detail = "\(v("name")) \(p(.docFrom)) \(day("start"))"
        case "MeetingScheduled": detail = "\(e.stream) \(v("start").replacingOccurrences(of: "T", with: " ")) · \(v("room"))"
        case "MeetingStatusChanged": detail = "\(e.stream) → \(word(v("status")))" + (v("outcome").isEmpty ? "" : ": \(v("outcome"))")
        case "MeetingJoined": detail = "\(e.stream) + \(((try? d.strings("participants")) ?? []).map(names.user).joined(separator: ", "))"
        default: detail = ""
        }
        return detail.isEmpty ? what : "\(what): \(detail)"
    }

    /// An event type as words.
    public func eventName(_ type: String) -> String {
        let names: [String: (String, String)] = [
            "CitizenRegistered": ("Borger oprettet", "Citizen registered"), "CitizenDetailsChanged": ("Oplysninger rettet", "Details changed"),
            "ResponsibleChanged": ("Ny ansvarlig sagsbehandler", "New responsible caseworker"),
            "ContactPersonChosen": ("Kontaktperson valgt", "Contact person chosen"), "HouseholdLinked": ("Husstand", "Household"),
            "ConsentGiven": ("Samtykke givet", "Consent given"), "ConsentWithdrawn": ("Samtykke tilbagekaldt", "Consent withdrawn"),
            "PlanCreated": ("Plan oprettet", "Plan created"), "PlanGoalChanged": ("Overordnet mål ændret", "Overall goal changed"),
            "GoalAdded": ("Delmål", "Sub-goal"), "GoalChanged": ("Delmål rettet", "Sub-goal edited"),
            "GoalStatusChanged": ("Delmål", "Sub-goal"), "EffortAdded": ("Indsats", "Effort"), "EffortChanged": ("Indsats rettet", "Effort edited"),
            "EffortStatusChanged": ("Indsats", "Effort"), "DecisionRecorded": ("Afgørelse", "Decision"),
            "FollowUpScheduled": ("Opfølgning planlagt", "Follow-up planned"), "FollowUpCompleted": ("Opfølgning udført", "Follow-up done"),
            "AssessmentRecorded": ("Egenmestring", "Mastery"), "ReferralSent": ("Henvisning", "Referral"),
            "ReferralAnswered": ("Henvisning besvaret", "Referral answered"), "ContactLogged": ("Kontakt", "Contact"),
            "TemplateApplied": ("Pakkeforløb anvendt", "Template applied"), "MeetingScheduled": ("Møde planlagt", "Meeting planned"),
            "MeetingStatusChanged": ("Møde", "Meeting"), "MeetingJoined": ("Møde udvidet", "Meeting joined"),
        ]
        guard let n = names[type] else { return type }
        return language == .da ? n.0 : n.1
    }
}
