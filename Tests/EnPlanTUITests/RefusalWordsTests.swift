import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI

/// One sample of every refusal the domain has, worded in Danish with no English word, and in
/// English as its own sentence. `number(_:)` switches over every case without `default:`, so a new
/// case does not compile until it has a number here, and the test fails until it has a sample.
final class RefusalWordsTests: XCTestCase {
    static let day = Day(year: 2026, month: 11, day: 23)!
    static let clash = Scheduling.Conflict(who: .user("mette"), meeting: "m83", type: .network,
                                           start: LocalTime(day: day, minuteOfDay: 600), end: LocalTime(day: day, minuteOfDay: 660))

    static let invalid: [DomainError.Invalid] = [
        .wrongLogin, .period, .truncationNeedsReason, .noCell(row: 1, column: 2),
        .notACount(column: Bilingual("Andel", "Share"), row: Bilingual("I alt", "Total")), .saltFailed("no entropy"), .hashFailed,
        .passwordTooShort(minimum: 4), .badID(.user, "X"), .firstUserMustBeAdmin, .cannotDeactivateSelf, .badBenefitCode,
        .benefitEndsBeforeStart, .meetingMinutes(5...480), .noParticipants, .outcomeIsPlanned,
        .meetingNotBegun(meeting: "m2", status: .held), .futureMeetingCompletesNothing, .meetingNotPlanned(meeting: "m2", status: .cancelled),
        .nothingToAdd(meeting: "m2"), .notAParticipant(user: "ole", meeting: "m2"), .agendaNeedsPlan, .notOnAgenda(item: "f9", citizen: "c1"), .noCitizensToMove, .citizenNamedTwice,
        .alreadyResponsible(user: "mette", citizen: "c1"), .targetValue, .targetNeedsDeadline, .deadlineNotAfterToday, .targetEnded("t1"),
        .badCPR(text: "12", .format), .bornInFuture(text: "010150-4000"), .nothingToChange, .ownHouseholdMember, .consentSectors,
        .inFuture(.effortEnd(day)), .consentWithdrawn("s1"), .notACaseworker(user: "karen", role: .supervisor), .unknownBenefit("x"),
        .benefitNotInForce(name: "uddannelseshjælp", on: day), .noPlan(citizen: "c1"), .emptyText(.title),
        .textTooLong(.templateEffort(.provider, effort: 2, template: "ung"), maxCharacters: 2000), .planNeedsConsent, .unchanged(.goal, "g1"),
        .endsBeforeStart(end: day, start: day + 3), .effortClosed(effort: "e1", status: .ended),
        .effortNotChangeable(effort: "e1", status: .cancelled), .appealBeforeDecision, .followUpDone("f1"), .scoreRange,
        .referralToOwnSector, .referralTransition(referral: "r1", from: .accepted, to: .revoked), .referralAnswer, .templateStart,
        .templateEmpty("ung"), .templateGoalTwice(template: "ung", key: "job"), .templateUnknownGoal(template: "ung", effort: 1, goal: "x"),
        .templateEffortDays(template: "ung", effort: 1, max: 730), .templateFollowUpDays(template: "ung", max: 730),
        .templateFile(index: 2, detail: "missing field name"), .demoStoreNotEmpty(path: "/tmp/x"), .followUpInPast(due: day + -1),
        .completedBeforePlanned(done: day + -2, planned: day), .meetingInPast(start: LocalTime(day: day + -1, minuteOfDay: 600)),
        .unchanged(.meeting, "m2"), .badPhone("12ab"), .badEmail("mette@"),
        .ownScoreRange, .youthAgeLimit(15...30), .targetGroupNeedsBenefit, .inFuture(.day(day + 1)), .textTooLong(.ownWords, maxCharacters: 2000),
        .emptyText(.source), .weekdays, .reviewSampleSize(1...1000), .quarterEnded("2026Q3"), .noPlansToDraw,
        .notDrawn(citizen: "c1", draw: "2026Q4"), .reviewDate(drawn: day), .tookPartNotInvited, .attendanceCount(0...100_000),
        .attendanceWeekNotBegun, .emptyText(.activity), .emptyText(.action), .emptyText(.authorityReviewer), .emptyText(.findings),
        .controlCharacter(.name), .controlCharacter(.note), .controlCharacter(.guestName), .controlCharacter(.templateGoalKey(goal: 2)),
        .textTooLong(.room, maxCharacters: 200), .textTooLong(.email, maxCharacters: 254), .textTooLong(.organisation, maxCharacters: 200),
        .emptyText(.place), .emptyText(.description), .emptyText(.phone),
        .dayOutOfRange(.date, Day(year: 1, month: 1, day: 1)!, earliest: Day(year: 1970, month: 1, day: 1)!, latest: day),
        .dayOutOfRange(.start, Day(year: 9999, month: 12, day: 31)!, earliest: day.adding(years: -10), latest: day.adding(years: 5)),
        .dayOutOfRange(.end, day, earliest: day, latest: day), .dayOutOfRange(.due, day, earliest: day, latest: day),
        .dayOutOfRange(.done, day, earliest: day, latest: day), .dayOutOfRange(.deadline, day, earliest: day, latest: day),
        .timeDoesNotExist(LocalTime(iso: "2027-03-28T02:30")!), .templateTooLarge(template: "ung", maxItems: 100, maxCharacters: 50_000),
        .notLocked(user: "mette"), .alreadyActive(user: "per", active: false), .weakPassword(.dictionaryWord),
        .caseClosed(citizen: "c1", on: day), .caseAlreadyClosed(citizen: "c1", on: day), .caseNotClosed(citizen: "c1"),
        .closedBeforeBirth(date: day, born: day + 1), .sameRegistration(citizen: "c1"), .alreadyLinked(citizen: "c1", other: "c2"),
        .alreadyDismissed(citizen: "c1", other: "c2"), .cprUnchanged(masked: "010190-XXXX"),
        .nothingDue, .formatOneLog, .decisionAnnulled(decision: "d1", on: day),
        .unitCycle(unit: "ung", parent: "ung2"), .leaderNotSupervisor(user: "mette"),
    ]
    static let missing: [DomainError.Missing] = [
        .citizen("c28"), .citizenWithCPR, .user("nobody"), .activeUser("nobody"), .activeCaseworker("karen"), .lookup("12"),
        .meeting("m83"), .target("t9"), .consent("s9", citizen: "c1"), .inPlan(.followUp, "f9", citizen: "c1"), .template("ung"),
        .youthTargetGroup, .offer("o9"), .reviewSample("2026Q4"), .citizenWithPlan("c1"), .changeableCitizen("c28"), .outboxItem("7KQ2-XM4P"),
        .unit("familie9"),
    ]
    static let forbidden: [DomainError.Forbidden] = [
        .adminOnly(.sshKeys), .adminOnly(.otherContacts), .supervisorsOnly(.moveCitizens), .supervisorsOnly(.setTargetGroup), .supervisorsOnly(.teamFigures),
        .supervisorsOnly(.addOffers), .supervisorsOnly(.review), .adminsManageUsers(meetings: true), .deactivated(user: "per"),
        .doesNotWorkOn(user: "per", citizen: "c28"), .ownFiguresOnly(user: "mette", other: "per"), .participantsOnly(.change, meeting: "m2"),
        .notShared(.effort, "e2", owner: .misuse, actor: .social), .referralSector(referral: "r1", sector: .misuse, revokes: false),
        .serverOnly(command: "backup"), .serverFile(command: "import", arguments: "x.json"), .kioskKey, .notActiveUser("per"),
        .sshKeyIsFor(user: "mette", other: "per"), .headlessKeyNeeded, .supervisorsOnly(.duplicates),
        .responsibleOrSupervisor(user: "per", citizen: "c1"),
        .outsideMandate(area: .sel, units: ["Tværgående myndighed"], people: ["karen"]), .otherUnit(user: "karen", unit: "ung"),
        .leadsNoUnit(user: "karen"),
    ]
    static let conflict: [DomainError.Conflict] = [
        .spotChecked(lookup: "12"), .userExists("mette"), .targetExists("t1"), .cprRegistered(masked: "010190-XXXX", citizen: "c1"),
        .planExists(citizen: "c1"), .booked(clash), .sampleDrawn(quarter: "2026Q4"), .planReviewed(citizen: "c1", draw: "2026Q4"),
        .unitExists("ung"),
    ]
    static let others: [DomainError] = [
        .stale(stream: "c1", expected: 1, actual: 2), .needsReason(citizen: "c1"),
        .sharingNotCovered(citizen: "c1", from: .employment, to: [.misuse], items: ["x"]), .readOnly("events.jsonl line 3: bad hash"),
    ]

    static var all: [DomainError] {
        invalid.map(DomainError.invalid) + missing.map(DomainError.notFound) + forbidden.map(DomainError.forbidden)
            + conflict.map(DomainError.conflict) + others
    }

    /// Every case a number: no `default:`, so a new case is a compile error here.
    static func number(_ e: DomainError) -> String {
        switch e {
        case .invalid(let r):
            switch r {
            case .wrongLogin: return "i1"
            case .period: return "i2"
            case .truncationNeedsReason: return "i3"
            case .noCell: return "i4"
            case .notACount: return "i5"
            case .saltFailed: return "i6"
            case .hashFailed: return "i7"
            case .passwordTooShort: return "i8"
            case .badID: return "i9"
            case .firstUserMustBeAdmin: return "i10"
            case .cannotDeactivateSelf: return "i11"
            case .badBenefitCode: return "i12"
            case .benefitEndsBeforeStart: return "i13"
            case .meetingMinutes: return "i14"
            case .noParticipants: return "i15"
            case .outcomeIsPlanned: return "i16"
            case .meetingNotBegun: return "i17"
            case .futureMeetingCompletesNothing: return "i18"
            case .meetingNotPlanned: return "i19"
            case .nothingToAdd: return "i20"
            case .agendaNeedsPlan: return "i21"
            case .notOnAgenda: return "i22"
            case .noCitizensToMove: return "i23"
            case .citizenNamedTwice: return "i24"
            case .alreadyResponsible: return "i25"
            case .targetValue: return "i26"
            case .targetNeedsDeadline: return "i27"
            case .deadlineNotAfterToday: return "i28"
            case .targetEnded: return "i29"
            case .badCPR: return "i30"
            case .bornInFuture: return "i31"
            case .nothingToChange: return "i32"
            case .ownHouseholdMember: return "i33"
            case .consentSectors: return "i34"
            case .inFuture: return "i35"
            case .consentWithdrawn: return "i36"
            case .notACaseworker: return "i37"
            case .unknownBenefit: return "i38"
            case .benefitNotInForce: return "i39"
            case .noPlan: return "i40"
            case .emptyText: return "i41"
            case .textTooLong: return "i42"
            case .planNeedsConsent: return "i43"
            case .unchanged: return "i44"
            case .endsBeforeStart: return "i45"
            case .effortClosed: return "i46"
            case .effortNotChangeable: return "i47"
            case .appealBeforeDecision: return "i48"
            case .followUpDone: return "i49"
            case .scoreRange: return "i50"
            case .referralToOwnSector: return "i51"
            case .referralTransition: return "i52"
            case .referralAnswer: return "i53"
            case .templateStart: return "i54"
            case .templateEmpty: return "i55"
            case .templateGoalTwice: return "i56"
            case .templateUnknownGoal: return "i57"
            case .templateEffortDays: return "i58"
            case .templateFollowUpDays: return "i59"
            case .templateFile: return "i60"
            case .demoStoreNotEmpty: return "i61"
            case .followUpInPast: return "i62"
            case .completedBeforePlanned: return "i63"
            case .meetingInPast: return "i64"
            case .badPhone: return "i65"
            case .badEmail: return "i66"
            case .ownScoreRange: return "i67"
            case .youthAgeLimit: return "i68"
            case .targetGroupNeedsBenefit: return "i69"
            case .weekdays: return "i70"
            case .reviewSampleSize: return "i71"
            case .quarterEnded: return "i72"
            case .noPlansToDraw: return "i73"
            case .notDrawn: return "i74"
            case .reviewDate: return "i75"
            case .tookPartNotInvited: return "i76"
            case .attendanceCount: return "i77"
            case .attendanceWeekNotBegun: return "i78"
            case .controlCharacter: return "i79"
            case .dayOutOfRange: return "i80"
            case .timeDoesNotExist: return "i81"
            case .templateTooLarge: return "i82"
            case .notLocked: return "i83"
            case .weakPassword: return "i85"
            case .notAParticipant: return "i86"
            case .alreadyActive: return "i84"
            case .caseClosed: return "i87"
            case .caseAlreadyClosed: return "i88"
            case .caseNotClosed: return "i89"
            case .closedBeforeBirth: return "i90"
            case .sameRegistration: return "i91"
            case .alreadyLinked: return "i92"
            case .alreadyDismissed: return "i93"
            case .cprUnchanged: return "i94"
            case .nothingDue: return "i95"
            case .formatOneLog: return "i96"
            case .decisionAnnulled: return "i97"
            case .unitCycle: return "i98"
            case .leaderNotSupervisor: return "i99"
            }
        case .notFound(let r):
            switch r {
            case .citizen: return "n1"
            case .citizenWithCPR: return "n2"
            case .user: return "n3"
            case .activeUser: return "n4"
            case .activeCaseworker: return "n5"
            case .lookup: return "n6"
            case .meeting: return "n7"
            case .target: return "n8"
            case .consent: return "n9"
            case .inPlan: return "n10"
            case .template: return "n11"
            case .youthTargetGroup: return "n12"
            case .offer: return "n13"
            case .reviewSample: return "n14"
            case .citizenWithPlan: return "n15"
            case .changeableCitizen: return "n16"
            case .outboxItem: return "n17"
            case .unit: return "n18"
            }
        case .forbidden(let r):
            switch r {
            case .adminOnly: return "f1"
            case .supervisorsOnly: return "f2"
            case .adminsManageUsers: return "f3"
            case .deactivated: return "f4"
            case .doesNotWorkOn: return "f5"
            case .ownFiguresOnly: return "f6"
            case .participantsOnly: return "f7"
            case .notShared: return "f8"
            case .referralSector: return "f9"
            case .serverOnly: return "f10"
            case .serverFile: return "f11"
            case .kioskKey: return "f12"
            case .notActiveUser: return "f13"
            case .sshKeyIsFor: return "f14"
            case .headlessKeyNeeded: return "f15"
            case .responsibleOrSupervisor: return "f16"
            case .outsideMandate: return "f17"
            case .otherUnit: return "f18"
            case .leadsNoUnit: return "f19"
            }
        case .conflict(let r):
            switch r {
            case .spotChecked: return "c1"
            case .userExists: return "c2"
            case .targetExists: return "c3"
            case .cprRegistered: return "c4"
            case .planExists: return "c5"
            case .booked: return "c6"
            case .sampleDrawn: return "c7"
            case .planReviewed: return "c8"
            case .unitExists: return "c9"
            }
        case .stale: return "o1"
        case .needsReason: return "o2"
        case .sharingNotCovered: return "o3"
        case .readOnly: return "o4"
        }
    }

    /// How many cases each group has: raised with each new case (with its sample).
    static let counts = ["i": 99, "n": 18, "f": 19, "c": 9, "o": 4]

    func testThereIsASampleOfEveryRefusal() {
        let numbers = Set(Self.all.map(Self.number))
        for (group, count) in Self.counts {
            for n in 1...count where !numbers.contains("\(group)\(n)") {
                XCTFail("no sample of refusal \(group)\(n) in RefusalWordsTests: add one to its list")
            }
        }
        XCTAssertEqual(numbers.count, Self.counts.values.reduce(0, +), "a number is used twice, or a count is behind")
    }

    func testEveryRefusalIsDanishOnADanishScreen() {
        let da = Strings(.da), en = Strings(.en)
        let names = Names(users: ["mette": "Mette Kjær", "per": "Per Holm", "karen": "Karen Lund"])
        for e in Self.all {
            let words = da.refusal(e, names: names)
            for w in DanishWordsTests.english + ["the", " is ", " no ", " not ", "already", "booked in", "cannot", "must", "only"]
            where words.contains(w) {
                XCTFail("\(Self.number(e)): English “\(w)” in “\(words)”")
            }
            XCTAssertFalse(words.contains("2026-"), "\(Self.number(e)): an ISO date in “\(words)”")
            XCTAssertNotEqual(words, en.refusal(e, names: names), "\(Self.number(e)): the same words in both languages")
            XCTAssertFalse(e.description.isEmpty)
        }
    }

    func testTheStoresReportsAreDanishToo() {
        for e in [StoreError.io("EIO"), .damaged(file: "events.jsonl", line: 7, reason: "bad hash"),
                  .syncFailed(file: "events.jsonl", reason: "EIO"), .diskFull(file: "events.jsonl", reason: "ENOSPC")] {
            let words = Strings(.da).refusal(e)
            for w in DanishWordsTests.english where words.contains(w) { XCTFail("English “\(w)” in “\(words)”") }
            XCTAssertNotEqual(words, e.description)
        }
    }

    func testABookingNamesThePersonTheMeetingAndTheTimeTheDanishWay() {
        let e = DomainError.conflict(.booked(Self.clash))
        let names = Names(users: ["mette": "Mette Kjær"])
        XCTAssertEqual(Strings(.da).refusal(e, names: names), "Mette Kjær er booket i mødet ‘Netværksmøde’ 23-11-2026 kl. 10:00-11:00")
        XCTAssertEqual(Strings(.en).refusal(e, names: names), "Mette Kjær is booked in the meeting ‘network meeting’ 2026-11-23 at 10:00-11:00")
        XCTAssertEqual(e.description, "mette is booked in meeting m83 from 2026-11-23 10:00 to 11:00", "the headless words keep their meaning")
    }
}
