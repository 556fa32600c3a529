import EnPlanDomain
import Foundation

public enum Language: String, CaseIterable, Sendable {
    case da, en

    /// Danish when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with "da", else English.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[name], !v.isEmpty { return v.hasPrefix("da") ? .da : .en }
        }
        return .en
    }
}

/// Every string the screens show, in Danish and English.
public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public func t(_ k: T) -> String { language == .da ? k.danish : k.english }

    /// A string from either catalogue (key tables mix them).
    public enum Text: Sendable { case t(T), p(P) }
    public func text(_ x: Text) -> String {
        switch x {
        case .t(let k): return t(k)
        case .p(let k): return p(k)
        }
    }

    public enum T: Sendable {
        case appName, week, loginTitle, userID, password, name, sector, loginHint, demoHint, firstAdminTitle, firstAdminHint
        case lockedTitle, lockedHint, unlockHint, wrongLogin, tooSmall, noCitizens, filterPrompt, commandPrompt
        case colName, colCPR, colAge, colGroup, colBenefit, colSectors, colResponsible, colNextMeeting, colOverdue, colPlan
        case filterMine, filterAll, filterYouth, filterOverdue, filterNoPlan, filterSector, sortedBy
        case planActive, planNone, helpTitle, helpClose
        // Key labels (bottom bar) and help texts
        case kHelp, kSearch, kCommand, kOpen, kBack, kQuit, kMine, kAll, kYouth, kOverdue, kNoPlan, kSector, kSort, kReverse
        case kLock, kMove, kTop, kBottom, kPage, kRedraw, kCitizens
        case hHelp, hSearch, hCommand, hOpen, hBack, hQuit, hMine, hAll, hYouth, hOverdue, hNoPlan, hSector, hSort, hReverse
        case hLock, hMove, hTop, hBottom, hPage, hRedraw, hCitizens
        case unknownCommand, commandsAre, themeSet, langSet, discarded
        case fType, fCitizen, fDate, fTime, fMinutes, fRoom, fParticipants, fTitle, fSaveAnyway, fMerge, fMergeKey, fHint, fSaved, fMerged
        case kCalendar, kToday, kView, kNew, kGoTo, kNextMeeting, kDay, kWeek, kMonth
        case hCalendar, hToday, hView, hNew, hGoTo, hNextMeeting, hDay, hWeek, hMonth, nextMeetingToday, goToPrompt
        case fPartners, fAgenda, outcomeKeys, outcomePrompt, resultPrompt, outcomeSaved, kExport, hExport, exported

        var danish: String {
            switch self {
            case .appName: return "EnPlan"
            case .week: return "uge"
            case .loginTitle: return "Log ind"
            case .userID: return "Bruger-id"
            case .password: return "Adgangskode"
            case .name: return "Navn"
            case .sector: return "Fagområde"
            case .loginHint: return "Enter: log ind · Tab: næste felt · Esc: afslut"
            case .demoHint: return "Demo: alle demobrugere (fx mette, karen) har adgangskoden \"demo\"."
            case .firstAdminTitle: return "Ingen brugere endnu: opret den første administrator"
            case .firstAdminHint: return "Udfyld felterne og tryk Enter. Fagområde: employment, social, health, family eller misuse."
            case .lockedTitle: return "Skærmen er låst"
            case .lockedHint: return "låste skærmen. Skriv adgangskoden for at låse op, eller skift bruger-id for at logge ind som en anden."
            case .unlockHint: return "Enter: lås op · Tab: skift felt"
            case .wrongLogin: return "Forkert bruger-id eller adgangskode."
            case .tooSmall: return "Terminalen er for lille"
            case .noCitizens: return "Ingen borgere matcher."
            case .filterPrompt: return "Søg: "
            case .commandPrompt: return ":"
            case .colName: return "Navn"
            case .colCPR: return "CPR"
            case .colAge: return "Alder"
            case .colGroup: return "Gruppe"
            case .colBenefit: return "Ydelse"
            case .colSectors: return "Sektorer"
            case .colResponsible: return "Ansvarlig"
            case .colNextMeeting: return "Næste møde"
            case .colOverdue: return "Forfaldne"
            case .colPlan: return "Plan"
            case .filterMine: return "mine"
            case .filterAll: return "alle"
            case .filterYouth: return "unge under 30"
            case .filterOverdue: return "forfaldne opfølgninger"
            case .filterNoPlan: return "uden én plan"
            case .filterSector: return "fagområde"
            case .sortedBy: return "sorteret efter"
            case .planActive: return "ja"
            case .planNone: return "nej"
            case .helpTitle: return "Hjælp: taster"
            case .helpClose: return "Esc, q eller ? lukker hjælpen"
            case .kHelp: return "Hjælp"
            case .kSearch: return "Søg"
            case .kCommand: return "Kommando"
            case .kOpen: return "Åbn"
            case .kBack: return "Tilbage"
            case .kQuit: return "Afslut"
            case .kMine: return "Mine"
            case .kAll: return "Alle"
            case .kYouth: return "Unge"
            case .kOverdue: return "Forfaldne"
            case .kNoPlan: return "Uden plan"
            case .kSector: return "Fagområde"
            case .kSort: return "Sortér"
            case .kReverse: return "Omvendt"
            case .kLock: return "Lås"
            case .kMove: return "Flyt"
            case .kTop: return "Først"
            case .kBottom: return "Sidst"
            case .kPage: return "Side"
            case .kRedraw: return "Tegn igen"
            case .kCitizens: return "Borgere"
            case .hHelp: return "Vis eller skjul denne hjælp"
            case .hSearch: return "Søg i navn eller CPR-cifre mens du skriver (soren finder Søren, aase og ase finder Åse)"
            case .hCommand: return "Kommandolinje: :citizens :lock :theme NAVN :lang da|en :quit (Tab fuldender, ↑↓ historik)"
            case .hOpen: return "Åbn den valgte borger (opslaget logges)"
            case .hBack: return "Luk, ryd søgning eller gå tilbage"
            case .hQuit: return "Forlad skærmen (afslut på borgerlisten)"
            case .hMine: return "Kun borgere jeg er ansvarlig for eller arbejder med"
            case .hAll: return "Alle borgere jeg må se"
            case .hYouth: return "Kun unge under 30"
            case .hOverdue: return "Kun borgere med forfaldne opfølgninger"
            case .hNoPlan: return "Kun borgere uden én plan"
            case .hSector: return "Skift fagområde-filter (alle, beskæftigelse, social, …)"
            case .hSort: return "Sortér efter næste kolonne"
            case .hReverse: return "Vend sorteringen"
            case .hLock: return "Lås skærmen nu (også :lock)"
            case .hMove: return "Flyt markeringen (også j/k)"
            case .hTop: return "Til første række (også g)"
            case .hBottom: return "Til sidste række (også G)"
            case .hPage: return "En side op eller ned"
            case .hRedraw: return "Tegn skærmen igen"
            case .hCitizens: return "Borgerlisten"
            case .unknownCommand: return "Ukendt kommando"
            case .commandsAre: return "kommandoer"
            case .themeSet: return "Tema"
            case .langSet: return "Sprog: dansk"
            case .discarded: return "ikke-gemte input blev kasseret"
            case .fType: return "Type"
            case .fCitizen: return "Borger (id)"
            case .fDate: return "Dato"
            case .fTime: return "Tid"
            case .fMinutes: return "Minutter"
            case .fRoom: return "Lokale"
            case .fParticipants: return "Deltagere"
            case .fTitle: return "Nyt møde"
            case .fSaveAnyway: return "y: gem alligevel, anden tast: ret"
            case .fMerge: return "Borgeren har allerede et møde inden for 14 dage:"
            case .fMergeKey: return "m: tilføj deltagerne til det i stedet · Enter: nyt møde"
            case .fHint: return "Enter: gem · Ctrl-F: første ledige tid · Tab: næste felt · Esc: fortryd"
            case .fSaved: return "Mødet er gemt"
            case .fMerged: return "Deltagerne er tilføjet mødet"
            case .kCalendar: return "Kalender"
            case .kToday: return "I dag"
            case .kView: return "Visning"
            case .kNew: return "Nyt møde"
            case .kGoTo: return "Gå til"
            case .kNextMeeting: return "Næste"
            case .kDay: return "Dag"
            case .kWeek: return "Uge"
            case .kMonth: return "Måned"
            case .hCalendar: return "Mødekalenderen"
            case .hToday: return "Til i dag"
            case .hView: return "Skift visning: dag, uge, måned, agenda"
            case .hNew: return "Planlæg et møde (konflikter, første ledige tid, sammenlægning)"
            case .hGoTo: return "Gå til en dato"
            case .hNextMeeting: return "Vælg næste møde på dagen"
            case .hDay: return "En dag tilbage eller frem (også h/l)"
            case .hWeek: return "En uge tilbage eller frem (i agenda og dag: vælg møde)"
            case .hMonth: return "En måned tilbage eller frem"
            case .nextMeetingToday: return "Næste møde i dag"
            case .goToPrompt: return "Gå til dato: "
            case .fAgenda: return "Dagsorden"
            case .fPartners: return "Partnere"
            case .outcomeKeys: return "a: afholdt · c: aflyst · u: borgeren udeblev · Esc: luk"
            case .outcomePrompt: return "Udfald (Enter gemmer): "
            case .resultPrompt: return "Opfølgningerne på dagsordenen: 1 fortsæt · 2 ændring · 3 afslut · 4 revurdering · Enter: lad dem stå åbne"
            case .outcomeSaved: return "Udfaldet er gemt"
            case .kExport: return "Eksport"
            case .hExport: return "Gem perioden som iCalendar-fil (uden CPR, noter og helbred)"
            case .exported: return "Gemt som"
            }
        }

        var english: String {
            switch self {
            case .appName: return "EnPlan"
            case .week: return "week"
            case .loginTitle: return "Log in"
            case .userID: return "User id"
            case .password: return "Password"
            case .name: return "Name"
            case .sector: return "Sector"
            case .loginHint: return "Enter: log in · Tab: next field · Esc: quit"
            case .demoHint: return "Demo: every demo user (e.g. mette, karen) has the password \"demo\"."
            case .firstAdminTitle: return "No users yet: create the first administrator"
            case .firstAdminHint: return "Fill in the fields and press Enter. Sector: employment, social, health, family or misuse."
            case .lockedTitle: return "The screen is locked"
            case .lockedHint: return "locked the screen. Type the password to unlock, or change the user id to log in as someone else."
            case .unlockHint: return "Enter: unlock · Tab: next field"
            case .wrongLogin: return "Wrong user id or password."
            case .tooSmall: return "The terminal is too small"
            case .noCitizens: return "No citizens match."
            case .filterPrompt: return "Search: "
            case .commandPrompt: return ":"
            case .colName: return "Name"
            case .colCPR: return "CPR"
            case .colAge: return "Age"
            case .colGroup: return "Group"
            case .colBenefit: return "Benefit"
            case .colSectors: return "Sectors"
            case .colResponsible: return "Responsible"
            case .colNextMeeting: return "Next meeting"
            case .colOverdue: return "Overdue"
            case .colPlan: return "Plan"
            case .filterMine: return "mine"
            case .filterAll: return "all"
            case .filterYouth: return "youth under 30"
            case .filterOverdue: return "overdue follow-ups"
            case .filterNoPlan: return "no unified plan"
            case .filterSector: return "sector"
            case .sortedBy: return "sorted by"
            case .planActive: return "yes"
            case .planNone: return "no"
            case .helpTitle: return "Help: keys"
            case .helpClose: return "Esc, q or ? closes the help"
            case .kHelp: return "Help"
            case .kSearch: return "Search"
            case .kCommand: return "Command"
            case .kOpen: return "Open"
            case .kBack: return "Back"
            case .kQuit: return "Quit"
            case .kMine: return "Mine"
            case .kAll: return "All"
            case .kYouth: return "Youth"
            case .kOverdue: return "Overdue"
            case .kNoPlan: return "No plan"
            case .kSector: return "Sector"
            case .kSort: return "Sort"
            case .kReverse: return "Reverse"
            case .kLock: return "Lock"
            case .kMove: return "Move"
            case .kTop: return "First"
            case .kBottom: return "Last"
            case .kPage: return "Page"
            case .kRedraw: return "Redraw"
            case .kCitizens: return "Citizens"
            case .hHelp: return "Show or hide this help"
            case .hSearch: return "Filter by name or CPR digits as you type (soren finds Søren, aase and ase find Åse)"
            case .hCommand: return "Command line: :citizens :lock :theme NAME :lang da|en :quit (Tab completes, ↑↓ history)"
            case .hOpen: return "Open the selected citizen (the look is logged)"
            case .hBack: return "Close, clear the search or go back"
            case .hQuit: return "Leave the screen (quit from the citizen list)"
            case .hMine: return "Only citizens I am responsible for or work with"
            case .hAll: return "All citizens I may see"
            case .hYouth: return "Only young people under 30"
            case .hOverdue: return "Only citizens with overdue follow-ups"
            case .hNoPlan: return "Only citizens without a unified plan"
            case .hSector: return "Cycle the sector filter (all, employment, social, …)"
            case .hSort: return "Sort by the next column"
            case .hReverse: return "Reverse the sort order"
            case .hLock: return "Lock the screen now (also :lock)"
            case .hMove: return "Move the selection (also j/k)"
            case .hTop: return "To the first row (also g)"
            case .hBottom: return "To the last row (also G)"
            case .hPage: return "One page up or down"
            case .hRedraw: return "Redraw the screen"
            case .hCitizens: return "The citizen list"
            case .unknownCommand: return "Unknown command"
            case .commandsAre: return "commands"
            case .themeSet: return "Theme"
            case .langSet: return "Language: English"
            case .discarded: return "unsaved input was discarded"
            case .fType: return "Type"
            case .fCitizen: return "Citizen (id)"
            case .fDate: return "Date"
            case .fTime: return "Time"
            case .fMinutes: return "Minutes"
            case .fRoom: return "Room"
            case .fParticipants: return "Participants"
            case .fTitle: return "New meeting"
            case .fSaveAnyway: return "y: save anyway, any other key: edit"
            case .fMerge: return "The citizen already has a meeting within 14 days:"
            case .fMergeKey: return "m: add the participants to it instead · Enter: a new meeting"
            case .fHint: return "Enter: save · Ctrl-F: first free time · Tab: next field · Esc: cancel"
            case .fSaved: return "The meeting is saved"
            case .fMerged: return "The participants were added to the meeting"
            case .kCalendar: return "Calendar"
            case .kToday: return "Today"
            case .kView: return "View"
            case .kNew: return "New meeting"
            case .kGoTo: return "Go to"
            case .kNextMeeting: return "Next"
            case .kDay: return "Day"
            case .kWeek: return "Week"
            case .kMonth: return "Month"
            case .hCalendar: return "The meeting calendar"
            case .hToday: return "To today"
            case .hView: return "Switch view: day, week, month, agenda"
            case .hNew: return "Schedule a meeting (conflicts, first free time, merging)"
            case .hGoTo: return "Go to a date"
            case .hNextMeeting: return "Select the day's next meeting"
            case .hDay: return "A day back or forward (also h/l)"
            case .hWeek: return "A week back or forward (in agenda and day: select a meeting)"
            case .hMonth: return "A month back or forward"
            case .nextMeetingToday: return "Next meeting today"
            case .goToPrompt: return "Go to date: "
            case .fAgenda: return "Agenda"
            case .fPartners: return "Partners"
            case .outcomeKeys: return "a: held · c: cancelled · u: the citizen did not come · Esc: close"
            case .outcomePrompt: return "Outcome (Enter saves): "
            case .resultPrompt: return "The follow-ups on the agenda: 1 continue · 2 change · 3 end · 4 reassess · Enter: leave them open"
            case .outcomeSaved: return "The outcome is saved"
            case .kExport: return "Export"
            case .hExport: return "Save the period as an iCalendar file (no CPR, notes or health)"
            case .exported: return "Saved as"
            }
        }
    }

    /// dd-mm-yyyy in Danish, ISO in English.
    public func date(_ d: Day) -> String { language == .da ? d.danish : d.iso }

    public func time(_ t: LocalTime) -> String { date(t.day) + " " + Day.pad(t.minuteOfDay / 60, 2) + ":" + Day.pad(t.minuteOfDay % 60, 2) }

    /// "uge 48" / "week 48"
    public func week(_ d: Day) -> String { t(.week) + " " + String(d.isoWeek.week) }

    public func weekdayName(_ d: Day) -> String {
        let da = ["man", "tir", "ons", "tor", "fre", "lør", "søn"], en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return (language == .da ? da : en)[d.weekday - 1]
    }

    public func monthName(_ d: Day) -> String {
        let da = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return (language == .da ? da : en)[d.components.month - 1]
    }

    public func sector(_ s: Sector) -> String {
        switch (language, s) {
        case (.da, .employment): return "beskæftigelse"
        case (.da, .social): return "social"
        case (.da, .health): return "sundhed"
        case (.da, .family): return "familie"
        case (.da, .misuse): return "misbrug"
        default: return s.rawValue
        }
    }

    /// One letter a sector, for compact columns: B S U F M (Danish), E S H F M (English).
    public func sectorLetter(_ s: Sector) -> String {
        switch (language, s) {
        case (.da, .employment): return "B"
        case (.da, .health): return "U"
        case (_, .employment): return "E"
        case (_, .social): return "S"
        case (_, .health): return "H"
        case (_, .family): return "F"
        case (_, .misuse): return "M"
        }
    }

    public func role(_ r: EnPlanDomain.Role) -> String {
        switch (language, r) {
        case (.da, .caseworker): return "sagsbehandler"
        case (.da, .supervisor): return "leder"
        case (.da, .admin): return "administrator"
        default: return r.rawValue
        }
    }

    public func overallGoal(_ g: OverallGoal) -> String {
        switch (language, g) {
        case (.da, .employment): return "beskæftigelse først"
        case (.da, .education): return "uddannelse først"
        case (.en, .employment): return "employment first"
        case (.en, .education): return "education first"
        }
    }

    public func targetGroup(_ g: TargetGroup) -> String {
        switch (language, g) {
        case (.da, .child): return "barn"
        case (.da, .youth): return "ung"
        case (.da, .adult): return "voksen"
        default: return g.rawValue
        }
    }
}
