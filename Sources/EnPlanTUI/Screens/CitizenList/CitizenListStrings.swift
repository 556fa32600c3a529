extension Strings {
    public func l(_ k: L) -> String { text(k) }

    /// The citizen list: columns, filters, its keys.
    public enum L: Localized {
        case cprTyping
        case kNewCitizen, hNewCitizen, registerTitle, fCPR, fName, fBenefit, fResponsible, noBenefit, registered, filterWorkingOn, kWorkingOn, hWorkingOn, of, noCitizens, filterPrompt, colName, colCPR, colAge, colGroup, colBenefit, colSectors, colResponsible
        case colNextMeeting, colOverdue, colPlan, filterMine, filterAll, filterYouth, filterOverdue, filterNoPlan
        case filterSector, sortedBy, planActive, planNone, kSearch, kMine, kAll, kYouth, kOverdue, kNoPlan, kSector
        case kSort, kReverse, hSearch, hMine, hAll, hYouth, hOverdue, hNoPlan, hSector, hSort, hReverse

        public var pair: (da: String, en: String) {
            switch self {
            case .kNewCitizen: return ("Ny borger", "New citizen")
            case .hNewCitizen: return ("Registrér en ny borger (CPR-nummer, navn, ydelse, ansvarlig)", "Register a new citizen (CPR number, name, benefit, responsible)")
            case .registerTitle: return ("Ny borger", "New citizen")
            case .fCPR: return ("CPR-nummer", "CPR number")
            case .cprTyping: return ("kun cifre og bindestreg: DDMMÅÅ-SSSS", "digits and a dash only: DDMMYY-SSSS")
            case .fName: return ("Navn", "Name")
            case .fBenefit: return ("Ydelse", "Benefit")
            case .fResponsible: return ("Ansvarlig", "Responsible")
            case .noBenefit: return ("ingen", "none")
            case .registered: return ("Borgeren er registreret", "The citizen is registered")
            case .filterWorkingOn: return ("jeg arbejder med", "I work on")
            case .kWorkingOn: return ("Arbejder med", "Working on")
            case .hWorkingOn: return ("Borgere jeg er ansvarlig for eller har en indsats, et møde eller en kontakt med", "Citizens I am responsible for or have an effort, a meeting or a contact with")
            case .of: return ("af", "of")
            case .noCitizens: return ("Ingen borgere matcher.", "No citizens match.")
            case .filterPrompt: return ("Søg: ", "Search: ")
            case .colName: return ("Navn", "Name")
            case .colCPR: return ("CPR", "CPR")
            case .colAge: return ("Alder", "Age")
            case .colGroup: return ("Gruppe", "Group")
            case .colBenefit: return ("Ydelse", "Benefit")
            case .colSectors: return ("Sektorer", "Sectors")
            case .colResponsible: return ("Ansvarlig", "Responsible")
            case .colNextMeeting: return ("Næste møde", "Next meeting")
            case .colOverdue: return ("Forfaldne", "Overdue")
            case .colPlan: return ("Plan", "Plan")
            case .filterMine: return ("mine (jeg er ansvarlig)", "mine (I am responsible)")
            case .filterAll: return ("alle", "all")
            case .filterYouth: return ("unge under 30", "youth under 30")
            case .filterOverdue: return ("forfaldne opfølgninger", "overdue follow-ups")
            case .filterNoPlan: return ("uden én plan", "no unified plan")
            case .filterSector: return ("fagområde", "sector")
            case .sortedBy: return ("sorteret efter", "sorted by")
            case .planActive: return ("ja", "yes")
            case .planNone: return ("nej", "no")
            case .kSearch: return ("Søg", "Search")
            case .kMine: return ("Mine", "Mine")
            case .kAll: return ("Alle", "All")
            case .kYouth: return ("Unge", "Youth")
            case .kOverdue: return ("Forfaldne", "Overdue")
            case .kNoPlan: return ("Uden plan", "No plan")
            case .kSector: return ("Fagområde", "Sector")
            case .kSort: return ("Sortér", "Sort")
            case .kReverse: return ("Omvendt", "Reverse")
            case .hSearch: return ("Søg i navn eller CPR-cifre mens du skriver (soren finder Søren, aase og ase finder Åse)", "Filter by name or CPR digits as you type (soren finds Søren, aase and ase find Åse)")
            case .hMine: return ("Kun borgere jeg er ansvarlig for", "Only citizens I am responsible for")
            case .hAll: return ("Alle borgere jeg må se", "All citizens I may see")
            case .hYouth: return ("Kun unge under 30", "Only young people under 30")
            case .hOverdue: return ("Kun borgere med forfaldne opfølgninger", "Only citizens with overdue follow-ups")
            case .hNoPlan: return ("Kun borgere uden én plan", "Only citizens without a unified plan")
            case .hSector: return ("Skift fagområde-filter (alle, beskæftigelse, social, …)", "Cycle the sector filter (all, employment, social, …)")
            case .hSort: return ("Sortér efter næste kolonne", "Sort by the next column")
            case .hReverse: return ("Vend sorteringen", "Reverse the sort order")
            }
        }
    }
}
