import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The input rule (`InputRules`) over every free text and every day a command carries: each field
/// × each bad class is a typed refusal, and nothing is appended. Each probe is first shown to go
/// through with a good value (decided, not appended), so the refusal is the bad value's doing.
final class InputRuleTests: XCTestCase {
    /// One free text of one command.
    struct Probe {
        let name: String
        let actor: String
        let field: DomainError.TextField
        /// A value the command takes.
        var good = "Gyldig tekst"
        let command: (String) -> Command
    }

    /// A store with something of every kind to write about: c1 with consent, a plan, goal g1,
    /// effort e1, follow-up f1, referral r1, meeting m1, a review draw, offer o1 and template "ung";
    /// c2 with consent and no plan.
    private func fixture() throws -> (Fixture, c: String, c2: String, quarter: String) {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        let c2 = try f.citizen("0101901234", name: "Bo Berg")
        let today = f.today
        try f.service.execute(.giveConsent(citizen: c2, sectors: [.employment, .social], given: nil), as: "mette")
        try f.service.execute(.addGoal(citizen: c, area: .job, text: "Arbejde"), as: "mette")
        try f.service.execute(.addEffort(citizen: c, goal: "g1", title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                         provider: "Jobcentret", start: today, end: nil), as: "mette")
        try f.service.execute(.scheduleFollowUp(citizen: c, due: today + 7), as: "mette")
        try f.service.execute(.sendReferral(citizen: c, to: .social, text: "Bostøtte"), as: "mette")
        try f.service.execute(.scheduleMeeting(type: .network, citizen: c, start: LocalTime(day: today + 2, minuteOfDay: 600), minutes: 60,
                                               room: nil, participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        let quarter = Quarter(of: today)
        try f.service.execute(.drawReviewSample(quarter: quarter, size: 1, seed: 1), as: "karen")
        try f.service.execute(.defineOffer(provider: "Café Søhuset", kind: .socialEconomy, activity: "Køkken", place: "Roskilde", weekdays: [1]),
                              as: "karen")
        try f.service.execute(.defineTemplate(Self.template()), as: "karen")
        return (f, c, c2, quarter.id)
    }

    private static func template(name: String = "Ung i job", description: String = "", key: String = "job", goal: String = "Job",
                                 title: String = "Praktik", basis: String = "LAB § 42", provider: String = "Jobcentret") -> PlanTemplate {
        PlanTemplate(id: "ung", name: name, description: description, goals: [.init(key: key, area: .job, text: goal)],
                     efforts: [.init(goal: nil, title: title, sector: .employment, legalBasis: basis, provider: provider, startAfterDays: 0, days: 30)],
                     followUpDays: [14])
    }

    private func probes(c: String, c2: String, quarter: String, today: Day) -> [Probe] {
        let soon = LocalTime(day: today + 3, minuteOfDay: 600), m1 = LocalTime(day: today + 2, minuteOfDay: 600)
        func meeting(room: String? = nil, guests: [Guest] = [], agenda: [String] = []) -> Command {
            .scheduleMeeting(type: .network, citizen: c, start: soon, minutes: 30, room: room, participants: ["mette"], guests: guests,
                             allowConflict: true, agenda: agenda)
        }
        func review(authority: String = "Karen", provider: String = "", findings: String = "Fint", action: String? = nil) -> Command {
            .recordReview(citizen: c, draw: quarter, date: today, authority: authority, provider: provider, invited: true, tookPart: true,
                          focus: .some, findings: findings, actions: action.map { [ReviewAction(text: $0, due: today + 30)] } ?? [])
        }
        func effort(title: String = "Praktik", basis: String = "LAB § 42", provider: String = "Byg") -> Command {
            .addEffort(citizen: c, goal: nil, title: title, sector: .employment, legalBasis: basis, provider: provider, start: today, end: nil)
        }
        func change(title: String = "Mentor", basis: String = "LAB § 31", provider: String = "Jobcentret") -> Command {
            .changeEffort(citizen: c, effort: "e1", goal: "g1", title: title, legalBasis: basis, provider: provider, start: today, end: today + 30)
        }
        func offer(provider: String = "Klubben", activity: String = "Fodbold", place: String = "Hallen") -> Command {
            .defineOffer(provider: provider, kind: .civilSociety, activity: activity, place: place, weekdays: [2])
        }
        return [
            Probe(name: "citizen add: name", actor: "mette", field: .name) { .registerCitizen(cpr: "0202902345", name: $0, benefit: nil, responsible: nil) },
            Probe(name: "citizen edit: name", actor: "mette", field: .name) { .changeCitizenDetails(citizen: c, name: $0, benefit: nil) },
            Probe(name: "responsible: reason", actor: "mette", field: .reason) { .changeResponsible(citizen: c, user: "jonas", reason: $0) },
            Probe(name: "contact person", actor: "mette", field: .contactPerson) { .chooseContactPerson(citizen: c, name: $0) },
            Probe(name: "household: name", actor: "mette", field: .name) {
                .linkHousehold(citizen: c, member: HouseholdMember(relation: .child, name: $0, citizen: nil))
            },
            Probe(name: "consent withdrawn: reason", actor: "mette", field: .reason) { .withdrawConsent(citizen: c, consent: "s1", reason: $0) },
            Probe(name: "contact: note", actor: "mette", field: .note) { .logContact(citizen: c, channel: .phone, note: $0, at: nil) },
            Probe(name: "plan: own words", actor: "mette", field: .ownWords) { .createPlan(citizen: c2, overallGoal: .employment, ownWords: $0) },
            Probe(name: "plan goal: own words", actor: "mette", field: .ownWords) { .changePlanGoal(citizen: c, overallGoal: .employment, ownWords: $0) },
            Probe(name: "goal", actor: "mette", field: .goal) { .addGoal(citizen: c, area: .job, text: $0) },
            Probe(name: "goal changed", actor: "mette", field: .goal) { .changeGoal(citizen: c, goal: "g1", area: .job, text: $0) },
            Probe(name: "effort: title", actor: "mette", field: .title) { effort(title: $0) },
            Probe(name: "effort: legal basis", actor: "mette", field: .legalBasis) { effort(basis: $0) },
            Probe(name: "effort: provider", actor: "mette", field: .provider) { effort(provider: $0) },
            Probe(name: "effort changed: title", actor: "mette", field: .title) { change(title: $0) },
            Probe(name: "effort changed: legal basis", actor: "mette", field: .legalBasis) { change(basis: $0) },
            Probe(name: "effort changed: provider", actor: "mette", field: .provider) { change(provider: $0) },
            Probe(name: "follow-up: subject", actor: "mette", field: .subject) { .scheduleFollowUp(citizen: c, due: Day(iso: "2026-12-01")!, subject: $0) },
            Probe(name: "decision: text", actor: "mette", field: .decisionText) {
                .recordDecision(citizen: c, legalArea: .lab, date: today, text: $0, appealDeadline: nil)
            },
            Probe(name: "follow-up done: note", actor: "mette", field: .note) {
                .completeFollowUp(citizen: c, followUp: "f1", done: today, result: .continue, note: $0)
            },
            Probe(name: "assessment: domain", actor: "mette", field: .domain) { .recordAssessment(citizen: c, domain: $0, score: 2, date: today) },
            Probe(name: "referral: text", actor: "mette", field: .referralText) { .sendReferral(citizen: c, to: .social, text: $0) },
            Probe(name: "referral revoked: reason", actor: "mette", field: .reason) {
                .answerReferral(citizen: c, referral: "r1", status: .revoked, reason: $0)
            },
            Probe(name: "template: name", actor: "karen", field: .templateName) { .defineTemplate(Self.template(name: $0)) },
            Probe(name: "template: description", actor: "karen", field: .description) { .defineTemplate(Self.template(description: $0)) },
            Probe(name: "template: goal key", actor: "karen", field: .templateGoalKey(goal: 1)) { .defineTemplate(Self.template(key: $0)) },
            Probe(name: "template: goal text", actor: "karen", field: .templateGoal(key: "job")) { .defineTemplate(Self.template(goal: $0)) },
            Probe(name: "template: effort title", actor: "karen", field: .templateEffort(.title, effort: 1, template: "ung")) {
                .defineTemplate(Self.template(title: $0))
            },
            Probe(name: "template: effort basis", actor: "karen", field: .templateEffort(.legalBasis, effort: 1, template: "ung")) {
                .defineTemplate(Self.template(basis: $0))
            },
            Probe(name: "template: effort provider", actor: "karen", field: .templateEffort(.provider, effort: 1, template: "ung")) {
                .defineTemplate(Self.template(provider: $0))
            },
            Probe(name: "meeting: room", actor: "mette", field: .room) { meeting(room: $0) },
            Probe(name: "meeting: guest's name", actor: "mette", field: .guestName) { meeting(guests: [Guest(kind: .partner, name: $0, organisation: nil)]) },
            Probe(name: "meeting: guest's organisation", actor: "mette", field: .organisation) {
                meeting(guests: [Guest(kind: .partner, name: "Ole Mørk", organisation: $0)])
            },
            Probe(name: "meeting: agenda item", actor: "mette", field: .agendaItem, good: "f1") { meeting(agenda: [$0]) },
            Probe(name: "meeting status: outcome", actor: "mette", field: .outcome) { .setMeetingStatus(meeting: "m1", status: .cancelled, outcome: $0) },
            Probe(name: "meeting outcome: outcome", actor: "mette", field: .outcome) {
                .recordMeetingOutcome(meeting: "m1", status: .cancelled, outcome: $0, completeFollowUps: nil)
            },
            Probe(name: "meeting joined: guest's name", actor: "mette", field: .guestName) {
                .joinMeeting(meeting: "m1", participants: [], guests: [Guest(kind: .relative, name: $0, organisation: nil)], allowConflict: true)
            },
            Probe(name: "meeting joined: organisation", actor: "mette", field: .organisation) {
                .joinMeeting(meeting: "m1", participants: [], guests: [Guest(kind: .partner, name: "Ole", organisation: $0)], allowConflict: true)
            },
            Probe(name: "meeting joined: agenda item", actor: "mette", field: .agendaItem, good: "f1") {
                .joinMeeting(meeting: "m1", participants: [], guests: [], allowConflict: true, agenda: [$0])
            },
            Probe(name: "meeting changed: room", actor: "mette", field: .room) {
                .changeMeeting(meeting: "m1", type: .network, start: m1, minutes: 60, room: $0, agenda: [], allowConflict: true)
            },
            Probe(name: "meeting changed: agenda item", actor: "mette", field: .agendaItem, good: "f1") {
                .changeMeeting(meeting: "m1", type: .network, start: m1, minutes: 60, room: nil, agenda: [$0], allowConflict: true)
            },
            Probe(name: "reassign: reason", actor: "karen", field: .reason) { .reassign(citizens: [c], to: "jonas", reason: $0) },
            Probe(name: "target: name", actor: "karen", field: .targetName) {
                .defineTarget(id: "loft", kind: .caseloadMax, name: $0, value: 25, deadline: nil, sector: nil)
            },
            Probe(name: "outcome: source", actor: "mette", field: .source) { .recordOutcome(citizen: c, status: .job, date: today, source: $0) },
            Probe(name: "own assessment: words", actor: "mette", field: .ownWords) {
                .recordOwnAssessment(citizen: c, topic: .plan, score: 3, words: $0, date: today)
            },
            Probe(name: "target group: effort basis", actor: "karen", field: .legalBasis) {
                .setYouthTargetGroup(maxAge: 29, benefits: ["kontanthjaelp"], effortBasis: $0, requireVulnerability: false, baseline: today)
            },
            Probe(name: "user contact: phone", actor: "mette", field: .phone, good: "+45 12 34 56 78") { .setUserContact(user: "mette", phone: $0, email: nil) },
            Probe(name: "user contact: e-mail", actor: "mette", field: .email, good: "mette@roskilde.dk") {
                .setUserContact(user: "mette", phone: nil, email: $0)
            },
            Probe(name: "user add: name", actor: "admin", field: .name) {
                .createUser(User(id: "ny", name: $0, sector: .social, role: .caseworker), passwordHash: Fixture.hash)
            },
            Probe(name: "user add: e-mail", actor: "admin", field: .email, good: "ny@roskilde.dk") {
                .createUser(User(id: "ny", name: "Ny", sector: .social, role: .caseworker, email: $0), passwordHash: Fixture.hash)
            },
            Probe(name: "benefit: Danish name", actor: "admin", field: .danishName) {
                .defineBenefit(Benefit(code: "ny", danish: $0, english: "New", validFrom: today))
            },
            Probe(name: "benefit: English name", actor: "admin", field: .englishName) {
                .defineBenefit(Benefit(code: "ny", danish: "Ny", english: $0, validFrom: today))
            },
            Probe(name: "review: authority", actor: "karen", field: .authorityReviewer) { review(authority: $0) },
            Probe(name: "review: provider", actor: "karen", field: .provider) { review(provider: $0) },
            Probe(name: "review: findings", actor: "karen", field: .findings) { review(findings: $0) },
            Probe(name: "review: action", actor: "karen", field: .action) { review(action: $0) },
            Probe(name: "offer: provider", actor: "karen", field: .provider) { offer(provider: $0) },
            Probe(name: "offer: activity", actor: "karen", field: .activity) { offer(activity: $0) },
            Probe(name: "offer: place", actor: "karen", field: .place) { offer(place: $0) },
        ]
    }

    /// The bad classes that are control characters (`TerminalSafe.isControl`).
    static let controls: [(String, String)] = [
        ("ESC sequence", "Navn \u{1B}[2J"), ("OSC title", "\u{1B}]0;overtaget\u{07}"), ("BEL", "ding\u{07}"), ("CR", "a\rb"),
        ("LF", "a\nb"), ("a trailing LF", "tekst\n"), ("TAB", "a\tb"), ("NUL", "a\u{0}b"), ("DEL", "a\u{7F}"), ("C1 CSI", "a\u{9B}31m"),
        ("C1 NEL", "a\u{85}b"), ("RLO", "abc\u{202E}fed"), ("RLI", "\u{2067}x"), ("line separator", "a\u{2028}b"),
    ]

    func testOnlyLongTextsTakeLineBreaksAndTheyAreKeptButTrimmedAtTheEnds() throws {
        let long = InputRules.TextKind.allCases.filter(\.allowsLineBreaks)
        XCTAssertEqual(long, [.long], "only the long texts take line breaks")
        XCTAssertEqual(try InputRules.text("\n  Første afsnit.\n\nAndet afsnit 🙂\n\n", .note), "Første afsnit.\n\nAndet afsnit 🙂")
        XCTAssertThrowsError(try InputRules.text("a\r\nb", .note), "CR LF is not a line break here: the form and the paste make \\n")
        XCTAssertThrowsError(try InputRules.text("a\nb", .reason), "a reason is one line")
        XCTAssertThrowsError(try InputRules.text("a\nb", .name))
        // The line breaks count as characters: 4,000 in all.
        XCTAssertNoThrow(try InputRules.text(String(repeating: "a\n", count: 1999) + "a", .findings))
        XCTAssertThrowsError(try InputRules.text(String(repeating: "a\n", count: 2000) + "a", .findings))
        // Shown on one line, a break is the paragraph mark; never a line of its own.
        XCTAssertEqual(TerminalSafe.oneLine("Ringede\nAftalt møde"), "Ringede ¶ Aftalt møde")
        XCTAssertEqual(TerminalSafe.lines(["note: a\nfalsk linje"]), "note: a ¶ falsk linje\n")
    }

    func testEveryFreeTextOfEveryCommandRefusesControlsAndTooLongTexts() throws {
        let (f, c, c2, quarter) = try fixture()
        let probes = probes(c: c, c2: c2, quarter: quarter, today: f.today)
        let before = try f.eventLines()
        for p in probes {
            // With a good value the command goes through (decided here, not appended).
            let decide = Decide(state: f.store.projection, actor: try Decide.actor(p.actor, in: f.store.projection), today: f.today)
            XCTAssertNoThrow(try decide.events(for: p.command(p.good)), p.name)

            for (bad, value) in Self.controls {
                // A long text (a note, own words, findings, a decision, a description) may hold line
                // breaks ("\n" alone): decided, not refused; every other control still is.
                if InputRules.kind(p.field).allowsLineBreaks && value.unicodeScalars.allSatisfy({ $0 == "\n" || !TerminalSafe.isControl($0) }) {
                    XCTAssertNoThrow(try decide.events(for: p.command(value)), "\(p.name) × \(bad): a long text takes line breaks")
                    continue
                }
                assertRefused(try f.service.execute(p.command(value), as: p.actor), .controlCharacter(p.field), "\(p.name) × \(bad)")
            }
            let max = InputRules.kind(p.field).maxCharacters
            let long = p.field == .phone ? String(repeating: "1", count: max + 1) : String(repeating: "å", count: max + 1)
            assertRefused(try f.service.execute(p.command(long), as: p.actor), .textTooLong(p.field, maxCharacters: max), "\(p.name) × too long")
        }
        XCTAssertEqual(try f.eventLines(), before, "nothing appended")
        XCTAssertEqual(Set(probes.map { Self.kindOfField($0.field) }).count, Self.fieldKinds, "a probe for every kind of text field")
    }

    /// Every case of `TextField`, without `default:`: a new field does not compile until it is named
    /// here, and the test fails until a command's probe uses it.
    static func kindOfField(_ f: DomainError.TextField) -> String {
        switch f {
        case .name: return "name"
        case .danishName: return "danishName"
        case .englishName: return "englishName"
        case .contactPerson: return "contactPerson"
        case .decisionText: return "decisionText"
        case .domain: return "domain"
        case .goal: return "goal"
        case .legalBasis: return "legalBasis"
        case .provider: return "provider"
        case .reason: return "reason"
        case .referralText: return "referralText"
        case .targetName: return "targetName"
        case .templateName: return "templateName"
        case .title: return "title"
        case .outcome: return "outcome"
        case .agendaItem: return "agendaItem"
        case .subject: return "subject"
        case .source: return "source"
        case .ownWords: return "ownWords"
        case .activity: return "activity"
        case .action: return "action"
        case .authorityReviewer: return "authorityReviewer"
        case .findings: return "findings"
        case .templateGoal: return "templateGoal"
        case .templateEffort: return "templateEffort"
        case .note: return "note"
        case .room: return "room"
        case .guestName: return "guestName"
        case .organisation: return "organisation"
        case .place: return "place"
        case .description: return "description"
        case .email: return "email"
        case .phone: return "phone"
        case .templateGoalKey: return "templateGoalKey"
        }
    }
    static let fieldKinds = 34

    func testTheLimitIsInCharactersAndAtTheLimitATextIsTaken() throws {
        for kind in InputRules.TextKind.allCases {
            let field: DomainError.TextField = [.name: .name, .line: .title, .email: .email, .phone: .phone, .text: .goal, .long: .note][kind]!
            XCTAssertEqual(InputRules.kind(field), kind)
            // "å" is two bytes and one character; "👩‍👧" is one character of many bytes.
            for unit in ["å", "👩‍👧"] {
                let atLimit = String(repeating: unit, count: kind.maxCharacters)
                XCTAssertEqual(try InputRules.text(atLimit, field), atLimit, "\(kind) at its limit")
                XCTAssertThrowsError(try InputRules.text(atLimit + unit, field), "\(kind) over its limit")
            }
        }
        // Spaces around are trimmed (not counted); marks of direction are no controls.
        XCTAssertEqual(try InputRules.text("  Åse Ærø\u{200F}  ", .name), "Åse Ærø\u{200F}")
        XCTAssertEqual(try InputRules.optionalText("   ", .note), nil)
        XCTAssertThrowsError(try InputRules.text("   ", .name)) { XCTAssertEqual($0 as? DomainError, .invalid(.emptyText(.name))) }
        XCTAssertEqual(InputRules.TextKind.allCases.map(\.maxCharacters), [100, 200, 254, 30, 2000, 4000], "the README's table")
    }

    func testATemplateHasASizeLimitAsAWhole() throws {
        let f = try Fixture()
        let lines = try f.eventLines()
        let tooLarge = DomainError.invalid(.templateTooLarge(template: "ung", maxItems: 100, maxCharacters: 50_000))
        var many = Self.template()
        many.goals = (1...101).map { .init(key: "g\($0)", area: .job, text: "Mål \($0)") }
        assertRefused(try f.service.execute(.defineTemplate(many), as: "karen"), tooLarge, "101 goals")
        var followUps = Self.template()
        followUps.followUpDays = Array(repeating: 7, count: 101)
        assertRefused(try f.service.execute(.defineTemplate(followUps), as: "karen"), tooLarge, "101 follow-ups")
        // Each text within its own limit, together too much.
        var wordy = Self.template()
        wordy.goals = (1...30).map { .init(key: "g\($0)", area: .job, text: String(repeating: "ø", count: 2000)) }
        assertRefused(try f.service.execute(.defineTemplate(wordy), as: "karen"), tooLarge, "60,000 characters")
        // A 10 MB template, as one event, is refused whole.
        let huge = Self.template(description: String(repeating: "Lang beskrivelse ", count: 620_000))
        assertRefused(try f.service.execute(.defineTemplate(huge), as: "karen"), tooLarge, "10 MB")
        XCTAssertEqual(try f.eventLines(), lines, "nothing appended")
        try f.service.execute(.defineTemplate(Self.template()), as: "karen")
    }

    func testEveryDayOfEveryCommandIsInItsWindow() throws {
        let (f, c, c2, quarter) = try fixture()
        let today = f.today
        let year1 = Day(year: 1, month: 1, day: 1)!, year9999 = Day(year: 9999, month: 12, day: 31)!
        let case1970 = Day(year: 1970, month: 1, day: 1)!, day1900 = Day(year: 1900, month: 1, day: 1)!
        let planned = (today.adding(years: -10), today.adding(years: 5)), any = (day1900, today.adding(years: 10))
        let meetings = (today, today.adding(years: 2))
        func out(_ field: DomainError.DayField, _ d: Day, _ w: (Day, Day)) -> DomainError.Invalid {
            .dayOutOfRange(field, d, earliest: w.0, latest: w.1)
        }
        func at(_ d: Day, _ minute: Int = 600) -> LocalTime { LocalTime(day: d, minuteOfDay: minute) }
        let gap = LocalTime(iso: "2027-03-28T02:30")!   // the last Sunday of March 2027: 02:00 becomes 03:00
        let rows: [(String, String, Command, DomainError.Invalid)] = [
            ("decision in year 1", "mette", .recordDecision(citizen: c, legalArea: .sel, date: year1, text: "Bevilget", appealDeadline: nil),
             out(.date, year1, (case1970, today))),
            ("decision before 1970", "mette", .recordDecision(citizen: c, legalArea: .sel, date: Day(year: 1969, month: 12, day: 31)!, text: "B", appealDeadline: nil),
             out(.date, Day(year: 1969, month: 12, day: 31)!, (case1970, today))),
            ("decision in year 9999", "mette", .recordDecision(citizen: c, legalArea: .sel, date: year9999, text: "B", appealDeadline: nil), .inFuture(.decision)),
            ("appeal deadline in year 9999", "mette", .recordDecision(citizen: c, legalArea: .sel, date: today, text: "B", appealDeadline: year9999),
             out(.deadline, year9999, any)),
            ("consent in year 1", "mette", .giveConsent(citizen: c2, sectors: [.employment, .health], given: year1), out(.date, year1, (case1970, today))),
            ("consent in year 9999", "mette", .giveConsent(citizen: c2, sectors: [.employment, .health], given: year9999), .inFuture(.consent)),
            ("contact in year 1", "mette", .logContact(citizen: c, channel: .phone, note: nil, at: Timestamp(millis: Int64(year1.daysSinceEpoch) * 86_400_000)),
             out(.date, year1, (case1970, today))),
            ("contact person chosen in year 1", "mette", .chooseContactPerson(citizen: c, name: "Lis", chosenByCitizen: year1), out(.date, year1, (case1970, today))),
            ("assessment in year 1", "mette", .recordAssessment(citizen: c, domain: "Helbred", score: 2, date: year1), out(.date, year1, (case1970, today))),
            ("assessment in year 9999", "mette", .recordAssessment(citizen: c, domain: "Helbred", score: 2, date: year9999), .inFuture(.assessment)),
            ("follow-up done in year 1", "mette", .completeFollowUp(citizen: c, followUp: "f1", done: year1, result: .continue, note: nil),
             out(.done, year1, (case1970, today))),
            ("follow-up done in year 9999", "mette", .completeFollowUp(citizen: c, followUp: "f1", done: year9999, result: .continue, note: nil),
             .inFuture(.followUpCompletion)),
            ("follow-up due in year 9999", "mette", .scheduleFollowUp(citizen: c, due: year9999), out(.due, year9999, planned)),
            ("follow-up due in year 1", "mette", .scheduleFollowUp(citizen: c, due: year1), .followUpInPast(due: year1)),
            ("effort from year 1", "mette", .addEffort(citizen: c, goal: nil, title: "T", sector: .employment, legalBasis: "B", provider: "P", start: year1, end: nil),
             out(.start, year1, planned)),
            ("effort to year 9999", "mette", .addEffort(citizen: c, goal: nil, title: "T", sector: .employment, legalBasis: "B", provider: "P", start: today, end: year9999),
             out(.end, year9999, planned)),
            ("effort moved to year 1", "mette", .changeEffort(citizen: c, effort: "e1", goal: nil, title: "T", legalBasis: "B", provider: "P", start: year1, end: nil),
             out(.start, year1, planned)),
            ("effort planned to end in year 9999", "mette", .setEffortStatus(citizen: c, effort: "e1", status: .active, end: year9999), out(.end, year9999, planned)),
            ("effort ended in year 1", "mette", .setEffortStatus(citizen: c, effort: "e1", status: .ended, end: year1), out(.end, year1, (case1970, today))),
            ("outcome in year 1", "mette", .recordOutcome(citizen: c, status: .job, date: year1, source: nil), out(.date, year1, (case1970, today))),
            ("outcome in year 9999", "mette", .recordOutcome(citizen: c, status: .job, date: year9999, source: nil), .inFuture(.day(year9999))),
            ("own assessment in year 1", "mette", .recordOwnAssessment(citizen: c, topic: .plan, score: 3, words: "", date: year1), out(.date, year1, (case1970, today))),
            ("vulnerability in year 1", "mette", .recordVulnerability(citizen: c, on: true, date: year1), out(.date, year1, (case1970, today))),
            ("target group from year 1", "karen", .setYouthTargetGroup(maxAge: 29, benefits: ["kontanthjaelp"], effortBasis: "SEL", requireVulnerability: false,
                                                                       baseline: year1), out(.date, year1, (case1970, today))),
            ("template applied from year 9999", "mette", .applyTemplate(citizen: c, template: "ung", start: year9999), .templateStart),
            ("target deadline in year 9999", "karen", .defineTarget(id: "plan-9", kind: .planCoverage, name: "Planer", value: 9, deadline: year9999, sector: nil),
             out(.deadline, year9999, any)),
            ("benefit from year 1", "admin", .defineBenefit(Benefit(code: "ny", danish: "Ny", english: "New", validFrom: year1)), out(.start, year1, any)),
            ("benefit to year 9999", "admin", .defineBenefit(Benefit(code: "ny", danish: "Ny", english: "New", validFrom: today, validTo: year9999)),
             out(.end, year9999, any)),
            ("attendance in year 1", "mette", .reportAttendance(offer: "o1", week: IsoWeek(year1), count: 3), out(.date, IsoWeek(year1).monday, any)),
            ("review sample for year 9999", "karen", .drawReviewSample(quarter: Quarter(of: year9999), size: 1, seed: 1),
             out(.date, Quarter(of: year9999).period.from, any)),
            ("review action due in year 9999", "karen", .recordReview(citizen: c, draw: quarter, date: today, authority: "K", provider: "", invited: true,
                                                                      tookPart: true, focus: .some, findings: "F", actions: [ReviewAction(text: "Ring", due: year9999)]),
             out(.due, year9999, planned)),
            ("meeting in year 1", "mette", .scheduleMeeting(type: .other, citizen: nil, start: at(year1), minutes: 30, room: nil, participants: ["mette"], guests: [],
                                                            allowConflict: true), out(.date, year1, meetings)),
            ("meeting in year 9999", "mette", .scheduleMeeting(type: .other, citizen: nil, start: at(year9999), minutes: 30, room: nil, participants: ["mette"],
                                                               guests: [], allowConflict: true), out(.date, year9999, meetings)),
            ("meeting yesterday", "mette", .scheduleMeeting(type: .other, citizen: nil, start: at(today + -1), minutes: 30, room: nil, participants: ["mette"],
                                                            guests: [], allowConflict: true), out(.date, today + -1, meetings)),
            ("meeting in three years", "mette", .scheduleMeeting(type: .other, citizen: nil, start: at(today.adding(years: 3)), minutes: 30, room: nil,
                                                                 participants: ["mette"], guests: [], allowConflict: true), out(.date, today.adding(years: 3), meetings)),
            ("meeting in the DST gap", "mette", .scheduleMeeting(type: .other, citizen: nil, start: gap, minutes: 30, room: nil, participants: ["mette"], guests: [],
                                                                 allowConflict: true), .timeDoesNotExist(gap)),
            ("meeting at 02:00 on the day the clocks go forward", "mette",
             .scheduleMeeting(type: .other, citizen: nil, start: LocalTime(iso: "2027-03-28T02:00")!, minutes: 30, room: nil, participants: ["mette"], guests: [],
                              allowConflict: true), .timeDoesNotExist(LocalTime(iso: "2027-03-28T02:00")!)),
            ("meeting moved into the DST gap", "mette", .changeMeeting(meeting: "m1", type: .network, start: gap, minutes: 60, room: nil, agenda: [],
                                                                       allowConflict: true), .timeDoesNotExist(gap)),
            ("meeting moved to year 9999", "mette", .changeMeeting(meeting: "m1", type: .network, start: at(year9999), minutes: 60, room: nil, agenda: [],
                                                                   allowConflict: true), out(.date, year9999, meetings)),
        ]
        let before = try f.eventLines()
        for (name, actor, command, expected) in rows {
            assertRefused(try f.service.execute(command, as: actor), expected, name)
        }
        XCTAssertEqual(try f.eventLines(), before, "nothing appended")

        // The edges of the windows are inside them.
        let decide = Decide(state: f.store.projection, actor: try Decide.actor("mette", in: f.store.projection), today: today)
        for start in [LocalTime(iso: "2027-03-28T01:59")!, LocalTime(iso: "2027-03-28T03:00")!, LocalTime(iso: "2027-10-31T02:30")!,
                      at(today, 23 * 60), at(today.adding(years: 2))] {
            XCTAssertNoThrow(try decide.events(for: .scheduleMeeting(type: .other, citizen: nil, start: start, minutes: 30, room: nil, participants: ["mette"],
                                                                     guests: [], allowConflict: true)), start.iso)
        }
        XCTAssertNoThrow(try decide.events(for: .recordDecision(citizen: c, legalArea: .sel, date: case1970, text: "B", appealDeadline: nil)))
        XCTAssertNoThrow(try decide.events(for: .addEffort(citizen: c, goal: nil, title: "T", sector: .employment, legalBasis: "B", provider: "P",
                                                           start: planned.0, end: planned.1)))
    }

    func testTheHourTheClocksGoForwardDoesNotExistInCopenhagen() {
        func exists(_ s: String) -> Bool { LocalTime(iso: s)!.existsInCopenhagen }
        // The last Sunday of March: 28-03-2027 and 29-03-2026.
        XCTAssertEqual(Day(iso: "2027-03-28")!.weekday, 7)
        for t in ["2027-03-28T02:00", "2027-03-28T02:30", "2027-03-28T02:59", "2026-03-29T02:15"] { XCTAssertFalse(exists(t), t) }
        for t in ["2027-03-28T01:59", "2027-03-28T03:00", "2027-03-21T02:30", "2027-10-31T02:30", "2027-10-31T02:00", "2026-11-23T10:00"] {
            XCTAssertTrue(exists(t), t)
        }
    }

    private func assertRefused(_ expression: @autoclosure () throws -> Any, _ expected: DomainError.Invalid, _ name: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        assertRefused(try expression(), DomainError.invalid(expected), name, file: file, line: line)
    }

    private func assertRefused(_ expression: @autoclosure () throws -> Any, _ expected: DomainError, _ name: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try expression()
            XCTFail("\(name): taken, expected \(expected)", file: file, line: line)
        } catch let e as DomainError {
            XCTAssertEqual(e, expected, name, file: file, line: line)
            XCTAssertTrue(e.isBadInput, "\(name): exit status 2", file: file, line: line)
        } catch {
            XCTFail("\(name): \(error)", file: file, line: line)
        }
    }
}

/// What leaves the program: `TerminalSafe` and the JSON writer.
final class TerminalSafeTests: XCTestCase {
    static let hostile = "Søren \u{1B}[2J\u{1B}]0;overtaget\u{07}\u{9B}31m\u{202E}nesneroS\u{2066}\u{7F}\u{0}\r\n\tslut\u{2028}"

    func testEveryControlBecomesVisibleAndNothingElseChanges() {
        let field = TerminalSafe.field(Self.hostile)
        XCTAssertFalse(field.unicodeScalars.contains(where: TerminalSafe.isControl), field)
        XCTAssertEqual(field, "Søren ␛[2J␛]0;overtaget␇�31m�nesneroS�␡␀␍␊␉slut�")
        let text = TerminalSafe.text(Self.hostile)
        XCTAssertEqual(text, "Søren ␛[2J␛]0;overtaget␇�31m�nesneroS�␡␀\r\n\tslut�", "a document keeps its line ends and tabs")
        XCTAssertEqual(TerminalSafe.text("a\rb\n"), "a␍b\n", "a lone CR would overwrite the line")
        for s in ["Åse Ærø Østergaard", "李小龙 👩‍👧", "مرحبا\u{200F}", ""] {
            XCTAssertEqual(TerminalSafe.field(s), s)
        }
        // Exactly the characters the input rule refuses.
        for v: UInt32 in [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069] {
            XCTAssertTrue(TerminalSafe.isControl(Unicode.Scalar(v)!), String(v, radix: 16))
        }
        for v: UInt32 in [0x20, 0x7E, 0xA0, 0xE5, 0x200E, 0x200F, 0x2026, 0x2027, 0x202F, 0x2065, 0x206A, 0xFFFD] {
            XCTAssertFalse(TerminalSafe.isControl(Unicode.Scalar(v)!), String(v, radix: 16))
        }
    }

    func testJSONEscapesEveryControlAndStillReadsTheSame() throws {
        var f = Fields()
        f.set("name", Self.hostile)
        f.set("edge", "§ … – \u{2027}\u{202F}\u{2065}\u{206A}é")
        let bytes = f.jsonBytes
        let json = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(json.unicodeScalars.contains(where: TerminalSafe.isControl), json)
        XCTAssertTrue(json.contains(#"\u001b[2J"#) && json.contains(#"\u009b31m"#) && json.contains(#"\u202e"#) && json.contains(#"\u2066"#)
                      && json.contains(#"\u007f"#) && json.contains(#"\u2028"#), json)
        XCTAssertTrue(json.contains("§ … – \u{2027}\u{202F}\u{2065}\u{206A}é"), "neighbours of the escaped ranges stay as they are: \(json)")
        XCTAssertEqual(try JSONReader.decode(Fields.self, from: bytes), f)
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        XCTAssertEqual(parsed["name"] as? String, Self.hostile)
    }

    func testICalendarTextCarriesNoControl() {
        let text = ICalendar.text("Rum \u{1B}[2J; 1\u{9B}\n2")
        XCTAssertEqual(text, "Rum ␛[2J\\; 1�\\n2")
        XCTAssertEqual(ICalendar.param("\"Ole\u{07}\u{202E}\""), "\"Ole␇�\"")
    }
}
