import EnPlanDomain

extension Strings {
    public func a(_ k: A) -> String { text(k) }

    /// The audit screen: who looked at what, spot checks, the citizen's access report.
    public enum A: Localized {
        case title, log, spotCheck, report, allKinds, allUsers, allTime, last30, last7, today, citizenPrompt, noRecords
        case brokeGlass, refused, workRelated, flagged, unchecked, drawHint, counts, noCounts, onlySupervisors, names, units
        case kLog, hLog, kSpot, hSpot, kCitizen, hCitizen, kUser, hUser, kPeriod, hPeriod, kKind, hKind, kReport, hReport
        case kDraw, hDraw, kWork, hWork, kFlag, hFlag, kNames, hNames, kRefresh, hRefresh, cAudit, checked, kindLooks, kindQuiet, flagTitle, flagNote, kExportReport, hExportReport, kPrintReport, hPrintReport, reportSaved

        public var pair: (da: String, en: String) {
            switch self {
            case .title: return ("Opslagslog", "Audit log")
            case .log: return ("Opslag", "Lookups")
            case .spotCheck: return ("Stikprøver", "Spot checks")
            case .report: return ("Borgerens opslagslog", "The citizen's access report")
            case .allKinds: return ("alle slags", "all kinds")
            case .allUsers: return ("alle medarbejdere", "all staff")
            case .allTime: return ("hele loggen", "the whole log")
            case .last30: return ("de sidste 30 dage", "the last 30 days")
            case .last7: return ("de sidste 7 dage", "the last 7 days")
            case .today: return ("i dag", "today")
            case .citizenPrompt: return ("Borger (navn, CPR eller id): ", "Citizen (name, CPR or id): ")
            case .noRecords: return ("Ingen opslag med dette filter.", "No records with this filter.")
            case .brokeGlass: return ("⚠ BEGRUNDET", "⚠ REASONED")
            case .refused: return ("✖ AFVIST", "✖ REFUSED")
            case .workRelated: return ("✓ arbejdsrelateret", "✓ work-related")
            case .flagged: return ("⚑ markeret til opfølgning", "⚑ flagged for follow-up")
            case .unchecked: return ("· ikke vurderet", "· not checked")
            case .drawHint: return ("n: træk 10 tilfældige opslag fra de sidste 30 dage · a: arbejdsrelateret · f: markér til opfølgning",
                                    "n: draw 10 random lookups from the last 30 days · a: work-related · f: flag for follow-up")
            case .counts: return ("Stikprøver pr. måned", "Spot checks a month")
            case .noCounts: return ("ingen endnu", "none yet")
            case .onlySupervisors: return ("Opslagsloggen er for ledere og administratorer.", "The audit log is for supervisors and administrators.")
            case .names: return ("med medarbejdernes navne", "with the staff's names")
            case .units: return ("kun med enheder (fagområde og rolle)", "with units only (sector and role)")
            case .kLog: return ("Opslag", "Lookups")
            case .hLog: return ("Loggens opslag, begrundede og afviste først", "The log's lookups, reasoned and refused first")
            case .kSpot: return ("Stikprøver", "Spot checks")
            case .hSpot: return ("Stikprøver: træk opslag og vurdér dem", "Spot checks: draw lookups and judge them")
            case .kCitizen: return ("Borger", "Citizen")
            case .hCitizen: return ("Filtrér på en borger (navn, CPR-nummer eller id); tomt: alle", "Filter by a citizen (name, CPR number or id); empty: all")
            case .kUser: return ("Medarbejder", "Staff")
            case .hUser: return ("Skift medarbejder-filter", "Cycle the staff filter")
            case .kPeriod: return ("Periode", "Period")
            case .hPeriod: return ("Skift periode: 30 dage, 7 dage, i dag, hele loggen", "Cycle the period: 30 days, 7 days, today, the whole log")
            case .kKind: return ("Slags", "Kind")
            case .hKind: return ("Skift slags: opslag, søgninger, eksporter, afviste, log ind …", "Cycle the kind: lookups, searches, exports, refused, logins …")
            case .kReport: return ("Borgerens log", "Access report")
            case .hReport: return ("Borgerens opslagslog for det valgte opslags borger, på almindeligt dansk", "The selected record's citizen's access report, in plain Danish")
            case .kDraw: return ("Træk", "Draw")
            case .hDraw: return ("Træk 10 tilfældige opslag fra de sidste 30 dage", "Draw 10 random lookups from the last 30 days")
            case .kWork: return ("Arbejdsrelateret", "Work-related")
            case .hWork: return ("Det valgte opslag var arbejdsrelateret", "The selected lookup was work-related")
            case .kFlag: return ("Markér", "Flag")
            case .hFlag: return ("Markér det valgte opslag til opfølgning", "Flag the selected lookup for follow-up")
            case .kNames: return ("Navne", "Names")
            case .hNames: return ("Vis medarbejdernes navne eller kun enheder", "Show the staff's names or units only")
            case .kRefresh: return ("Opdatér", "Refresh")
            case .hRefresh: return ("Læs loggen igen", "Read the log again")
            case .cAudit: return ("Opslagsloggen: hvem så hvad, stikprøver, borgerens opslagslog", "The audit log: who looked at what, spot checks, the citizen's access report")
            case .checked: return ("Stikprøven er gemt", "The spot check is saved")
            case .kindLooks: return ("opslag", "lookups")
            case .kExportReport: return ("Eksport", "Export")
            case .hExportReport: return ("Gem borgerens opslagslog i din udbakke (til borgeren)", "Save the citizen's access report in your outbox (for the citizen)")
            case .kPrintReport: return ("Udskriv", "Print")
            case .hPrintReport: return ("Udskriv borgerens opslagslog (er der flere printere, vælger du)", "Print the citizen's access report (with more than one printer, you choose)")
            case .reportSaved: return ("Opslagsloggen er gemt som", "The access report is saved as")
            case .flagTitle: return ("Markér opslaget til opfølgning", "Flag the lookup for follow-up")
            case .flagNote: return ("Hvorfor (det læser den, der følger op)", "Why (the one following it up reads it)")
            case .kindQuiet: return ("opslag, ændringer og log ind (uden skærmenes egne læsninger)", "looks, changes and logins (without the screens' own reads)")
            }
        }
    }

    /// What a record says was looked at, in words (a view's name, a dashboard section).
    public func auditWhat(_ what: String) -> String {
        if let section = FigureSection(rawValue: what) { return text(section.title) }
        let words: [String: (String, String)] = [
            "plan": ("planen", "the plan"), "detail": ("sagen", "the case"), "journey": ("forløbet", "the journey"),
            "log": ("hændelsesloggen", "the event log"), "meetings": ("møderne", "the meetings"), "search": ("søgning", "search"),
            "list": ("borgerlisten", "the citizen list"), "export": ("eksport", "export"), "plan-document": ("planen til borgeren", "the plan for the citizen"),
            "calendar-file": ("kalenderfil", "calendar file"), "refused": ("afvist", "refused"), "audit": ("opslagsloggen", "the audit log"),
            "spot-check": ("stikprøve", "spot check"), "refused-write": ("ændring", "change"),
            "outbox-fetched": ("hentet fra udbakken", "fetched from the outbox"), "plan-printed": ("planen udskrevet", "the plan printed"), "access-report": ("opslagslog til borgeren", "access report for the citizen"), "damaged": ("skade fundet", "damage found"),
            "released": ("skade frigivet", "damage released"), "key-added": ("nøgle tilføjet", "key added"),
            "key-removed": ("nøgle fjernet", "key removed"), "list-refresh": ("borgerlisten opdateret", "the citizen list refreshed"),
        ]
        return words[what].map { pick($0.0, $0.1) } ?? what
    }

    /// Why a look, a login or a change was refused, in words: the log keeps the store's English
    /// for administrators; the screen says it in the user's language (an unknown reason as
    /// "ikke tilladt", never English on a Danish screen).
    public func auditDetail(_ detail: String) -> String {
        let words: [String: (String, String)] = [
            "unknown citizen": ("ukendt borger", "unknown citizen"),
            "no work relation and no reason": ("ingen arbejdsrelation og ingen begrundelse", "no work relation and no reason"),
            "deactivated user": ("deaktiveret bruger", "deactivated user"),
            "unknown CPR number": ("ukendt CPR-nummer", "unknown CPR number"),
            "unknown or deactivated user": ("ukendt eller deaktiveret bruger", "unknown or deactivated user"),
            "locked after 5 failed attempts": ("låst efter 5 forkerte forsøg", "locked after 5 failed attempts"),
            "wrong password": ("forkert adgangskode", "wrong password"),
        ]
        if let w = words[detail] { return pick(w.0, w.1) }
        if detail.hasPrefix("no citizen "), detail.hasSuffix(" among those you may change") {
            return pick("ingen sådan borger blandt dem, brugeren må ændre", detail)
        }
        return pick("ikke tilladt", detail)
    }

    /// An audit record's kind in words. Exhaustive: a new kind must be worded here.
    public func auditKind(_ k: AuditKind) -> String {
        switch k {
        case .loginSucceeded: return pick("Log ind", "Login")
        case .loginFailed: return pick("Log ind fejlede", "Login failed")
        case .loginRefused: return pick("Log ind afvist", "Login refused")
        case .citizensListed: return pick("Borgerliste", "Citizen list")
        case .citizensSearched: return pick("Søgning", "Search")
        case .citizenViewed: return pick("Opslag", "Look")
        case .meetingsRead: return pick("Kalender", "Calendar")
        case .auditRead: return pick("Loglæsning", "Audit read")
        case .figuresRead: return pick("Tal læst", "Figures read")
        case .figuresExported: return pick("Tal eksporteret", "Figures exported")
        case .exported: return pick("Eksport", "Export")
        case .lookupRefused: return pick("Afvist opslag", "Refused lookup")
        case .storeHead: return pick("Lagerets hoved", "Store head")
        case .truncationAccepted: return pick("Afkortning godkendt", "Truncation accepted")
        case .spotChecked: return pick("Stikprøve", "Spot check")
        case .restored: return pick("Gendannet fra sikkerhedskopi", "Restored from a backup")
        case .keyChanged: return pick("SSH-nøgle ændret", "SSH key changed")
        case .storeDamaged: return pick("Lageret er beskadiget", "Store damaged")
        case .damageReleased: return pick("Skade frigivet af administrator", "Damage released by an administrator")
        case .writeRefused: return pick("Afvist ændring", "Refused change")
        case .storeUpgraded: return pick("Lageret opgraderet til format 2", "Store upgraded to format 2")
        case .archived: return pick("Arkiveret", "Archived")
        case .retentionRun: return pick("Slettet efter frist", "Erased after the retention period")
        }
    }
}
