import EnPlanDomain

extension Strings {
    public func c(_ k: C) -> String { text(k) }

    /// The meeting calendar and its forms.
    public enum C: Localized {
        case agendaPickCitizen, agendaNothingOpen, tickHint, effortWord, followUpWord, noRoom, cancelNeedsReason, cancelPrompt, outsidePartner, weekend, fHoldAnyway, noSuchPerson, agendaView, hOpenMeeting, kHeld, hHeld, kCancelled, hCancelled, kNoShow, hNoShow, kFreeSlot, hFreeSlot, kSaveAnyway, hSaveAnyway
        case kMergeKey, hMergeKey, myMeetings, citizenWord, noMeetings, room, status, citizen, participants, agenda, outcome, meetingsCount, meetingCount
        case nameAndBirth, whichColleague, whichCitizen, responsibleWord, yearsWord
        case fType, fCitizen, fDate, fTime, fMinutes, fRoom, fParticipants, fTitle, fSaveAnyway, fMerge, fMergeKey
        case fHint, fSaved, fMerged, kToday, kView, kNew, kGoTo, kNextMeeting, kDay, kWeek, kMonth, hToday, hView
        case hNew, hGoTo, hNextMeeting, hDay, hWeek, hMonth, goToPrompt, fAgenda, fPartners, outcomeKeys
        case outcomePrompt, resultPrompt, outcomeSaved, kExport, hExport, exported
        case kEditMeeting, hEditMeeting, fEditTitle, fChanged, badType, badDate, badTime, badMinutes, agendaHidden

        public var pair: (da: String, en: String) {
            switch self {
            case .noRoom: return ("(intet lokale)", "(no room)")
            case .cancelNeedsReason: return ("Skriv hvorfor mødet aflyses, før det gemmes.", "Write why the meeting is cancelled before it is saved.")
            case .cancelPrompt: return ("Hvorfor aflyses mødet? (Enter gemmer): ", "Why is the meeting cancelled? (Enter saves): ")
            case .outsidePartner: return ("samarbejdspartner", "outside partner")
            case .weekend: return ("weekend", "a weekend")
            case .agendaPickCitizen: return ("vælg borgeren først", "choose the citizen first")
            case .agendaNothingOpen: return ("intet åbent i borgerens plan", "nothing open in the citizen's plan")
            case .tickHint: return ("mellemrum: vælg/fravælg", "space: tick/untick")
            case .effortWord: return ("Indsats", "Effort")
            case .followUpWord: return ("Opfølgning", "Follow-up")
            case .fHoldAnyway: return ("j: hold mødet alligevel · en anden tast: ret", "y: hold the meeting anyway · any other key: edit")
            case .noSuchPerson: return ("ingen medarbejder hedder", "no staff member is called")
            case .agendaView: return ("Dagsorden", "Agenda")
            case .hOpenMeeting: return ("Åbn det valgte møde", "Open the selected meeting")
            case .kHeld: return ("Afholdt", "Held")
            case .hHeld: return ("Mødet blev holdt: skriv udfaldet", "The meeting was held: type the outcome")
            case .kCancelled: return ("Aflyst", "Cancelled")
            case .hCancelled: return ("Mødet blev aflyst", "The meeting was cancelled")
            case .kNoShow: return ("Udeblev", "No-show")
            case .hNoShow: return ("Borgeren kom ikke", "The citizen did not come")
            case .kFreeSlot: return ("Ledig tid", "Free time")
            case .hFreeSlot: return ("Find første tid, hvor alle og lokalet er ledige", "Find the first time when everyone and the room are free")
            case .kSaveAnyway: return ("Gem alligevel", "Save anyway")
            case .hSaveAnyway: return ("Efter en konflikt: gem mødet alligevel", "After a conflict: save the meeting anyway")
            case .kMergeKey: return ("Slå sammen", "Merge")
            case .hMergeKey: return ("Tilføj deltagerne til borgerens møde i stedet for et nyt", "Add the participants to the citizen's meeting instead of a new one")
            case .myMeetings: return ("mine møder", "my meetings")
            case .citizenWord: return ("borger", "citizen")
            case .noMeetings: return ("Ingen møder.", "No meetings.")
            case .room: return ("Lokale", "Room")
            case .status: return ("Status", "Status")
            case .citizen: return ("Borger", "Citizen")
            case .participants: return ("Deltagere", "Participants")
            case .agenda: return ("Dagsorden", "Agenda")
            case .outcome: return ("Udfald", "Outcome")
            case .meetingsCount: return ("møder", "meetings")
            case .meetingCount: return ("møde", "meeting")
            case .fType: return ("Type", "Type")
            case .fCitizen: return ("Borger (navn eller CPR)", "Citizen (name or CPR)")
            case .fDate: return ("Dato", "Date")
            case .fTime: return ("Tid", "Time")
            case .fMinutes: return ("Minutter", "Minutes")
            case .fRoom: return ("Lokale", "Room")
            case .fParticipants: return ("Deltagere", "Participants")
            case .fTitle: return ("Nyt møde", "New meeting")
            case .fSaveAnyway: return ("j: gem alligevel · en anden tast: ret", "y: save anyway · any other key: edit")
            case .fMerge: return ("Borgeren har allerede et møde inden for 14 dage:", "The citizen already has a meeting within 14 days:")
            case .fMergeKey: return ("m: tilføj deltagerne til det i stedet · Enter: nyt møde", "m: add the participants to it instead · Enter: a new meeting")
            case .fHint: return ("Enter: gem · Ctrl-F: første ledige tid · Tab: næste felt · Esc: fortryd", "Enter: save · Ctrl-F: first free time · Tab: next field · Esc: cancel")
            case .fSaved: return ("Mødet er gemt", "The meeting is saved")
            case .fMerged: return ("Deltagerne er tilføjet mødet", "The participants were added to the meeting")
            case .kToday: return ("I dag", "Today")
            case .kView: return ("Visning", "View")
            case .kNew: return ("Nyt møde", "New meeting")
            case .kGoTo: return ("Gå til", "Go to")
            case .kNextMeeting: return ("Næste", "Next")
            case .kDay: return ("Dag", "Day")
            case .kWeek: return ("Uge", "Week")
            case .kMonth: return ("Måned", "Month")
            case .hToday: return ("Til i dag", "To today")
            case .hView: return ("Skift visning: dag, uge, måned, agenda", "Switch view: day, week, month, agenda")
            case .hNew: return ("Planlæg et møde (konflikter, første ledige tid, sammenlægning)", "Schedule a meeting (conflicts, first free time, merging)")
            case .hGoTo: return ("Gå til en dato", "Go to a date")
            case .hNextMeeting: return ("Vælg næste møde på dagen", "Select the day's next meeting")
            case .hDay: return ("En dag tilbage eller frem (også h/l)", "A day back or forward (also h/l)")
            case .hWeek: return ("En uge tilbage eller frem (i agenda og dag: vælg møde)", "A week back or forward (in agenda and day: select a meeting)")
            case .hMonth: return ("En måned tilbage eller frem", "A month back or forward")
            case .goToPrompt: return ("Gå til dato: ", "Go to date: ")
            case .fAgenda: return ("Dagsorden", "Agenda")
            case .fPartners: return ("Partnere", "Partners")
            case .outcomeKeys: return ("a: afholdt · c: aflyst · u: borgeren udeblev · e: flyt/ret · Esc: luk", "a: held · c: cancelled · u: the citizen did not come · e: move/edit · Esc: close")
            case .outcomePrompt: return ("Udfald (Enter gemmer): ", "Outcome (Enter saves): ")
            case .resultPrompt: return ("Opfølgningerne på dagsordenen: 1 fortsæt · 2 ændring · 3 afslut · 4 revurdering · Enter: lad dem stå åbne", "The follow-ups on the agenda: 1 continue · 2 change · 3 end · 4 reassess · Enter: leave them open")
            case .outcomeSaved: return ("Udfaldet er gemt", "The outcome is saved")
            case .kExport: return ("Eksport", "Export")
            case .hExport: return ("Gem perioden som iCalendar-fil (uden CPR, noter og helbred)", "Save the period as an iCalendar file (no CPR, notes or health)")
            case .exported: return ("Gemt som", "Saved as")
            case .whichCitizen: return ("Hvilken borger?", "Which citizen?")
            case .whichColleague: return ("Hvilken kollega?", "Which colleague?")
            case .responsibleWord: return ("ansvarlig", "responsible")
            case .yearsWord: return ("år", "years")
            case .nameAndBirth: return ("skriv navn og fødselsdato, fx Emma Larsen 12-05-1990", "type the name and the birth date, e.g. Emma Larsen 12-05-1990")
            case .kEditMeeting: return ("Flyt/ret", "Move/edit")
            case .hEditMeeting: return ("Flyt eller ret mødet (tid, længde, lokale, type, dagsorden; konflikter tjekkes som ved booking)",
                                        "Move or edit the meeting (time, length, room, type, agenda; conflicts checked as when booking)")
            case .fEditTitle: return ("Flyt eller ret mødet", "Move or edit the meeting")
            case .fChanged: return ("Mødet er flyttet/rettet", "The meeting is moved/edited")
            case .badType: return ("vælg en mødetype", "choose a meeting type")
            case .badDate: return ("dato: dd-mm-åååå, +2u …", "date: dd-mm-yyyy, +2w …")
            case .badTime: return ("tid: TT:MM", "time: HH:MM")
            case .badMinutes: return ("minutter: 5-480", "minutes: 5-480")
            case .agendaHidden: return ("indhold ikke delt", "content not shared")
            }
        }
    }

    /// A meeting's guest: the citizen, an outside partner, a relative. Exhaustive.
    public func guestKind(_ k: Guest.Kind) -> String {
        switch k {
        case .citizen: return c(.citizenWord)
        case .partner: return c(.outsidePartner)
        case .relative: return pick("pårørende", "relative")
        }
    }
}
