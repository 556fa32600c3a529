extension Strings {
    /// The frame's texts: title, help, the command line, the keys every screen shares.
    public enum T: Localized {
        case appName, week, tooSmall, helpTitle, helpClose, kHelp, kCommand, kOpen, kBack, kQuit, kLock
        case kMove, kTop, kBottom, kPage, kRedraw, kCitizens, hHelp, hCommand, hOpen, hBack, hQuit, hLock, hMove, hTop
        case hBottom, hPage, hRedraw, hCitizens, unknownCommand, commandsAre, themeSet, langSet, discarded, kCalendar, passwordChanged, inOutbox, printed, printedDocument, printJob, noPrinter, themesAre, noSuchTheme, langIs
        case helpMore, quitAsk, noTerminal, dumbTerminal, terminalHint, hCalendar, nextMeetingToday, kSave, hSave, kField, hField, hCancel, cCalendar, cLang, cPlan, cTheme
        case kNewLine, hNewLine, kFieldThenSave, hFieldThenSave
        case kChoose, hChoose, kCancel, hChooseCancel, kPrint, hPrint, choosePrinter, ownPrinter, notPrinted

        public var pair: (da: String, en: String) {
            switch self {
            case .appName: return ("EnPlan", "EnPlan")
            case .week: return ("uge", "week")
            case .tooSmall: return ("Terminalen er for lille", "The terminal is too small")
            case .helpTitle: return ("Hjælp: taster", "Help: keys")
            case .helpClose: return ("Esc, q eller ? lukker hjælpen", "Esc, q or ? closes the help")
            case .kHelp: return ("Hjælp", "Help")
            case .kCommand: return ("Kommando", "Command")
            case .kOpen: return ("Åbn", "Open")
            case .kBack: return ("Tilbage", "Back")
            case .kQuit: return ("Afslut", "Quit")
            case .kLock: return ("Lås", "Lock")
            case .kMove: return ("Flyt", "Move")
            case .kTop: return ("Først", "First")
            case .kBottom: return ("Sidst", "Last")
            case .kPage: return ("Side", "Page")
            case .kRedraw: return ("Tegn igen", "Redraw")
            case .kCitizens: return ("Borgere", "Citizens")
            case .hHelp: return ("Vis eller skjul denne hjælp", "Show or hide this help")
            case .hCommand: return ("Kommandolinje: :borgere :plan :kalender :overblik :lås :tema NAVN :sprog da|en :afslut (Tab fuldender, ↑↓ historik)", "Command line: :citizens :plan :calendar :dashboard :lock :theme NAME :lang da|en :quit (Tab completes, ↑↓ history)")
            case .hOpen: return ("Åbn den valgte borger (opslaget logges)", "Open the selected citizen (the look is logged)")
            case .hBack: return ("Luk, ryd søgning eller gå tilbage", "Close, clear the search or go back")
            case .hQuit: return ("Forlad skærmen (afslut på borgerlisten)", "Leave the screen (quit from the citizen list)")
            case .hLock: return ("Lås skærmen nu (også :lock)", "Lock the screen now (also :lock)")
            case .hMove: return ("Flyt markeringen (også j/k)", "Move the selection (also j/k)")
            case .hTop: return ("Til første række (også g)", "To the first row (also g)")
            case .hBottom: return ("Til sidste række (også G)", "To the last row (also G)")
            case .hPage: return ("En side op eller ned", "One page up or down")
            case .hRedraw: return ("Tegn skærmen igen", "Redraw the screen")
            case .hCitizens: return ("Borgerlisten", "The citizen list")
            case .unknownCommand: return ("Ukendt kommando", "Unknown command")
            case .commandsAre: return ("kommandoer", "commands")
            case .themeSet: return ("Tema", "Theme")
            case .langSet: return ("Sprog: dansk", "Language: English")
            case .discarded: return ("ikke-gemte input blev kasseret", "unsaved input was discarded")
            case .printed: return ("Planen er sendt til printeren", "The plan is sent to the printer")
            case .printJob: return ("job", "job")
            case .printedDocument: return ("Dokumentet er sendt til printeren", "The document is sent to the printer")
            case .noPrinter: return ("Der er ingen printer sat op til EnPlan: spørg IT", "No printer is set up for EnPlan: ask IT")
            case .themesAre: return ("temaer", "themes")
            case .noSuchTheme: return ("Intet tema hedder", "No theme is called")
            case .langIs: return ("sprog", "language")
            case .inOutbox: return ("i din udbakke; hent den med:", "in your outbox; fetch it with:")
            case .passwordChanged: return ("Din adgangskode er ændret et andet sted: log ind med den nye", "Your password was changed elsewhere: log in with the new one")
            case .kCalendar: return ("Kalender", "Calendar")
            case .hCalendar: return ("Mødekalenderen", "The meeting calendar")
            case .nextMeetingToday: return ("Næste møde i dag", "Next meeting today")
            case .helpMore: return ("↑↓ PgUp PgDn: mere", "↑↓ PgUp PgDn: more")
            case .quitAsk: return ("Afslut EnPlan? Det, der ikke er gemt, går tabt. j: afslut · en anden tast: bliv", "Quit EnPlan? Anything not saved is lost. y: quit · any other key: stay")
            case .noTerminal: return ("kender ikke terminalen", "unknown terminal")
            case .dumbTerminal: return ("kan ikke flytte markøren og vise skærmbilleder", "cannot move the cursor to show the screens")
            case .terminalHint: return ("brug fx TERM=xterm-256color, eller de hovedløse kommandoer (enplan help)", "use e.g. TERM=xterm-256color, or the headless commands (enplan help)")
            case .kSave: return ("Gem", "Save")
            case .kNewLine: return ("Ny linje", "New line")
            case .hNewLine: return ("En ny linje i tekstfeltet (Enter i et andet felt gemmer)", "A new line in the text (Enter in another field saves)")
            case .kFieldThenSave: return ("Næste felt, så Enter: gem", "Next field, then Enter: save")
            case .hFieldThenSave: return ("Ud af tekstfeltet til næste eller forrige felt (Tab, Shift-Tab)", "Out of the text to the next or previous field (Tab, Shift-Tab)")
            case .hSave: return ("Gem formularen", "Save the form")
            case .kField: return ("Felt", "Field")
            case .hField: return ("Næste eller forrige felt (Tab, Shift-Tab, ↑↓)", "Next or previous field (Tab, Shift-Tab, ↑↓)")
            case .hCancel: return ("Luk formularen (spørger først, hvis noget er skrevet)", "Close the form (asks first if anything was typed)")
            case .cCalendar: return ("Mødekalenderen for mig, en bruger, et lokale eller en borger", "The meeting calendar for me, a user, a room or a citizen")
            case .cLang: return ("Skift sprog", "Switch language")
            case .cPlan: return ("Åbn en borgers plan ud fra CPR-nummer eller navn", "Open a citizen's plan by CPR number or name")
            case .cTheme: return ("Skift farvetema", "Switch colour theme")
            case .kChoose: return ("Vælg", "Choose")
            case .hChoose: return ("Vælg den markerede", "Choose the selected one")
            case .kCancel: return ("Annullér", "Cancel")
            case .hChooseCancel: return ("Luk uden at vælge", "Close without choosing")
            case .kPrint: return ("Udskriv", "Print")
            case .hPrint: return ("Udskriv på den valgte printer (EnPlan husker den, til du afslutter)", "Print on the selected printer (remembered until you quit)")
            case .choosePrinter: return ("Hvilken printer skal det udskrives på?", "Which printer should it be printed on?")
            case .ownPrinter: return ("standard for dig", "your default")
            case .notPrinted: return ("Der blev ikke udskrevet noget", "Nothing was printed")
            }
        }
    }
}

extension NcursesTerminal.Problem {
    /// One line: what is wrong with the terminal, and what to do.
    public func describe(_ s: Strings) -> String {
        switch self {
        case .unknown(let name): return "TERM=\(name): \(s.t(.noTerminal)); \(s.t(.terminalHint))"
        case .noCursorAddressing(let name): return "TERM=\(name): \(s.t(.dumbTerminal)); \(s.t(.terminalHint))"
        }
    }
}
