import EnPlanDomain

extension Strings {
    public func k(_ k: K) -> String { text(k) }

    /// A case's whole life: closing and reopening, a changed CPR number, probable duplicates.
    public enum K: Localized {
        case closeTitle, reopenTitle, cprTitle, fDate, fReason, fNewCPR
        case confirmClose, confirmReopen, confirmCPR, answer
        case closed, reopened, cprChanged, closedOn, sameAs, notSeen, formerCPR
        case kClose, hClose, kCPR, hCPR, kShowClosed, hShowClosed, withClosed
        case possibleDuplicate, askTeamLeader, born
        case dTitle, dHeading, dEmpty, dSameBirth, dNearCPR, dLinkTitle, dDismissTitle, linked, dismissed
        case kLink, hLink, kDismiss, hDismiss, kOpenFirst, hOpenFirst, kOpenSecond, hOpenSecond, cDuplicates, dCount

        public var pair: (da: String, en: String) {
            switch self {
            case .closeTitle: return ("Luk sagen", "Close the case")
            case .reopenTitle: return ("Genåbn sagen", "Reopen the case")
            case .cprTitle: return ("Nyt CPR-nummer", "New CPR number")
            case .fDate: return ("Lukket den", "Closed on")
            case .fReason: return ("Begrundelse", "Reason")
            case .fNewCPR: return ("Nyt CPR-nummer", "New CPR number")
            case .confirmClose: return ("Luk sagen for", "Close the case of")
            case .confirmReopen: return ("Genåbn sagen for", "Reopen the case of")
            case .confirmCPR: return ("Skift CPR-nummer for", "Change the CPR number of")
            case .answer: return ("j: ja · en anden tast: ret", "y: yes · any other key: edit")
            case .closed: return ("Sagen er lukket", "The case is closed")
            case .reopened: return ("Sagen er genåbnet", "The case is reopened")
            case .cprChanged: return ("CPR-nummeret er skiftet; det gamle finder stadig borgeren", "The CPR number is changed; the old one still finds the citizen")
            case .closedOn: return ("Lukket", "Closed")
            case .sameAs: return ("samme person som", "same person as")
            case .notSeen: return ("en anden registrering", "another registration")
            case .formerCPR: return ("Tidligere CPR", "Former CPR")
            case .kClose: return ("Luk/genåbn sag", "Close/reopen case")
            case .hClose: return ("Luk sagen (dato og begrundelse), eller genåbn en lukket sag", "Close the case (date and reason), or reopen a closed one")
            case .kCPR: return ("CPR-skift", "CPR change")
            case .hCPR: return ("Registrér borgerens nye CPR-nummer (det gamle gemmes og finder stadig borgeren)",
                                "Record the citizen's new CPR number (the old one is kept and still finds the citizen)")
            case .kShowClosed: return ("Vis lukkede sager", "Show closed cases")
            case .hShowClosed: return ("Vis eller skjul lukkede sager i listen", "Show or hide closed cases in the list")
            case .withClosed: return ("med lukkede sager", "with closed cases")
            case .possibleDuplicate: return ("Mulig dublet", "Possible duplicate")
            case .askTeamLeader: return ("Der findes måske allerede en registrering: spørg din teamleder",
                                         "There may be a registration already: ask your team leader")
            case .born: return ("født", "born")
            case .dTitle: return ("Mulige dubletter", "Possible duplicates")
            case .dHeading: return ("To registreringer af måske samme person: sæt dem sammen (l) eller afvis parret (a). Intet flettes.",
                                    "Two registrations of perhaps one person: link them (l) or dismiss the pair (a). Nothing is merged.")
            case .dEmpty: return ("Ingen mulige dubletter.", "No possible duplicates.")
            case .dSameBirth: return ("samme fødselsdato, navn ligner", "same birth date, similar name")
            case .dNearCPR: return ("samme navn, CPR næsten ens", "same name, near CPR number")
            case .dLinkTitle: return ("Samme person", "The same person")
            case .dDismissTitle: return ("Ikke samme person", "Not the same person")
            case .linked: return ("Sat sammen som samme person", "Linked as the same person")
            case .dismissed: return ("Afvist: to forskellige personer", "Dismissed: two different people")
            case .kLink: return ("Samme person", "Same person")
            case .hLink: return ("Sæt de to registreringer sammen som samme person (med begrundelse)", "Link the two registrations as one person (with a reason)")
            case .kDismiss: return ("Afvis", "Dismiss")
            case .hDismiss: return ("Afvis parret: to forskellige personer (med begrundelse)", "Dismiss the pair: two different people (with a reason)")
            case .kOpenFirst: return ("Åbn første", "Open first")
            case .hOpenFirst: return ("Åbn den første registrerings plan", "Open the first registration's plan")
            case .kOpenSecond: return ("Åbn anden", "Open second")
            case .hOpenSecond: return ("Åbn den anden registrerings plan", "Open the second registration's plan")
            case .cDuplicates: return ("Mulige dubletter (teamledere)", "Possible duplicates (team leaders)")
            case .dCount: return ("mulige dubletter", "possible duplicates")
            }
        }
    }

    /// A duplicate hint in words: the other registration by name and birth date, or only that
    /// there may be one (a registration the user may not see is never named).
    public func hint(_ h: DuplicateHint) -> String {
        switch h.other {
        case let .named(_, name, born, closed):
            return "\(k(.possibleDuplicate)): \(name), \(k(.born)) \(date(born))" + (closed.map { " (\(k(.closedOn).lowercased()) \(date($0)))" } ?? "")
        case .unseen:
            return k(.askTeamLeader)
        }
    }

    /// "Lukket 03-02-2025".
    public func closedMark(_ day: Day) -> String { "\(k(.closedOn)) \(date(day))" }

    /// "samme person som Soeren Sorensen (111299-XXXX)", or "… en anden registrering".
    public func sameAs(_ r: LinkedRegistration) -> String {
        "\(k(.sameAs)) " + (r.name.map { $0 + (r.maskedCPR.map { " (\($0))" } ?? "") } ?? k(.notSeen))
    }
}
