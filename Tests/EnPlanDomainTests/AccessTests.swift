import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

final class AccessTests: XCTestCase {
    func testCaseworkersSeeWhomTheyWorkOnAndSupervisorsSeeAll() throws {
        let f = try Fixture()
        let mine = try f.citizen("0101901234", name: "Mettes borger")
        let jonas = try f.citizen("0201901234", name: "Jonas' borger", by: "jonas")
        XCTAssertEqual(try f.service.citizens(as: "per").map(\.id), [])
        XCTAssertEqual(Set(try f.service.citizens(as: "karen").map(\.id)), [mine, jonas])
        XCTAssertEqual(Set(try f.service.citizens(as: "admin").map(\.id)), [mine, jonas])
        XCTAssertEqual(try f.service.citizens(as: "jonas").map(\.id), [jonas])

        // A meeting brings its participants in; a referral brings the receiving sector in.
        try f.service.execute(.scheduleMeeting(type: .network, citizen: mine, start: LocalTime(iso: "2026-11-25T09:00")!, minutes: 60, room: nil,
                                               participants: ["mette", "per"], guests: [], allowConflict: false), as: "mette")
        XCTAssertEqual(try f.service.citizens(as: "per").map(\.id), [mine])
    }

    func testListsMaskTheCPRForEveryRoleAndDetailShowsItOnlyToThoseWhoWorkOnTheCitizen() throws {
        let f = try Fixture()
        let id = try f.citizen("0101901234")
        for viewer in ["mette", "karen", "admin"] {
            XCTAssertEqual(try f.service.citizens(as: viewer).first?.maskedCPR, "010190-XXXX")
        }
        XCTAssertEqual(try f.service.citizen(id, as: "mette").cpr, "010190-1234")
        XCTAssertEqual(try f.service.citizen(id, as: "karen").cpr, "010190-XXXX")
    }

    func testTheLogMasksTheCPRForThoseWhoMayNotSeeIt() throws {
        let f = try Fixture()
        let id = try f.citizen("0101901234")
        let cprIn = { (viewer: String) in try f.service.history(id, as: viewer).first { $0.type == "CitizenRegistered" }!.data.string("cpr") }
        XCTAssertEqual(try cprIn("mette"), "0101901234")
        XCTAssertEqual(try cprIn("karen"), "010190-XXXX")
    }

    func testACancelledMeetingGivesNoAccess() throws {
        let f = try Fixture()
        let id = try f.citizen()
        try f.service.execute(.scheduleMeeting(type: .network, citizen: id, start: LocalTime(iso: "2026-11-25T09:00")!, minutes: 60, room: nil,
                                               participants: ["mette", "per"], guests: [], allowConflict: false), as: "mette")
        XCTAssertEqual(try f.service.citizens(as: "per").map(\.id), [id])
        try f.service.execute(.setMeetingStatus(meeting: "m1", status: .cancelled, outcome: nil), as: "mette")
        XCTAssertEqual(try f.service.citizens(as: "per").map(\.id), [])
    }

    func testLookingAtSomeoneElsesCitizenNeedsAReasonThatIsLogged() throws {
        let f = try Fixture()
        let id = try f.citizen()
        XCTAssertThrowsDomainError(try f.service.citizen(id, as: "per")) { $0 == .needsReason(citizen: id) }
        XCTAssertThrowsDomainError(try f.service.citizen(id, as: "per", reason: "   ")) { $0 == .needsReason(citizen: id) }
        let d = try f.service.citizen(id, as: "per", reason: "Borgeren ringede til misbrugscentret")
        XCTAssertTrue(d.brokeTheGlass)
        XCTAssertEqual(d.cpr, "111299-XXXX")
        let entry = try f.service.auditTrail(as: "karen", citizen: id).last!
        XCTAssertEqual(entry.actor, "per")
        XCTAssertEqual(try entry.data.string("reason"), "Borgeren ringede til misbrugscentret")
        XCTAssertEqual(try entry.data.string("terminal"), "test-tty")
        // Changing it still needs to work on it, and the refusal reads as for no such citizen.
        XCTAssertThrowsDomainError(try f.service.execute(.logContact(citizen: id, channel: .phone, note: nil, at: nil), as: "per")) {
            $0 == .notFound(.changeableCitizen(id))
        }
    }

    func testConsentDecidesWhatCrossesSectors() throws {
        let f = try Fixture()
        let id = try f.citizenWithPlan()   // consent: employment + social
        let today = f.today
        try f.service.execute(.addEffort(citizen: id, goal: nil, title: "Alkoholbehandling", sector: .misuse, legalBasis: "SUL § 141",
                                         provider: "Misbrugscentret", start: today, end: nil), as: "mette")
        try f.service.execute(.addEffort(citizen: id, goal: nil, title: "Bostøtte", sector: .social, legalBasis: "SEL § 85",
                                         provider: "Bostøtten", start: today, end: nil), as: "mette")
        // jonas (social) is covered for social content, not for misuse.
        let seenBySocial = try f.service.citizen(id, as: "jonas")
        XCTAssertEqual(seenBySocial.hidden, ["e1"])
        XCTAssertEqual(seenBySocial.citizen.plan!.efforts[0].title, "")
        XCTAssertEqual(seenBySocial.citizen.plan!.efforts[0].sector, .misuse, "the effort's existence and sector stay visible")
        XCTAssertEqual(seenBySocial.citizen.plan!.efforts[1].title, "Bostøtte")
        // per (misuse) sees the misuse effort, not the social one.
        XCTAssertEqual(try f.service.citizen(id, as: "per").hidden, ["e2"])
        // Withdrawn consent: social no longer sees employment's content either.
        try f.service.execute(.addEffort(citizen: id, goal: nil, title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                         provider: "Jobcentret", start: today, end: nil), as: "mette")
        XCTAssertFalse(try f.service.citizen(id, as: "jonas").hidden.contains("e3"))
        try f.service.execute(.withdrawConsent(citizen: id, consent: "s1"), as: "mette")
        XCTAssertTrue(try f.service.citizen(id, as: "jonas").hidden.contains("e3"))
        // And the log shows other sectors' events without their content.
        let history = try f.service.history(id, as: "jonas")
        let misuseEffort = history.first { $0.type == "EffortAdded" && (try? $0.data.string("sector")) == "misuse" }!
        XCTAssertNil(try misuseEffort.data.optionalString("title"))
        XCTAssertEqual(try misuseEffort.data.string("hidden"), "no consent covers misuse")
    }

    func testEveryReadAndSearchIsAudited() throws {
        let f = try Fixture()
        let id = try f.citizen()
        _ = try f.service.citizens(as: "mette")
        _ = try f.service.citizen(id, as: "mette")
        _ = try f.service.history(id, as: "mette")
        try f.service.recordSearch("søren", results: 1, as: "mette")
        let trail = try f.service.auditTrail(as: "admin")
        XCTAssertEqual(trail.map(\.type), ["CitizensListed", "CitizenViewed", "CitizenViewed", "CitizensSearched"])
        XCTAssertEqual(trail.map(\.actor), ["mette", "mette", "mette", "mette"])
        XCTAssertEqual(try trail[1].data.string("what"), "detail")
        XCTAssertEqual(try trail[2].data.string("what"), "log")
        XCTAssertEqual(try trail[3].data.string("query"), "søren")
        XCTAssertThrowsDomainError(try f.service.auditTrail(as: "mette")) { if case .forbidden = $0 { return true }; return false }
        XCTAssertTrue(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty })
    }

    func testPasswordsAreSaltedYescryptHashes() throws {
        let a = try Passwords.hash("hemmelig"), b = try Passwords.hash("hemmelig")
        XCTAssertTrue(a.hasPrefix("$y$"))
        XCTAssertNotEqual(a, b, "each hash has its own salt")
        XCTAssertTrue(Passwords.verify("hemmelig", against: a))
        XCTAssertFalse(Passwords.verify("Hemmelig", against: a))
        XCTAssertFalse(Passwords.verify("hemmelig", against: "not a hash"))
    }
}

final class LoginTests: XCTestCase {
    func testFiveFailuresLockTheUserForFiveMinutesEverywhere() throws {
        let clock = TestClock()
        let f = try Fixture(clock: clock)
        XCTAssertEqual(try f.service.login("mette", password: "demo").id, "mette")
        for _ in 0..<5 {
            XCTAssertThrowsDomainError(try f.service.login("mette", password: "forkert")) { $0.description == "wrong user id or password" }
        }
        // Locked, even with the right password, and at another terminal (another store on the same files).
        let other = CaseService(store: try Store(directory: f.dir, clock: clock), terminal: "tty2")
        // The same words as a wrong password: the lockout does not confirm that the user id exists.
        XCTAssertThrowsDomainError(try other.login("mette", password: "demo")) { $0 == .wrongLogin }
        clock.time = Timestamp(millis: Fixture.now.millis + 5 * 60_000 + 1)
        XCTAssertEqual(try other.login("mette", password: "demo").id, "mette")
        XCTAssertEqual(other.state.accounts["mette"]?.failedLogins, 0)
        XCTAssertThrowsDomainError(try f.service.login("nobody", password: "demo")) { $0.description == "wrong user id or password" }

        let trail = try f.service.auditTrail(as: "admin").map(\.type)
        XCTAssertEqual(trail.filter { $0 == "LoginFailed" }.count, 6)
        XCTAssertEqual(trail.filter { $0 == "LoginRefused" }.count, 1)
        XCTAssertEqual(trail.filter { $0 == "LoginSucceeded" }.count, 2)
        // An empty user id is no attempt: not logged.
        XCTAssertThrowsDomainError(try f.service.login("", password: "x")) { $0 == .wrongLogin }
        XCTAssertEqual(try f.service.auditTrail(as: "admin").filter { $0.type == "LoginFailed" }.count, 6)
    }
}

/// The password policy through libpwquality (and cracklib's dictionary): long, not a word.
final class PasswordPolicyTests: XCTestCase {
    func testLongPassphrasesPassAndWeakPasswordsSayWhy() throws {
        for good in ["tre grønne heste i Roskilde", "Kaffe-kl-7-hver-morgen!", "ny adgangskode til 2027", "hemmelig sætning nr. 4"] {
            XCTAssertNoThrow(try Passwords.check(good, user: "mette"), good)
        }
        let refused: [(String, DomainError)] = [
            ("demo", .invalid(.passwordTooShort(minimum: 12))),
            ("kort123", .invalid(.passwordTooShort(minimum: 12))),
            ("æøåæøåæøå", .invalid(.passwordTooShort(minimum: 12))),   // 18 bytes, 9 characters
            ("123456789012", .invalid(.weakPassword(.dictionaryWord))),      // cracklib: too systematic
            ("abcdefghijklmn", .invalid(.weakPassword(.dictionaryWord))),
            ("aaaaaaaaaaaaaaaa", .invalid(.weakPassword(.palindrome))),
            ("ny adgangskode til mette", .invalid(.weakPassword(.containsUserName))),
        ]
        for (password, error) in refused {
            XCTAssertThrowsError(try Passwords.check(password, user: "mette"), password) { XCTAssertEqual($0 as? DomainError, error, password) }
        }
    }
}
