import EnPlanDomain

/// The plan screen's, the journey's and the plan export's strings: each case is its Danish and
/// English text side by side, so neither can be forgotten.
extension Strings {
    public func p(_ k: P) -> String { text(k) }

    public enum P: Localized {
        case title, noPlan, createPlanHint, cpr, age, group, benefit, responsible, contactPerson, consent, noConsent, household
        case sOverall, sGoals, sEfforts, sDecisions, sFollowUps, sAssessments, sReferrals, sConsents, sHousehold
        case ownWords, created, noGoal, hidden, appealUntil, overdue, due, done, empty, withoutGoal
        case fOverallGoal, fOwnWords, fArea, fText, fGoal, fTitle, fSector, fLegalBasis, fProvider, fStart, fEnd, fStatus
        case fSubject, keepDayAnyway, followUpWord, formEditDecision, decisionStands, decisionAnnul, fWhy, annulledOn, correctedOn, fLegalArea, fDate, fDeadline, fDue, fDone, fResult, fNote, fDomain, fScore, fTo, fAnswer, fChannel, fUser
        case fContactPerson, fSectors, fGiven, fConsent, fRelation, fName, fCitizenID, noSuchCPR, fTemplate
        case formNewGoal, formEditGoal, formNewEffort, formEditEffort, formDecision, formFollowUp, formComplete, formAssessment
        case formReferral, formAnswer, formContact, formResponsible, formConsent, formWithdraw, formHousehold, formTemplate, formOverall
        case formHint, areaHint, discardAsk, saved, required, badDate, badNumber, stale, staleHint, optional, noTemplates
        case journeyTitle, journeyFilters, allSectors, allKinds, contacts, meetings, caseworkers, days90, months12
        case planToEffort, referralToEffort, daysUnit, waitingDays, noEffortYet, journeyEmpty, hiddenContent, exportedPlan
        case kSection, kNewItem, kEdit, kToggle, kContact, kResponsible, kTemplate, kJourney, kExportPlan, kCPR, kPrintPlan, hPrintPlan
        case hSection, hNewItem, hEdit, hToggle, hContact, hResponsible, hTemplate, hJourney, hExportPlan, hCPR
        case kFilterSector, kFilterKind, hFilterSector, hFilterKind, planNotFound, readOnly, readOnlyMark, shareAnyway, notShared, scoresNotShared, fSent
        case docTitle, docIntro, docGoal, docYourWords, docGoals, docEfforts, docDecisions, docAppeal, docFollowUps, docMeetings
        case docContact, docFooter, docNotShared, docFrom, docUntil, docOngoing, docFollowUpsLate
        case fReason, reasonForChange, reasonForRejection, because
        case docPhone, docEmail

        public var pair: (da: String, en: String) {
            switch self {
            case .title: return ("Plan", "Plan")
            case .noPlan: return ("Ingen samlet plan endnu.", "No unified plan yet.")
            case .createPlanHint: return ("n: opret planen (kræver samtykke; s og n registrerer det)", "n: create the plan (needs consent; s then n records it)")
            case .cpr: return ("CPR", "CPR")
            case .age: return ("år", "years")
            case .group: return ("målgruppe", "target group")
            case .benefit: return ("Ydelse", "Benefit")
            case .responsible: return ("Ansvarlig sagsbehandler", "Responsible caseworker")
            case .contactPerson: return ("Kontaktperson", "Contact person")
            case .consent: return ("Samtykke", "Consent")
            case .noConsent: return ("intet samtykke", "no consent")
            case .household: return ("Husstand", "Household")
            case .sOverall: return ("Overordnet mål", "Overall goal")
            case .sGoals: return ("Delmål", "Sub-goals")
            case .sEfforts: return ("Indsatser", "Efforts")
            case .sDecisions: return ("Afgørelser", "Decisions")
            case .sFollowUps: return ("Opfølgninger", "Follow-ups")
            case .sAssessments: return ("Egenmestring", "Mastery")
            case .sReferrals: return ("Henvisninger", "Referrals")
            case .sConsents: return ("Samtykker", "Consents")
            case .sHousehold: return ("Husstand", "Household")
            case .ownWords: return ("Med borgerens egne ord", "In the citizen's own words")
            case .created: return ("oprettet", "created")
            case .noGoal: return ("(uden delmål)", "(no sub-goal)")
            case .hidden: return ("indhold ikke delt (intet samtykke)", "content not shared (no consent)")
            case .appealUntil: return ("klagefrist til", "appeal until")
            case .overdue: return ("OVERSKREDET", "OVERDUE")
            case .due: return ("frist", "due")
            case .done: return ("udført", "done")
            case .empty: return ("(ingen)", "(none)")
            case .withoutGoal: return ("Uden delmål", "Without a sub-goal")
            case .fOverallGoal: return ("Overordnet mål", "Overall goal")
            case .fOwnWords: return ("Egne ord", "Own words")
            case .fArea: return ("Livsområde", "Life area")
            case .fText: return ("Tekst", "Text")
            case .fGoal: return ("Delmål", "Sub-goal")
            case .fTitle: return ("Indsats", "Effort")
            case .fSector: return ("Fagområde", "Sector")
            case .fLegalBasis: return ("Lovgrundlag", "Legal basis")
            case .fProvider: return ("Leverandør", "Provider")
            case .fStart: return ("Start", "Start")
            case .fEnd: return ("Slut", "End")
            case .fStatus: return ("Status", "Status")
            case .fLegalArea: return ("Lovområde", "Legal area")
            case .fDate: return ("Dato", "Date")
            case .fDeadline: return ("Klagefrist", "Appeal deadline")
            case .fDue: return ("Frist", "Due")
            case .fSubject: return ("Emne", "Subject")
            case .formEditDecision: return ("Ret eller annullér afgørelsen af", "Correct or annul the decision of")
            case .decisionStands: return ("gældende (ret den)", "stands (correct it)")
            case .decisionAnnul: return ("annullér den", "annul it")
            case .fWhy: return ("Begrundelse", "Reason")
            case .annulledOn: return ("annulleret", "annulled")
            case .correctedOn: return ("rettet", "corrected")
            case .followUpWord: return ("Opfølgning", "Follow-up")
            case .keepDayAnyway: return ("j: behold dagen · en anden tast: ret", "y: keep the day · any other key: edit")
            case .fDone: return ("Udført", "Done")
            case .fResult: return ("Resultat", "Result")
            case .fNote: return ("Note", "Note")
            case .fDomain: return ("Område", "Domain")
            case .fScore: return ("Score (0-4; 9 = ikke relevant)", "Score (0-4; 9 = not relevant)")
            case .fTo: return ("Til", "To")
            case .fAnswer: return ("Svar", "Answer")
            case .fChannel: return ("Kanal", "Channel")
            case .fUser: return ("Sagsbehandler", "Caseworker")
            case .fContactPerson: return ("Kontaktperson", "Contact person")
            case .fSectors: return ("Fagområder", "Sectors")
            case .fGiven: return ("Givet", "Given")
            case .fConsent: return ("Samtykke", "Consent")
            case .fRelation: return ("Relation", "Relation")
            case .fName: return ("Navn", "Name")
            case .fCitizenID: return ("Hvis borger hos os: CPR-nummer", "If a citizen with us: CPR number")
            case .noSuchCPR: return ("Ingen borger med det CPR-nummer på din liste", "No citizen with that CPR number on your list")
            case .fTemplate: return ("Pakkeforløb", "Template")
            case .formNewGoal: return ("Nyt delmål", "New sub-goal")
            case .formEditGoal: return ("Ret delmål", "Edit sub-goal")
            case .formNewEffort: return ("Ny indsats", "New effort")
            case .formEditEffort: return ("Ret eller afslut indsats", "Edit or end effort")
            case .formDecision: return ("Registrér afgørelse", "Record a decision")
            case .formFollowUp: return ("Planlæg opfølgning", "Plan a follow-up")
            case .formComplete: return ("Afslut opfølgning", "Complete a follow-up")
            case .formAssessment: return ("Registrér egenmestring", "Record an assessment")
            case .formReferral: return ("Send henvisning", "Send a referral")
            case .formAnswer: return ("Besvar henvisning", "Answer a referral")
            case .formContact: return ("Registrér kontakt", "Log a contact")
            case .formResponsible: return ("Ansvarlig og kontaktperson", "Responsible and contact person")
            case .formConsent: return ("Registrér samtykke", "Record consent")
            case .formWithdraw: return ("Tilbagekald samtykke", "Withdraw consent")
            case .formHousehold: return ("Tilføj husstandsmedlem", "Link a household member")
            case .formTemplate: return ("Anvend pakkeforløb", "Apply a plan template")
            case .formOverall: return ("Overordnet mål og egne ord", "Overall goal and own words")
            // Short enough for 80 columns: how to leave the text and save is the point.
            case .areaHint: return ("Enter: ny linje · Tab: næste felt · Enter i andet felt: gem · Esc: annullér",
                                    "Enter: new line · Tab: next field · Enter in another field: save · Esc: cancel")
            case .formHint: return ("Tab/Shift-Tab: felt · ←/→: vælg · Enter: gem · Esc: annullér",
                                    "Tab/Shift-Tab: field · ←/→: choose · Enter: save · Esc: cancel")
            case .discardAsk: return ("Kassér dine ændringer? j: ja · andre taster: fortsæt", "Discard your changes? y: yes · any other key: go on")
            case .saved: return ("Gemt", "Saved")
            case .required: return ("skal udfyldes", "is required")
            case .badDate: return ("dato: dd-mm-åååå, åååå-mm-dd, i dag, +3d, +2u, +1m", "date: dd-mm-yyyy, yyyy-mm-dd, today, +3d, +2w, +1m")
            case .badNumber: return ("skal være et tal", "must be a number")
            case .stale: return ("Planen blev ændret et andet sted, mens du skrev:", "The plan was changed elsewhere while you typed:")
            case .staleHint: return ("Enter: gem din ændring oven på · Esc: kassér din ændring", "Enter: save your change on top · Esc: discard your change")
            case .optional: return ("(valgfri)", "(optional)")
            case .noTemplates: return ("Der er ingen pakkeforløb (enplan template import)", "There are no plan templates (enplan template import)")
            case .journeyTitle: return ("Borgerens forløb", "The citizen's journey")
            case .journeyFilters: return ("f: fagområde · t: slags · Esc: tilbage", "f: sector · t: kind · Esc: back")
            case .allSectors: return ("alle fagområder", "all sectors")
            case .allKinds: return ("alle slags", "all kinds")
            case .contacts: return ("Kontakter", "Contacts")
            case .meetings: return ("Møder", "Meetings")
            case .caseworkers: return ("Sagsbehandlere", "Caseworkers")
            case .days90: return ("90 dage", "90 days")
            case .months12: return ("12 mdr.", "12 months")
            case .planToEffort: return ("Fra plan til første indsats", "From plan to first effort")
            case .referralToEffort: return ("Fra henvisning til indsats", "From referral to effort")
            case .daysUnit: return ("dage", "days")
            case .waitingDays: return ("har ventet", "waiting for")
            case .noEffortYet: return ("ingen indsats endnu", "no effort yet")
            case .journeyEmpty: return ("Intet at vise med disse filtre.", "Nothing to show with these filters.")
            case .hiddenContent: return ("indhold ikke delt", "content not shared")
            case .exportedPlan: return ("Planen er gemt som", "The plan is saved as")
            case .kSection: return ("Afsnit", "Section")
            case .kNewItem: return ("Ny", "New")
            case .kEdit: return ("Ret", "Edit")
            case .kToggle: return ("Fold", "Fold")
            case .kContact: return ("Kontakt", "Contact")
            case .kResponsible: return ("Ansvarlig", "Responsible")
            case .kTemplate: return ("Pakkeforløb", "Template")
            case .kJourney: return ("Forløb", "Journey")
            case .kExportPlan: return ("Eksport", "Export")
            case .kPrintPlan: return ("Udskriv", "Print")
            case .hPrintPlan: return ("Udskriv planen til borgeren (er der flere printere, vælger du)", "Print the plan for the citizen (with more than one printer, you choose)")
            case .kCPR: return ("CPR", "CPR")
            case .hSection: return ("Gå til afsnit: o mål · m delmål · e indsatser · d afgørelser · f opfølgning · a egenmestring · r henvisninger · s samtykker · h husstand · u status · v egen vurdering (Tab: næste)",
                                    "Go to a section: o goal · m sub-goals · e efforts · d decisions · f follow-ups · a mastery · r referrals · s consents · h household · u status · v own assessment (Tab: next)")
            case .hNewItem: return ("Tilføj i afsnittet (delmål, indsats, afgørelse, opfølgning …)", "Add to the section (sub-goal, effort, decision, follow-up …)")
            case .hEdit: return ("Ret det valgte, afslut en opfølgning, besvar en henvisning; på en overskrift: fold", "Edit the selection, complete a follow-up, answer a referral; on a heading: fold")
            case .hToggle: return ("Fold afsnittet sammen eller ud", "Fold the section in or out")
            case .hContact: return ("Registrér en kontakt med borgeren", "Log a contact with the citizen")
            case .hResponsible: return ("Skift ansvarlig sagsbehandler eller kontaktperson", "Change the responsible caseworker or contact person")
            case .hTemplate: return ("Anvend et pakkeforløb: delmål, indsatser og opfølgninger på én gang", "Apply a plan template: goals, efforts and follow-ups at once")
            case .hJourney: return ("Borgerens forløb: alt der er sket, med nøgletal", "The citizen's journey: everything that happened, with figures")
            case .hExportPlan: return ("Gem planen som et dokument til borgeren", "Save the plan as a document for the citizen")
            case .hCPR: return ("Vis eller skjul det fulde CPR-nummer", "Show or hide the full CPR number")
            case .kFilterSector: return ("Fagområde", "Sector")
            case .kFilterKind: return ("Slags", "Kind")
            case .hFilterSector: return ("Vis ét fagområde ad gangen", "Show one sector at a time")
            case .hFilterKind: return ("Vis én slags hændelse ad gangen", "Show one kind of event at a time")
            case .planNotFound: return ("Ingen borger matcher", "No citizen matches")
            case .docTitle: return ("Din plan", "Your plan")
            case .docIntro: return ("Det her er din samlede plan hos kommunen. Den samler det, du og kommunens medarbejdere har aftalt.",
                                    "This is your unified plan with the municipality. It gathers what you and the municipality's staff have agreed.")
            case .docGoal: return ("Dit mål", "Your goal")
            case .docYourWords: return ("Med dine egne ord", "In your own words")
            case .docGoals: return ("Det arbejder vi hen imod", "What we are working towards")
            case .docEfforts: return ("Det sker", "What happens")
            case .docDecisions: return ("Afgørelser", "Decisions")
            case .docAppeal: return ("Du kan klage til og med", "You can appeal until")
            case .docFollowUps: return ("Her følger vi op", "When we follow up")
            case .docMeetings: return ("Dine møder", "Your meetings")
            case .docContact: return ("Din kontakt i kommunen", "Your contact at the municipality")
            case .docFooter: return ("Spørg din sagsbehandler, hvis noget er uklart.", "Ask your caseworker if anything is unclear.")
            case .docNotShared: return ("Du har også indsatser i andre fagområder. De står ikke her, fordi du ikke har givet samtykke til, at de deles mellem fagområderne. Antal",
                                        "You also have efforts in other sectors. They are not listed here, because you have not consented to their being shared between sectors. Number")
            case .docFollowUpsLate: return ("Opfølgninger, der skulle have været holdt (din sagsbehandler kontakter dig)", "Follow-ups that are overdue (your caseworker will contact you)")
            case .docFrom: return ("fra", "from")
            case .docUntil: return ("til", "until")
            case .docOngoing: return ("løbende", "ongoing")
            case .readOnly: return ("Planen er åbnet med en begrundelse og er skrivebeskyttet.", "The plan was opened with a reason and is read-only.")
            case .shareAnyway: return ("j: del alligevel (borgeren har ikke givet samtykke til det) · en anden tast: ret", "y: share anyway (the citizen has not consented to it) · any other key: edit")
            case .fSent: return ("Sendt som", "Sent as")
            case .notShared: return ("ikke delt", "not shared")
            case .scoresNotShared: return ("målinger ikke delt (intet samtykke)", "scores not shared (no consent)")
            case .readOnlyMark: return ("skrivebeskyttet (begrundet opslag)", "read-only (a reasoned look)")
            case .fReason: return ("Begrundelse", "Reason")
            case .reasonForChange: return ("Et skift af ansvarlig kræver en begrundelse", "A change of responsible needs a reason")
            case .reasonForRejection: return ("En afvisning kræver en begrundelse", "A rejection needs a reason")
            case .because: return ("begrundelse", "reason")
            case .docPhone: return ("Telefon", "Phone")
            case .docEmail: return ("E-mail", "E-mail")
            }
        }
    }

    /// How a decision was sent.
    public func delivery(_ d: Delivery) -> String {
        switch d {
        case .digital: return "Digital Post"
        case .letter: return pick("Brev", "Letter")
        case .hand: return pick("Udleveret personligt", "By hand")
        case .quickpost: return "Quickpost"
        }
    }

    /// A domain value (a life area, a status, a result …) in the UI's language.
    public func word(_ raw: String) -> String {
        guard language == .da else { return Strings.englishWords[raw] ?? raw }
        return Strings.danishWords[raw] ?? raw
    }

    static let danishWords: [String: String] = [
        "job": "job", "education": "uddannelse", "health": "sundhed", "social": "socialt", "family": "familie", "housing": "bolig",
        "economy": "økonomi", "network": "netværk", "open": "åben", "achieved": "nået", "dropped": "opgivet",
        "planned": "planlagt", "active": "i gang", "ended": "afsluttet", "cancelled": "aflyst", "continue": "fortsæt",
        "change": "ændr", "end": "afslut", "reassess": "revurdér", "requested": "anmodet", "accepted": "accepteret",
        "rejected": "afvist", "revoked": "trukket tilbage", "phone": "telefon", "meeting": "møde", "letter": "brev",
        "digital": "digital", "partner": "partner", "child": "barn", "parent": "forælder", "sibling": "søskende", "other": "anden",
        "held": "afholdt", "noshow": "udeblev", "none": "ingen",
        "case": "sagen", "consent": "samtykke", "plan": "plan", "effort": "indsats", "decision": "afgørelse",
        "followup": "opfølgning", "assessment": "egenmestring", "referral": "henvisning", "contact": "kontakt",
        "outcome": "status",
    ]
    static let englishWords: [String: String] = ["followup": "follow-up",
                                                 "noshow": "did not come", "case": "case"]
}
