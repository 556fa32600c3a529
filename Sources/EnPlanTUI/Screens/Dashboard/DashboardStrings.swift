import EnPlanDomain

extension Strings {
    public func d(_ k: D) -> String { text(k) }
    public func text(_ b: Bilingual) -> String { pick(b.da, b.en) }

    /// The supervisors' dashboard and the lists behind its figures.
    public enum D: Localized {
        case citizensWord, followUpsWord, contactsWord, meetingsWord, referralsWord, atCitizens
        case definitionClose, row, changedSince, title, asOf, frozen, period, allSectors, allGroups, allCaseworkers, custom, noRows, rows
        case kUnit, hUnit, allUnits
        case kSection, hSection, kDefinition, hDefinition, kSector, hSector, kGroup, hGroup, kCaseworker, hCaseworker
        case kPeriod, hPeriod, kDates, hDates, kFreeze, hFreeze, kRefresh, hRefresh, kExport, hExport, kCell, hCell
        case kDashboard, hDashboard, cDashboard, exported, numerator, denominator, exclusions, periodDef, definitionOf
        case warn, over, behind, notDrillable, behindFigure, kMark, hMark, kMarkAll, hMarkAll, kGive, hGive
        case giveTitle, giveTo, giveReason, givePreview, given, noneMarked, fFrom, fTo, datesTitle, datesHint
        case thisMonth, lastMonth, thisQuarter, lastQuarter, thisYear, lastYear
        case caseload, timeliness, caseworkers, contacts, coverage, referrals, targets, youth, assessments, interim
        case kTargetGroup, hTargetGroup, groupOnYouth, groupSaved, unknownBenefit, noTargetGroup
        case reviews, offers

        public var pair: (da: String, en: String) {
            switch self {
            case .definitionClose: return ("Esc eller i lukker definitionen", "Esc or i closes the definition")
            case .row: return ("række", "row")
            case .changedSince: return ("ændret siden (r: opdatér)", "changed since (r: refresh)")
            case .title: return ("Overblik", "Dashboard")
            case .asOf: return ("opgjort", "as of")
            case .frozen: return ("FROSSET", "FROZEN")
            case .period: return ("Periode", "Period")
            case .allSectors: return ("alle fagområder", "all sectors")
            case .allGroups: return ("alle målgrupper", "all target groups")
            case .allCaseworkers: return ("alle sagsbehandlere", "all caseworkers")
            case .custom: return ("valgte datoer", "chosen dates")
            case .noRows: return ("Ingen tal at vise med dette filter.", "No figures to show with this filter.")
            case .rows: return ("rækker", "rows")
            case .kSection: return ("Afsnit", "Section")
            case .hSection: return ("Gå til et afsnit: b t e k p h m a o v c (Tab: det næste)", "Go to a section: b t e k p h m a o v c (Tab: the next)")
            case .kDefinition: return ("Definition", "Definition")
            case .hDefinition: return ("Vis tallets definition: tæller, nævner, undtagelser, periode", "Show the figure's definition: numerator, denominator, exclusions, period")
            case .kSector: return ("Fagområde", "Sector")
            case .hSector: return ("Skift fagområde-filter", "Cycle the sector filter")
            case .kGroup: return ("Målgruppe", "Group")
            case .hGroup: return ("Skift målgruppe-filter (børn, unge, voksne)", "Cycle the target group filter (children, youth, adults)")
            case .kCaseworker: return ("Sagsbehandler", "Caseworker")
            case .kUnit: return ("Enhed", "Unit")
            case .hUnit: return ("Skift enhed: op og ned i organisationen, de enheder du leder og dem under dem",
                                 "Cycle the unit: up and down the organisation, the units you lead and those below them")
            case .allUnits: return ("hele organisationen", "the whole organisation")
            case .hCaseworker: return ("Skift sagsbehandler-filter", "Cycle the caseworker filter")
            case .kPeriod: return ("Periode", "Period")
            case .hPeriod: return ("Skift periode: denne eller sidste måned, kvartal, år", "Cycle the period: this or last month, quarter, year")
            case .kDates: return ("Datoer", "Dates")
            case .hDates: return ("Vælg periodens datoer", "Choose the period's dates")
            case .kFreeze: return ("Frys", "Freeze")
            case .hFreeze: return ("Frys tallene (eller slip dem igen)", "Freeze the figures (or let them go again)")
            case .kRefresh: return ("Opdatér", "Refresh")
            case .hRefresh: return ("Beregn tallene igen nu", "Compute the figures again now")
            case .kExport: return ("CSV", "CSV")
            case .hExport: return ("Gem afsnittet som CSV til regneark (uden CPR-numre)", "Save the section as CSV for spreadsheets (no CPR numbers)")
            case .kCell: return ("Borgerne", "Citizens")
            case .hCell: return ("Åbn borgerne bag tallet (Esc: tilbage til tallet)", "Open the citizens behind the figure (Esc: back to the figure)")
            case .kDashboard: return ("Overblik", "Dashboard")
            case .hDashboard: return ("Ledelsens overblik: sagsbelastning, rettidighed, mål", "The supervisors' dashboard: caseloads, timeliness, targets")
            case .cDashboard: return ("Ledelsens overblik", "The supervisors' dashboard")
            case .exported: return ("Gemt som", "Saved as")
            case .numerator: return ("Tæller", "Numerator")
            case .denominator: return ("Nævner", "Denominator")
            case .exclusions: return ("Undtaget", "Excluded")
            case .periodDef: return ("Periode", "Period")
            case .definitionOf: return ("Definition af", "Definition of")
            case .warn: return ("▲ advarsel", "▲ warning")
            case .over: return ("✖ over grænsen", "✖ over the limit")
            case .behind: return ("▼ bagud", "▼ behind")
            case .notDrillable: return ("Der er ingen borgerliste bag dette tal.", "There is no list of citizens behind this figure.")
            case .behindFigure: return ("Borgerne bag", "The citizens behind")
            case .citizensWord: return ("borgere", "citizens")
            case .followUpsWord: return ("opfølgninger", "follow-ups")
            case .contactsWord: return ("kontakter", "contacts")
            case .meetingsWord: return ("møder", "meetings")
            case .referralsWord: return ("henvisninger", "referrals")
            case .atCitizens: return ("hos", "for")
            case .kMark: return ("Markér", "Mark")
            case .hMark: return ("Markér eller fjern markeringen af borgeren (til at flytte)", "Mark or unmark the citizen (to move)")
            case .kMarkAll: return ("Markér alle", "Mark all")
            case .hMarkAll: return ("Markér alle viste borgere, eller ingen", "Mark every citizen shown, or none")
            case .kGive: return ("Flyt", "Move")
            case .hGive: return ("Giv de markerede borgere til en anden sagsbehandler", "Give the marked citizens to another caseworker")
            case .giveTitle: return ("Flyt borgere til en anden sagsbehandler", "Move citizens to another caseworker")
            case .giveTo: return ("Til", "To")
            case .giveReason: return ("Begrundelse", "Reason")
            case .givePreview: return ("Sagsantal før → efter", "Caseload before → after")
            case .given: return ("Borgerne er flyttet", "The citizens were moved")
            case .noneMarked: return ("Markér borgere med mellemrum først.", "Mark citizens with Space first.")
            case .fFrom: return ("Fra", "From")
            case .fTo: return ("Til", "To")
            case .datesTitle: return ("Periode", "Period")
            case .datesHint: return ("Enter: brug datoerne · Esc: fortryd", "Enter: use the dates · Esc: cancel")
            case .thisMonth: return ("denne måned", "this month")
            case .lastMonth: return ("sidste måned", "last month")
            case .thisQuarter: return ("dette kvartal", "this quarter")
            case .lastQuarter: return ("sidste kvartal", "last quarter")
            case .thisYear: return ("i år", "this year")
            case .lastYear: return ("sidste år", "last year")
            case .caseload: return ("Sagsbelastning", "Caseloads")
            case .timeliness: return ("Rettidighed", "Timeliness")
            case .caseworkers: return ("Én sagsbehandler", "One caseworker")
            case .contacts: return ("Kontakter og møder", "Contacts and meetings")
            case .coverage: return ("Én plan", "Unified plan")
            case .referrals: return ("Henvisninger", "Referrals")
            case .targets: return ("Mål", "Targets")
            case .youth: return ("Unge-kohorter", "Youth cohorts")
            case .assessments: return ("Egen vurdering", "Own assessment")
            case .interim: return ("◷ foreløbig", "◷ interim")
            case .kTargetGroup: return ("Målgruppe", "Target group")
            case .hTargetGroup: return ("Sæt målgruppen for unge-kohorterne (i afsnittet unge-kohorter)", "Set the youth cohorts' target group (in the youth cohorts section)")
            case .groupOnYouth: return ("Målgruppen sættes i afsnittet unge-kohorter (a).", "The target group is set in the youth cohorts section (a).")
            case .groupSaved: return ("Målgruppen er gemt; kohorterne er talt op igen.", "The target group is saved; the cohorts are counted again.")
            case .unknownBenefit: return ("ukendt ydelse", "unknown benefit")
            case .noTargetGroup: return ("Ingen målgruppe sat endnu: M sætter den.", "No target group set yet: M sets it.")
            case .reviews: return ("Gennemgang", "Review")
            case .offers: return ("Tilbud", "Offers")
            }
        }
    }
}
