import EnPlanDomain

/// The domain's refusals in the user's words: every case of `DomainError` in Danish and English,
/// in one exhaustive switch per group (no `default:`, so a new case does not compile until it is
/// worded here). Dates as the language writes them; users by name where `names` knows them.
extension Strings {
    /// What opening repaired: torn writes a crash left, moved aside.
    public func repairedAtOpen(_ count: Int) -> String {
        count == 1 ? pick("En skrivning, et nedbrud afbrød, blev flyttet til side (intet gemt gik tabt)",
                          "A write a crash cut short was moved aside (nothing saved was lost)")
                   : pick("\(count) skrivninger, et nedbrud afbrød, blev flyttet til side (intet gemt gik tabt)",
                          "\(count) writes a crash cut short were moved aside (nothing saved was lost)")
    }

    public func refusal(_ error: Error, names: Names = Names()) -> String {
        let w = RefusalWords(s: self, names: names)
        if let e = error as? StoreError { return w.store(e) }
        guard let e = error as? DomainError else { return "\(error)" }
        switch e {
        case .invalid(let r): return w.invalid(r)
        case .notFound(let r): return w.missing(r)
        case .forbidden(let r): return w.forbidden(r)
        case .conflict(let r): return w.conflict(r)
        case .needsReason:
            return pick("Du arbejder ikke på borgeren, eller borgeren findes ikke: angiv en begrundelse for at se sagen",
                        "You do not work on the citizen, or there is no such citizen: state a reason to look")
        case let .sharingNotCovered(_, from, to, items):
            let what = items.map { "“\($0)”" }.joined(separator: ", ")
            return pick("Samtykket deler ikke \(sector(from)) med \(to.map(sector).joined(separator: " og ")): det vil dele \(what)",
                        "The consent does not share \(sector(from)) with \(to.map(sector).joined(separator: " and ")): this would share \(what)")
        case .stale:
            return pick("En anden har ændret sagen imens", "Someone else changed the case meanwhile")
        case .readOnly:
            return pick("Lageret kan kun læses nu (en fejl i loggen): kontakt en administrator",
                        "The store is read-only now (a fault in the log): contact an administrator")
        }
    }

    /// A meeting type's name: "Netværksmøde" / "network meeting".
    public func meetingType(_ t: MeetingType) -> String {
        switch t {
        case .network: return pick(ICalendar.typeName(t), "network meeting")
        case .followup: return pick(ICalendar.typeName(t), "follow-up meeting")
        case .roundtable: return pick(ICalendar.typeName(t), "round-table meeting")
        case .rehab: return pick(ICalendar.typeName(t), "rehabilitation team")
        case .other: return pick(ICalendar.typeName(t), "meeting")
        }
    }
}

/// The wording of each group of refusals.
private struct RefusalWords {
    let s: Strings
    let names: Names

    func pick(_ da: String, _ en: String) -> String { s.pick(da, en) }
    /// A user by name where it is known ("Mette Hansen"), else the id.
    func user(_ id: String) -> String { names.users[id] ?? id }
    func date(_ d: Day) -> String { s.date(d) }
    func hm(_ t: LocalTime) -> String { Day.pad(t.minuteOfDay / 60, 2) + ":" + Day.pad(t.minuteOfDay % 60, 2) }
    func status(_ raw: String) -> String { s.word(raw) }

    /// "4. kvartal 2026" for "2026Q4" (the id as it is when it is no quarter).
    func quarter(_ id: String) -> String { Quarter(id).map { pick($0.label.da, $0.label.en) } ?? id }

    func part(_ p: DomainError.PlanPart) -> String {
        switch p {
        case .goal: return pick("delmålet", "goal")
        case .effort: return pick("indsatsen", "effort")
        case .followUp: return pick("opfølgningen", "follow-up")
        case .referral: return pick("henvisningen", "referral")
        case .meeting: return pick("mødet", "meeting")
        case .decision: return pick("afgørelsen", "decision")
        }
    }

    func field(_ f: DomainError.TextField) -> String {
        switch f {
        case .name: return pick("navnet", "name")
        case .danishName: return pick("det danske navn", "Danish name")
        case .englishName: return pick("det engelske navn", "English name")
        case .contactPerson: return pick("kontaktpersonen", "contact person")
        case .decisionText: return pick("afgørelsens tekst", "decision text")
        case .domain: return pick("området", "domain")
        case .goal: return pick("delmålet", "goal")
        case .legalBasis: return pick("lovgrundlaget", "legal basis")
        case .provider: return pick("udføreren", "provider")
        case .reason: return pick("begrundelsen", "reason")
        case .referralText: return pick("henvisningens tekst", "referral text")
        case .targetName: return pick("målets navn", "target name")
        case .templateName: return pick("pakkeforløbets navn", "template name")
        case .title: return pick("titlen", "title")
        case .outcome: return pick("udfaldet", "outcome")
        case .agendaItem: return pick("dagsordenspunktet", "agenda item")
        case .subject: return pick("emnet", "subject")
        case .source: return pick("kilden", "source")
        case .ownWords: return pick("borgerens egne ord", "own words")
        case .activity: return pick("aktiviteten", "activity")
        case .action: return pick("handlingen", "action")
        case .authorityReviewer: return pick("myndighedens gennemgår", "authority reviewer")
        case .findings: return pick("fundene", "findings")
        case .note: return pick("notatet", "note")
        case .room: return pick("lokalet", "room")
        case .guestName: return pick("gæstens navn", "guest's name")
        case .organisation: return pick("organisationen", "organisation")
        case .place: return pick("stedet", "place")
        case .description: return pick("beskrivelsen", "description")
        case .email: return pick("e-mailadressen", "e-mail address")
        case .phone: return pick("telefonnummeret", "phone number")
        case .templateGoalKey(let i): return pick("nøglen til delmål \(i)", "key of goal \(i)")
        case .templateGoal(let key): return pick("teksten til delmål \(key)", "text of goal \(key)")
        case let .templateEffort(f, i, t): return pick("\(field(f)) i indsats \(i) i pakkeforløbet \(t)", "\(field(f)) of effort \(i) of template \(t)")
        }
    }

    func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    func dayField(_ f: DomainError.DayField) -> String {
        switch f {
        case .date: return pick("datoen", "date")
        case .start: return pick("startdatoen", "start")
        case .end: return pick("slutdatoen", "end")
        case .due: return pick("opfølgningsdatoen", "due date")
        case .done: return pick("datoen for udførelsen", "completion date")
        case .deadline: return pick("fristen", "deadline")
        }
    }

    func invalid(_ r: DomainError.Invalid) -> String {
        switch r {
        case .wrongLogin: return s.g(.wrongLogin)
        case .period: return pick("Perioden skal gå fremad og højst vare ti år", "The period must run forwards and be at most ten years")
        case .truncationNeedsReason: return pick("Angiv en begrundelse for at godkende en afkortet log", "State a reason to accept a truncated log")
        case let .noCell(row, column): return pick("Ingen celle i række \(row + 1), kolonne \(column + 1)", "No cell at row \(row + 1), column \(column + 1)")
        case let .notACount(column, row): return pick("\(column.da) for \(row.da) er ikke et antal borgere", "\(column.en) of \(row.en) is not a count of citizens")
        case .saltFailed, .hashFailed: return pick("Adgangskoden kunne ikke gemmes sikkert: prøv igen", "The password could not be stored safely: try again")
        case .passwordTooShort(let n): return pick("Adgangskoden skal have mindst \(n) tegn: en sætning af flere ord er god", "A password has at least \(n) characters: a sentence of several words is good")
        case let .badID(kind, id):
            let what: String
            switch kind {
            case .user: what = pick("Bruger-id", "User id")
            case .target: what = pick("Målets id", "Target id")
            case .template: what = pick("Pakkeforløbets id", "Template id")
            case .unit: what = pick("Enhedens id", "Unit id")
            }
            return pick("\(what) “\(id)”: brug 2-32 tegn af a-z, 0-9, '.', '-', '_', og begynd med et bogstav",
                        "\(what) “\(id)”: use 2-32 of a-z, 0-9, '.', '-', '_', starting with a letter")
        case .firstUserMustBeAdmin: return pick("Den første bruger skal være administrator", "The first user must be an administrator")
        case .cannotDeactivateSelf: return pick("Du kan ikke deaktivere dig selv", "You cannot deactivate yourself")
        case .badBenefitCode: return pick("En ydelseskode består af a-z, 0-9 og '-'", "A benefit code uses a-z, 0-9 and '-'")
        case .benefitEndsBeforeStart: return pick("En ydelse kan ikke slutte, før den begynder", "A benefit cannot end before it starts")
        case .meetingMinutes(let m): return pick("Et møde varer \(m.lowerBound) til \(m.upperBound) minutter", "A meeting lasts \(m.lowerBound) to \(m.upperBound) minutes")
        case .noParticipants: return pick("Et møde skal have mindst én deltager", "A meeting needs at least one participant")
        case .outcomeIsPlanned: return pick("Et udfald er afholdt, aflyst eller udeblev", "An outcome is held, cancelled or did not come")
        case let .meetingNotBegun(_, st):
            return pick("Mødet er ikke begyndt endnu: det kan aflyses, men ikke registreres som \(status(st.rawValue))",
                        "The meeting has not begun: it can be cancelled, not recorded as \(status(st.rawValue))")
        case .futureMeetingCompletesNothing: return pick("Et møde, der ikke har fundet sted, afslutter ingen opfølgning", "A meeting that has not happened yet completes no follow-up")
        case let .meetingNotPlanned(_, st): return pick("Mødet er \(status(st.rawValue)): kun et planlagt møde kan udvides", "The meeting is \(status(st.rawValue)): only a planned meeting can be joined")
        case .notAParticipant: return pick("Personen deltager ikke i mødet", "That person does not take part in the meeting")
        case .nothingToAdd: return pick("Alle og alt nævnt er allerede med i mødet", "Everyone and everything named is in the meeting already")
        case .agendaNeedsPlan: return pick("En dagsorden kræver en borger med en samlet plan", "An agenda needs a citizen with a unified plan")
        case let .notOnAgenda(item, _): return pick("\(item) er hverken en åben opfølgning eller en igangværende indsats i planen", "\(item) is not an open follow-up or a running effort in the plan")
        case .noCitizensToMove: return pick("Vælg mindst én borger at flytte", "Choose at least one citizen to move")
        case .citizenNamedTwice: return pick("En borger er nævnt to gange", "A citizen is named twice")
        case let .alreadyResponsible(u, _): return pick("\(user(u)) er allerede ansvarlig for borgeren", "\(user(u)) is already responsible for the citizen")
        case .targetValue: return pick("Et måltal er et helt tal over 0", "A target's value is a whole number above 0")
        case .targetNeedsDeadline: return pick("Et mål for plandækning kræver en frist", "A plan coverage target needs a deadline")
        case .deadlineNotAfterToday: return pick("Fristen skal ligge efter i dag", "The deadline must be after today")
        case .targetEnded(let id): return pick("Målet \(id) er allerede afsluttet", "Target \(id) has ended already")
        case let .badCPR(text, .format): return pick("“\(text)”: et CPR-nummer er DDMMÅÅ-SSSS (seks cifre, evt. bindestreg, fire cifre)", "“\(text)”: a CPR number is DDMMYY-SSSS")
        case let .badCPR(text, .date): return pick("“\(text)”: de første seks cifre er ikke en rigtig dato", "“\(text)”: the first six digits are not a real date")
        case .bornInFuture(let text): return pick("“\(text)”: fødselsdatoen ligger i fremtiden", "“\(text)”: the birth date is in the future")
        case .nothingToChange: return pick("Intet at ændre: angiv et navn eller en ydelse", "Nothing to change: give a name or a benefit")
        case .ownHouseholdMember: return pick("En borger kan ikke være sit eget husstandsmedlem", "A citizen cannot be their own household member")
        case .consentSectors: return pick("Et samtykke til deling nævner mindst to fagområder", "A consent to share names at least two sectors")
        case .inFuture(.consent): return pick("Et samtykke kan ikke være givet i fremtiden", "A consent cannot be given in the future")
        case .inFuture(.contact): return pick("En kontakt kan ikke registreres i fremtiden", "A contact cannot be logged in the future")
        case .inFuture(.decision): return pick("En afgørelse kan ikke dateres i fremtiden", "A decision cannot be dated in the future")
        case .inFuture(.assessment): return pick("En vurdering kan ikke dateres i fremtiden", "An assessment cannot be dated in the future")
        case .inFuture(.followUpCompletion): return pick("En opfølgning kan ikke være udført i fremtiden", "A follow-up cannot be completed in the future")
        case .inFuture(.day(let d)): return pick("Datoen \(date(d)) ligger i fremtiden", "The date \(date(d)) is in the future")
        case .ownScoreRange: return pick("Borgerens egen vurdering er 1-5", "The citizen's own score is 1-5")
        case .youthAgeLimit(let r): return pick("Målgruppens aldersgrænse er \(r.lowerBound)-\(r.upperBound) år", "The target group's age limit is \(r.lowerBound)-\(r.upperBound)")
        case .targetGroupNeedsBenefit: return pick("Målgruppen skal have mindst én ydelse", "The target group needs at least one benefit")
        case .weekdays: return pick("Ugedagene er 1 (mandag) til 7 (søndag)", "Weekdays are 1 (Monday) to 7 (Sunday)")
        case .reviewSampleSize(let r): return pick("En stikprøve er \(r.lowerBound) til \(r.upperBound) planer", "A review sample is \(r.lowerBound) to \(r.upperBound) plans")
        case .quarterEnded(let q): return pick("Kvartalet \(quarter(q)) er slut: træk dette kvartals eller et senere", "The quarter \(quarter(q)) has ended: draw this quarter's or a later one")
        case .noPlansToDraw: return pick("Der er ingen aktive planer at trække fra", "No active plans to draw from")
        case .notDrawn: return pick("Borgerens plan er ikke trukket til gennemgangen", "The citizen's plan was not drawn for the review")
        case .reviewDate(let drawn): return pick("En gennemgang dateres mellem trækningen (\(date(drawn))) og i dag", "A review is dated between the draw (\(date(drawn))) and today")
        case .tookPartNotInvited: return pick("En borger, der deltog, var inviteret", "A citizen who took part was invited")
        case .attendanceCount(let r): return pick("Fremmødet er \(r.lowerBound) til \(r.upperBound)", "An attendance count is \(r.lowerBound) to \(r.upperBound)")
        case .attendanceWeekNotBegun: return pick("Fremmøde indberettes for en uge, der er begyndt", "Attendance is reported for a week that has begun")
        case .inFuture(.effortEnd(let d)): return pick("En indsats kan ikke være afsluttet i fremtiden (\(date(d))): planlæg dens slutdato i stedet", "An effort cannot have ended in the future (\(date(d))): plan its end instead")
        case .consentWithdrawn: return pick("Samtykket er allerede trukket tilbage", "The consent was withdrawn already")
        case let .notACaseworker(u, role): return pick("Den ansvarlige skal være sagsbehandler; \(user(u)) er \(s.role(role))", "The responsible must be a caseworker; \(user(u)) is \(s.role(role))")
        case .unknownBenefit(let code): return pick("Ukendt ydelse “\(code)”", "Unknown benefit “\(code)”")
        case let .benefitNotInForce(name, day): return pick("Ydelsen \(name) gælder ikke den \(date(day))", "The benefit \(name) is not in force on \(date(day))")
        case .noPlan: return pick("Borgeren har ingen samlet plan endnu: opret den først", "The citizen has no unified plan yet: create it first")
        case .emptyText(let f): return pick("Udfyld \(field(f))", "The \(field(f)) is empty")
        case let .textTooLong(f, n): return pick("\(capitalized(field(f))) er længere end \(n) tegn", "The \(field(f)) is longer than \(n) characters")
        case .planNeedsConsent: return pick("En samlet plan kræver borgerens samtykke til deling: registrér det først", "A unified plan needs the citizen's consent to share between sectors: record it first")
        case let .unchanged(p, _): return pick("Ingen ændringer at gemme i \(part(p))", "The \(part(p)) is like that already: nothing to save")
        case let .endsBeforeStart(end?, start): return pick("Slutdatoen (\(date(end))) ligger før startdatoen (\(date(start)))", "The end (\(date(end))) is before the start (\(date(start)))")
        case let .endsBeforeStart(nil, start): return pick("En indsats kan ikke slutte før sin start (\(date(start)))", "An effort cannot end before it starts (\(date(start)))")
        case let .effortClosed(_, st): return pick("Indsatsen er allerede \(status(st.rawValue))", "The effort is \(status(st.rawValue)) already")
        case let .effortNotChangeable(_, st): return pick("Indsatsen er \(status(st.rawValue)) og kan ikke længere ændres", "The effort is \(status(st.rawValue)): it can no longer be changed")
        case .appealBeforeDecision: return pick("Klagefristen kan ikke ligge før afgørelsen", "The appeal deadline cannot be before the decision")
        case .followUpDone: return pick("Opfølgningen er allerede udført", "The follow-up was completed already")
        case .scoreRange: return pick("En vurdering er 0-4, eller 9 for ikke relevant", "A score is 0-4, or 9 for not relevant")
        case .referralToOwnSector: return pick("En henvisning går til et andet fagområde end dit eget", "A referral goes to another sector than your own")
        case let .referralTransition(_, from, to): return pick("Henvisningen er \(status(from.rawValue)): den kan ikke blive \(status(to.rawValue))", "The referral is \(status(from.rawValue)): it cannot become \(status(to.rawValue))")
        case .referralAnswer: return pick("En henvisning besvares med accepteret, afvist eller trukket tilbage", "A referral is answered with accepted, rejected or revoked")
        case .templateStart: return pick("Et pakkeforløb begynder inden for et år fra i dag", "A template starts within a year of today")
        case .templateEmpty(let t): return pick("Pakkeforløbet \(t) har hverken delmål eller indsatser", "Template \(t) has neither goals nor efforts")
        case let .templateGoalTwice(t, key): return pick("Pakkeforløbet \(t): to delmål har nøglen “\(key)”", "Template \(t): two goals have the key “\(key)”")
        case let .templateUnknownGoal(t, i, goal): return pick("Indsats \(i) i pakkeforløbet \(t) nævner delmålet “\(goal)”, som forløbet ikke har", "Effort \(i) of template \(t) names the goal “\(goal)”, which the template does not have")
        case let .templateEffortDays(t, i, max): return pick("Indsats \(i) i pakkeforløbet \(t): dage er 0 til \(max)", "Effort \(i) of template \(t): days are 0 to \(max)")
        case let .templateFollowUpDays(t, max): return pick("Pakkeforløbet \(t): opfølgninger ligger 0 til \(max) dage ude", "Template \(t): follow-ups are 0 to \(max) days out")
        case let .templateFile(i, _): return pick("Pakkeforløb nr. \(i) i filen kan ikke læses", "Template \(i) in the file does not read")
        case .demoStoreNotEmpty: return pick("Lageret er ikke tomt: demoen fylder kun et tomt lager", "The store is not empty: the demo fills only an empty store")
        case .followUpInPast(let due): return pick("En opfølgning kan ikke planlægges i fortiden (\(date(due)))", "A follow-up cannot be planned in the past (\(date(due)))")
        case .meetingInPast(let start): return pick("Et møde kan ikke flyttes til en dag, der er gået (\(date(start.day)))", "A meeting cannot be moved into the past (\(date(start.day)))")
        case .badPhone(let p): return pick("“\(p)” er ikke et telefonnummer (cifre, mellemrum og evt. + først)", "“\(p)” is not a phone number (digits, spaces and a leading +)")
        case .badEmail(let e): return pick("“\(e)” er ikke en e-mailadresse", "“\(e)” is not an e-mail address")
        case .controlCharacter(let f):
            return pick("\(capitalized(field(f))) indeholder et skjult styretegn (fx linjeskift, tabulator eller escape), som ikke kan gemmes",
                        "The \(field(f)) contains a hidden control character (such as a line break, a tab or an escape), which cannot be stored")
        case let .dayOutOfRange(f, d, earliest, latest):
            return pick("\(capitalized(dayField(f))) skal ligge fra \(date(earliest)) til \(date(latest)), ikke \(date(d))",
                        "The \(dayField(f)) must be from \(date(earliest)) to \(date(latest)), not \(date(d))")
        case .timeDoesNotExist(let t):
            return pick("Klokken \(hm(t)) findes ikke den \(date(t.day)): uret stilles en time frem til sommertid",
                        "\(hm(t)) does not exist on \(date(t.day)): the clocks go forward an hour for summer time")
        case let .templateTooLarge(t, items, chars):
            return pick("Pakkeforløbet \(t) er for stort: højst \(items) delmål, \(items) indsatser og \(items) opfølgninger og højst \(chars) tegn tekst i alt",
                        "Template \(t) is too large: at most \(items) goals, \(items) efforts and \(items) follow-ups, and \(chars) characters of text in all")
        case .notLocked(let u): return pick("\(user(u)) er ikke låst ude", "\(user(u)) is not locked out")
        case .weakPassword(let p):
            switch p {
            case .dictionaryWord: return pick("Adgangskoden er for let at gætte: den er (bygget på) et ord fra ordbogen. Prøv en sætning af flere ord",
                                              "The password is too easy to guess: it is (based on) a dictionary word. Try a sentence of several words")
            case .palindrome: return pick("Adgangskoden er den samme læst bagfra", "The password reads the same backwards")
            case .containsUserName: return pick("Adgangskoden indeholder brugernavnet", "The password contains the user name")
            case .tooSimple: return pick("Adgangskoden er for enkel (for mange ens eller fortløbende tegn)", "The password is too simple (too many repeated or consecutive characters)")
            case .forbiddenWord: return pick("Adgangskoden indeholder et forbudt ord", "The password contains a forbidden word")
            case .notChecked: return pick("Adgangskoden kan ikke kontrolleres på serveren (ordbogen mangler): kontakt IT",
                                          "The password cannot be checked on the server (the dictionary is missing): contact IT")
            }
        case let .alreadyActive(u, active): return active ? pick("\(user(u)) er allerede aktiv", "\(user(u)) is active already")
                                                           : pick("\(user(u)) er allerede deaktiveret", "\(user(u)) is deactivated already")
        case let .completedBeforePlanned(done, planned): return pick("En opfølgning kan ikke være udført (\(date(done))) før den blev planlagt (\(date(planned)))", "A follow-up cannot be completed (\(date(done))) before it was planned (\(date(planned)))")
        case .caseClosed(_, let day): return pick("Sagen blev lukket \(date(day)): genåbn den for at registrere mere", "The case closed on \(date(day)): reopen it to record more")
        case .caseAlreadyClosed(_, let day): return pick("Sagen er allerede lukket (\(date(day)))", "The case is closed already (\(date(day)))")
        case let .decisionAnnulled(_, day): return pick("Afgørelsen blev annulleret \(date(day)): den kan ikke rettes eller annulleres igen",
                                                         "The decision was annulled on \(date(day)): it cannot be corrected or annulled again")
        case .nothingDue: return pick("Ingen lukket sag har nået sin slettefrist: intet at arkivere", "No closed case is past its retention period: nothing to archive")
        case .formatOneLog: return pick("Loggen skal først opgraderes til format 2 (enplan retention upgrade)", "The log must be upgraded to format 2 first (enplan retention upgrade)")
        case .caseNotClosed: return pick("Sagen er åben: kun en lukket sag kan genåbnes", "The case is open: only a closed case is reopened")
        case let .closedBeforeBirth(d, born): return pick("En sag kan ikke lukkes (\(date(d))) før borgeren blev født (\(date(born)))", "A case cannot close (\(date(d))) before the citizen was born (\(date(born)))")
        case .sameRegistration: return pick("Det er den samme registrering: vælg en anden", "That is the same registration: choose another")
        case .alreadyLinked: return pick("De to registreringer er allerede sat sammen som samme person", "The two registrations are linked as one person already")
        case .alreadyDismissed: return pick("Parret er allerede afvist som dublet", "The pair was dismissed as a duplicate already")
        case .cprUnchanged(let masked): return pick("Borgeren har allerede CPR-nummeret \(masked)", "The citizen has the CPR number \(masked) already")
        case .unitCycle: return pick("En enhed kan ikke placeres under sig selv eller en enhed under den", "A unit cannot be placed under itself or a unit below it")
        case .leaderNotSupervisor(let u): return pick("\(user(u)) er ikke leder: en enhed ledes af ledere", "\(user(u)) is not a supervisor: a unit is led by supervisors")
        }
    }

    func missing(_ r: DomainError.Missing) -> String {
        switch r {
        case .citizen(let id): return pick("Ingen borger \(id)", "No citizen \(id)")
        case .outboxItem(let code): return pick("Ingen eksport \(code) i din udbakke (hentet eller udløbet)", "No export \(code) in your outbox (fetched or expired)")
        case .changeableCitizen: return pick("Ingen sådan borger blandt dem, du må ændre", "No such citizen among those you may change")
        case .citizenWithCPR: return pick("Ingen borger med det CPR-nummer", "No citizen with that CPR number")
        case .user(let id): return pick("Ingen bruger \(id)", "No user \(id)")
        case .activeUser(let id): return pick("Ingen aktiv bruger “\(id)”", "No active user “\(id)”")
        case .activeCaseworker(let id): return pick("Ingen aktiv sagsbehandler “\(id)”", "No active caseworker “\(id)”")
        case .lookup(let id): return pick("Intet opslag \(id) i opslagsloggen", "No lookup \(id) in the audit log")
        case .meeting: return pick("Mødet findes ikke (længere)", "The meeting does not exist (any more)")
        case .target(let id): return pick("Intet mål \(id)", "No target \(id)")
        case .consent: return pick("Samtykket findes ikke hos borgeren", "The citizen has no such consent")
        case let .inPlan(p, id, _): return pick("\(part(p).prefix(1).uppercased() + part(p).dropFirst()) \(id) findes ikke i planen", "No \(part(p)) \(id) in the plan")
        case .template(let id): return pick("Intet pakkeforløb “\(id)”", "No plan template “\(id)”")
        case .youthTargetGroup: return pick("Der er endnu ikke sat en målgruppe for ungeforløbene", "No target group is set yet for the youth cohorts")
        case .offer: return pick("Tilbuddet findes ikke i tilbudsregistret", "No such offer in the register")
        case .reviewSample(let q): return pick("Der er ingen stikprøve for \(quarter(q))", "No review sample for \(quarter(q))")
        case .citizenWithPlan: return pick("Borgeren har ingen plan", "The citizen has no plan")
        case .unit(let id): return pick("Ingen enhed “\(id)”", "No unit “\(id)”")
        }
    }

    func forbidden(_ r: DomainError.Forbidden) -> String {
        switch r {
        case .adminOnly(.anything): return pick("Kun en administrator må gøre dette", "Only an administrator may do this")
        case .adminOnly(.sshKeys): return pick("Kun en administrator styrer SSH-nøgler", "Only an administrator manages SSH keys")
        case .adminOnly(.acceptTruncation): return pick("Kun en administrator godkender en afkortet log", "Only an administrator accepts a truncated log")
        case .adminOnly(.otherPasswords): return pick("Kun en administrator skifter en andens adgangskode", "Only an administrator changes another user's password")
        case .adminOnly(.otherContacts): return pick("Kun en administrator retter en andens kontaktoplysninger", "Only an administrator changes another user's contact details")
        case .supervisorsOnly(.readAuditLog): return s.a(.onlySupervisors)
        case .supervisorsOnly(.moveCitizens): return pick("Kun ledere og administratorer flytter borgere mellem sagsbehandlere", "Only supervisors and administrators move citizens between caseworkers")
        case .supervisorsOnly(.defineTargets): return pick("Kun ledere og administratorer fastsætter mål", "Supervisors and administrators define targets")
        case .supervisorsOnly(.endTargets): return pick("Kun ledere og administratorer afslutter mål", "Supervisors and administrators end targets")
        case .supervisorsOnly(.defineTemplates): return pick("Kun ledere og administratorer opretter pakkeforløb", "Supervisors and administrators define plan templates")
        case .supervisorsOnly(.setTargetGroup): return pick("Kun ledere og administratorer sætter målgruppen", "Supervisors and administrators set the target group")
        case .supervisorsOnly(.addOffers): return pick("Kun ledere og administratorer opretter tilbud i registret", "Only supervisors and administrators add offers to the register")
        case .supervisorsOnly(.review): return pick("Kun ledere og administratorer trækker og registrerer kvartalsgennemgangen", "Only supervisors and administrators draw and record the quarterly review")
        case .supervisorsOnly(.duplicates): return pick("Kun teamledere ser, sammenkæder og afviser mulige dubletter", "Only team leaders list, link and dismiss probable duplicates")
        case .supervisorsOnly(.teamFigures): return pick("Måltal, ungeforløb og borgernes egen vurdering er holdets tal: for ledere og administratorer",
                                                            "The targets, the youth cohorts and the citizens' own assessment are the team's figures: for supervisors and administrators")
        case .adminsManageUsers(true): return pick("Administratorer styrer brugere, ikke møder", "Administrators manage users, not meetings")
        case .adminsManageUsers(false): return pick("Administratorer styrer brugere, ikke borgere", "Administrators manage users, not citizens")
        case .deactivated(let u): return pick("Brugeren \(user(u)) er deaktiveret", "User \(user(u)) is deactivated")
        case let .doesNotWorkOn(u, _): return pick("\(user(u)) arbejder ikke på borgeren og må ikke ændre sagen", "\(user(u)) does not work on the citizen and may not change the case")
        case let .ownFiguresOnly(_, other): return pick("Du ser kun dine egne tal, ikke \(user(other))s", "You see your own figures only, not \(user(other))'s")
        case .participantsOnly(.change, _): return pick("Kun mødets deltagere ændrer mødet", "Only the meeting's participants change the meeting")
        case .participantsOnly(.recordOutcome, _): return pick("Kun mødets deltagere registrerer dets udfald", "Only the meeting's participants record its outcome")
        case .participantsOnly(.add, _): return pick("Kun mødets deltagere tilføjer til mødet", "Only the meeting's participants add to the meeting")
        case let .notShared(p, _, owner, actor):
            return pick("\(part(p).prefix(1).uppercased() + part(p).dropFirst()) hører til \(s.sector(owner)), og intet samtykke deler det med \(s.sector(actor))",
                        "The \(part(p)) belongs to \(s.sector(owner)), and no consent shares it with \(s.sector(actor))")
        case let .referralSector(_, sector, revokes):
            return revokes ? pick("Kun \(s.sector(sector)) trækker henvisningen tilbage", "Only \(s.sector(sector)) revokes the referral")
                           : pick("Kun \(s.sector(sector)) besvarer henvisningen", "Only \(s.sector(sector)) answers the referral")
        case .serverOnly(let c): return pick("“\(c)” køres af servicekontoen på serveren, ikke over SSH", "“\(c)” is run by the service account on the server, not over SSH")
        case .serverFile(let c, _): return pick("“\(c)” læser en fil på serveren: ikke over SSH", "“\(c)” reads a file on the server: not over SSH")
        case .kioskKey: return pick("En kiosknøgle åbner kun loginskærmen: log ind der", "A kiosk key opens the login screen only: log in there")
        case .notActiveUser(let u): return pick("\(user(u)) er ikke en aktiv bruger her", "\(user(u)) is not an active user here")
        case let .sshKeyIsFor(u, _): return pick("Denne SSH-nøgle tilhører \(user(u))", "This SSH key is \(user(u))'s")
        case .headlessKeyNeeded: return pick("Denne SSH-nøgle åbner kun skærmbilledet, hvor du logger ind med din adgangskode",
                                             "This SSH key opens the full-screen interface only, where you log in with your password")
        case .responsibleOrSupervisor: return pick("Kun den ansvarlige sagsbehandler eller en teamleder må gøre dette",
                                                   "Only the responsible caseworker or a team leader may do this")
        case let .outsideMandate(area, units, people):
            let who = units + people.map(user)
            return who.isEmpty
                ? pick("Afgørelser efter \(area.rawValue) ligger uden for din kompetence, og ingen har kompetencen: spørg en administrator",
                       "Decisions under \(area.rawValue) are outside your mandate, and nobody holds it: ask an administrator")
                : pick("Afgørelser efter \(area.rawValue) ligger uden for din kompetence. Kompetencen har: \(who.joined(separator: ", "))",
                       "Decisions under \(area.rawValue) are outside your mandate. It is held by: \(who.joined(separator: ", "))")
        case .otherUnit: return pick("Du ser kun tal for de enheder, du leder, og enhederne under dem", "You see the figures of the units you lead and those below them only")
        case .leadsNoUnit: return pick("Du er ikke leder af en enhed: spørg en administrator", "You lead no unit: ask an administrator")
        }
    }

    /// What the store reports, in the user's words (the file and line for the administrator).
    func store(_ e: StoreError) -> String {
        switch e {
        case .io: return pick("Lageret kunne ikke læses eller skrives: kontakt en administrator", "The store could not be read or written: contact an administrator")
        case let .damaged(file, line, _):
            return pick("\(file):\(line) er beskadiget: lageret kan kun læses (en administrator kører enplan verify)",
                        "\(file):\(line) is damaged: the store is read-only (an administrator runs enplan verify)")
        case .syncFailed: return pick("Gemningen på disken slog fejl: ændringen er måske ikke gemt. Luk EnPlan, start igen og tjek",
                                      "Saving to disk failed: the change may not be kept. Close EnPlan, start again and check")
        case .diskFull: return pick("Disken er fuld: intet blev gemt eller ændret", "The disk is full: nothing was saved or changed")
        case .replaced: return pick("Lageret er blevet opgraderet, siden du åbnede EnPlan: luk EnPlan og åbn det igen",
                                    "The store was upgraded since you opened EnPlan: close EnPlan and open it again")
        case .truncated: return pick("Loggen er kortere end forventet: lageret kan kun læses, til en administrator godkender det",
                                     "The log is shorter than expected: the store is read-only until an administrator accepts it")
        case .marked(let m) where m.auditInDoubt:
            return pick("Lageret er beskadiget, og opslag kan ikke logges: intet kan vises eller gemmes, til en administrator har taget stilling",
                        "The store is damaged and looks cannot be logged: nothing can be shown or saved until an administrator decides")
        case .marked:
            return pick("Lageret er beskadiget: det kan kun læses, til en administrator har taget stilling (enplan verify)",
                        "The store is damaged: it is read-only until an administrator decides (enplan verify)")
        }
    }

    func conflict(_ r: DomainError.Conflict) -> String {
        switch r {
        case .spotChecked: return pick("Opslaget er allerede stikprøvekontrolleret", "The lookup has been spot-checked already")
        case .sampleDrawn(let q): return pick("Stikprøven for \(quarter(q)) er allerede trukket", "The sample for \(quarter(q)) is drawn already")
        case let .planReviewed(_, draw): return pick("Planen er allerede gennemgået for \(quarter(draw))", "The plan is reviewed for \(quarter(draw)) already")
        case .userExists(let id): return pick("Brugeren \(id) findes allerede", "User \(id) exists already")
        case .unitExists(let id): return pick("Enheden \(id) findes allerede", "Unit \(id) exists already")
        case .targetExists(let id): return pick("Målet \(id) findes allerede: afslut det først", "Target \(id) exists already: end it first")
        case let .cprRegistered(masked, _): return pick("En borger med CPR-nummer \(masked) er allerede registreret", "A citizen with CPR number \(masked) is registered already")
        case .planExists: return pick("Borgeren har allerede en samlet plan: én plan pr. borger", "The citizen has a unified plan already: one plan per citizen")
        case .booked(let c):
            let who: String
            switch c.who {
            case .user(let id): who = user(id)
            case .room(let name): who = name
            }
            let when = "\(date(c.start.day)) \(pick("kl.", "at")) \(hm(c.start))-\(hm(c.end))"
            return pick("\(who) er booket i mødet ‘\(s.meetingType(c.type))’ \(when)", "\(who) is booked in the meeting ‘\(s.meetingType(c.type))’ \(when)")
        }
    }
}
