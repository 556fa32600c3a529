import EnPlanDomain

extension Strings {
    public func v(_ k: V) -> String { text(k) }

    /// The quarterly review on the dashboard (drawing the sample, the review form) and the
    /// offers in the effort form.
    public enum V: Localized {
        case kDraw, hDraw, drawTitle, fSize, drawHint, drawn, notDrawn, progress
        case kReview, hReview, reviewTitle, fAuthority, fProvider, fInvited, fTookPart, fFocus, fFindings, fAction, fActionDue, fDate
        case reviewed, yes, no, fOffer, noOffer, fProviderNoOffer, alreadyReviewed, alreadyDrawn, tookPartNotInvited, inFuture

        public var pair: (da: String, en: String) {
            switch self {
            case .kDraw: return ("Træk", "Draw")
            case .hDraw: return ("Træk kvartalets stikprøve af planer til gennemgang (ledere)", "Draw the quarter's sample of plans to review (supervisors)")
            case .drawTitle: return ("Træk kvartalets stikprøve (mindst én fra hvert fagområde × målgruppe)", "Draw the quarter's sample (at least one from each sector × target group)")
            case .fSize: return ("Antal planer", "Number of plans")
            case .drawHint: return ("Enter: træk · Esc: fortryd · planer gennemgået de sidste 12 måneder er udeladt", "Enter: draw · Esc: cancel · plans reviewed in the last 12 months are left out")
            case .drawn: return ("Stikprøven er trukket", "The sample is drawn")
            case .notDrawn: return ("ikke trukket endnu (n: træk)", "not drawn yet (n: draw)")
            case .progress: return ("Kvartalsgennemgang", "Quarterly review")
            case .kReview: return ("Gennemgå", "Review")
            case .hReview: return ("Registrér gennemgangen af den valgte borgers plan", "Record the review of the selected citizen's plan")
            case .reviewTitle: return ("Gennemgang af planen", "Review of the plan")
            case .fAuthority: return ("Gennemgået af (myndighed)", "Reviewed by (authority)")
            case .fProvider: return ("Gennemgået af (udfører)", "Reviewed by (provider)")
            case .fInvited: return ("Borgeren inviteret", "Citizen invited")
            case .fTookPart: return ("Borgeren deltog", "Citizen took part")
            case .fFocus: return ("Rehabiliterende fokus", "Rehabilitation focus")
            case .fFindings: return ("Fund", "Findings")
            case .fAction: return ("Handling (bliver en opfølgning)", "Action (becomes a follow-up)")
            case .fActionDue: return ("Handlingen følges op", "Action followed up")
            case .fDate: return ("Dato", "Date")
            case .reviewed: return ("Gennemgangen er gemt", "The review is saved")
            case .yes: return ("ja", "yes")
            case .no: return ("nej", "no")
            case .fOffer: return ("Tilbud", "Offer")
            case .noOffer: return ("(intet tilbud – skriv udfører)", "(no offer – type the provider)")
            case .alreadyReviewed: return ("Planen er allerede gennemgået for kvartalet, den", "The plan is reviewed for the quarter already, on")
            case .alreadyDrawn: return ("Kvartalets stikprøve er allerede trukket (Enter på Trukket viser planerne).", "The quarter's sample is drawn already (Enter on Drawn shows the plans).")
            case .tookPartNotInvited: return ("en borger, der deltog, var inviteret", "a citizen who took part was invited")
            case .inFuture: return ("datoen ligger efter i dag", "the date is after today")
            case .fProviderNoOffer: return ("Udfører (uden tilbud)", "Provider (without an offer)")
            }
        }
    }
}
