import EnPlanDomain

/// The words of outcomes (status toward self-support) and the citizen's own assessment: the plan's
/// sections `u` and `v`, their forms, the header and the journey. Danish and English side by side.
extension Strings {
    public func o(_ k: O) -> String { text(k) }

    public enum O: Localized {
        case sOutcomes, sOwnAssessments, status, noStatus, source, formOutcome, formOwnAssessment, fTopic, fOwnScore, fWords
        case fSource, fVulnerable, vulnerable, kOutcome, kOwnAssessment, hOutcome, hOwnAssessment, badOwnScore, welfareTech, byCitizen
        case exit

        public var pair: (da: String, en: String) {
            switch self {
            case .sOutcomes: return ("Status mod selvforsørgelse", "Status toward self-support")
            case .sOwnAssessments: return ("Borgerens egen vurdering", "The citizen's own assessment")
            case .status: return ("Status", "Status")
            case .noStatus: return ("ingen status registreret", "no status recorded")
            case .source: return ("kilde", "source")
            case .formOutcome: return ("Registrér status mod selvforsørgelse", "Record a status toward self-support")
            case .formOwnAssessment: return ("Registrér borgerens egen vurdering", "Record the citizen's own assessment")
            case .fTopic: return ("Emne", "Topic")
            case .fOwnScore: return ("Score (1-5)", "Score (1-5)")
            case .fWords: return ("Borgerens egne ord", "The citizen's own words")
            case .fSource: return ("Kilde", "Source")
            case .fVulnerable: return ("Psykisk sårbar", "Psychologically vulnerable")
            case .vulnerable: return ("psykisk sårbar", "psychologically vulnerable")
            case .kOutcome: return ("Status", "Status")
            case .kOwnAssessment: return ("Egen vurdering", "Own assessment")
            case .hOutcome: return ("Gå til status mod selvforsørgelse", "Go to the status toward self-support")
            case .hOwnAssessment: return ("Gå til borgerens egen vurdering", "Go to the citizen's own assessment")
            case .badOwnScore: return ("skal være 1-5", "must be 1-5")
            case .welfareTech: return ("Velfærdsteknologi", "Welfare technology")
            case .byCitizen: return ("Valgt af borgeren", "Chosen by the citizen")
            case .exit: return ("afgang", "exit")
            }
        }
    }

    /// A status toward self-support in words.
    public func outcomeStatus(_ s: OutcomeStatus) -> String {
        switch s {
        case .job: return pick("i job", "in a job")
        case .education: return pick("i uddannelse", "in education")
        case .flexJob: return pick("i fleksjob", "in a flex job")
        case .jobReady: return pick("jobparat", "job-ready")
        case .educationReady: return pick("uddannelsesparat", "education-ready")
        case .activityReady: return pick("aktivitetsparat", "activity-ready")
        case .notReady: return pick("ikke parat", "not ready")
        case .moved: return pick("fraflyttet", "moved away")
        case .pension: return pick("pension", "pension")
        case .died: return pick("død", "died")
        }
    }

    /// What the citizen's own assessment is about, in words.
    public func ownTopic(_ t: OwnAssessmentTopic) -> String {
        switch t {
        case .plan: return pick("planen", "the plan")
        case .contactPerson: return pick("den valgte kontaktperson", "the chosen contact person")
        case .welfareTechnology: return pick("velfærdsteknologi", "welfare technology")
        case .meeting: return pick("et møde", "a meeting")
        case .wholeCase: return pick("hele sagen", "the whole case")
        }
    }
}
