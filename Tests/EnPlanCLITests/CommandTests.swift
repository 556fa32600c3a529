import Foundation
import XCTest
import TestSupport
import EnPlanDomain

/// The headless commands as scripts use them: exit codes, one-line errors, JSON, nothing written on bad input.
final class CommandTests: XCTestCase {
    func testDemoListsAndMasks() throws {
        let d = DataDirectory()
        let demo = try d.run("demo", "--citizens", "40", "--seed", "7")
        XCTAssertEqual(demo.status, 0, demo.stderr)
        XCTAssertEqual(try d.run("demo").status, 2, "a non-empty store is refused")

        let users = try JSONSerialization.jsonObject(with: Data(try d.run("users", "--as", "admin", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(users.count, 21, "the demo's 18 and the three leaders of its organisation")
        XCTAssertEqual(Set(users.compactMap { $0["role"] as? String }), ["caseworker", "supervisor", "admin"])

        let list = try d.run("citizens", "--as", "karen", "--json")
        XCTAssertEqual(list.status, 0, list.stderr)
        let citizens = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(citizens.count, 40)
        for c in citizens {
            for key in ["id", "name", "cpr", "age", "sectors", "responsible"] { XCTAssertNotNil(c[key], key) }
            XCTAssertTrue((c["cpr"] as! String).hasSuffix("-XXXX"))
        }
        let youth = citizens.filter { ($0["age"] as! Int) < 30 }.count
        XCTAssertTrue((10...28).contains(youth), "about 45 % under 30, got \(youth) of 40")
        XCTAssertTrue(citizens.contains { ($0["name"] as! String).contains(where: { "æøåÆØÅ".contains($0) }) })

        // The same seed gives the same citizens.
        let again = DataDirectory()
        XCTAssertEqual(try again.run("demo", "--citizens", "40", "--seed", "7").status, 0)
        let names = { (dir: DataDirectory) in try dir.run("citizens", "--as", "karen").stdout }
        XCTAssertEqual(try names(again), try names(d))
    }

    func testBadInputGetsOneLineAndWritesNothing() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "5").status, 0)
        let cases: [([String], Int32, String)] = [
            (["citizen", "add", "--as", "mette", "--cpr", "310299-1234", "--name", "X"], 2, "not a real date"),
            (["citizen", "add", "--as", "mette", "--cpr", "12", "--name", "X"], 2, "DDMMYY-SSSS"),
            (["citizen", "add", "--as", "nobody", "--cpr", "010190-1234", "--name", "X"], 2, "no user nobody"),
            (["contact", "--as", "mette", "--citizen", "c1", "--channel", "fax"], 2, "--channel must be one of"),
            (["contact", "--as", "mette", "--citizen", "c999", "--channel", "phone"], 2, "no citizen c999"),
            (["contact", "--as", "mette", "--citizen", "c1", "--channel", "phone", "--colour", "red"], 2, "unknown option --colour"),
            (["contact", "--as", "mette", "--citizen", "c1", "--channel", "phone", "--expect-version", "0"], 1, "changed by someone else"),
            (["audit", "--as", "mette"], 1, "only supervisors and administrators"),
            (["frobnicate"], 2, "unknown command"),
        ]
        try d.assertFails(cases)
        // An unreadable ENPLAN_CLOCK is refused before anything runs, in one line.
        let clock = try Binary.run(["--data-dir", d.path, "citizens", "--as", "mette"], env: ["ENPLAN_CLOCK": "next tuesday"])
        XCTAssertEqual(clock.status, 2, clock.stderr)
        XCTAssertEqual(clock.stderr, "enplan: ENPLAN_CLOCK=\"next tuesday\" is not a time (YYYY-MM-DDTHH:MM or YYYY-MM-DD, Copenhagen time)\n")
        XCTAssertEqual(clock.stdout, "")
    }

    /// Withdrawing consent, a new responsible and a referral's answer take a reason; the journey
    /// shows it; a follow-up in the past is refused as bad input and writes nothing.
    func testChangesWithAReasonAndTheirJourney() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "5").status, 0)
        let who = try JSONSerialization.jsonObject(with: Data(try d.run("citizen", "show", "--as", "karen", "--citizen", "c1", "--json").stdout.utf8)) as! [String: Any]
        let responsible = who["responsible"] as! String
        let other = responsible == "mette" ? "jonas" : "mette"
        let moved = try d.run("citizen", "responsible", "--as", responsible, "--citizen", "c1", "--user", other, "--reason", "Flytter til Roskilde")
        XCTAssertEqual(moved.status, 0, moved.stderr)
        let consent = ((who["consents"] as? [[String: Any]]) ?? []).first?["id"] as? String ?? "s1"
        let withdrawn = try d.run("consent", "withdraw", "--as", other, "--citizen", "c1", "--consent", consent, "--reason", "Borgeren ønsker det")
        XCTAssertEqual(withdrawn.status, 0, withdrawn.stderr)
        let journey = try d.run("journey", "--as", other, "--citizen", "c1")
        XCTAssertTrue(journey.stdout.contains("begrundelse: “Flytter til Roskilde”"), journey.stdout)
        // The consent in words (its sectors and day), never its id.
        XCTAssertTrue(journey.stdout.contains("Samtykke tilbagekaldt: beskæftigelse + "), journey.stdout)
        XCTAssertTrue(journey.stdout.contains(") · begrundelse: “Borgeren ønsker det”"), journey.stdout)
        XCTAssertFalse(journey.stdout.contains("tilbagekaldt: \(consent)"), journey.stdout)

        let before = try String(contentsOfFile: d.events, encoding: .utf8)
        let past = try d.run("followup", "add", "--as", other, "--citizen", "c1", "--due", "2020-01-01")
        XCTAssertEqual(past.status, 2, past.stderr)
        XCTAssertEqual(past.stderr, "enplan: a follow-up cannot be planned in the past (2020-01-01)\n")
        XCTAssertEqual(try String(contentsOfFile: d.events, encoding: .utf8), before)
    }

    /// A meeting moves and is edited headless, with the booking's conflict check (exit 1).
    func testMeetingMoveAndEdit() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "5").status, 0)
        // Two working days some weeks ahead of the binary's day (a Monday and the Tuesday after).
        var monday = d.today + 21
        while monday.weekday != 1 { monday = monday + 1 }
        let day1 = monday.iso, day2 = (monday + 1).iso
        let a = try d.run("meeting", "add", "--as", "mette", "--type", "network", "--start", "\(day1)T10:00", "--minutes", "60", "--participants", "mette,jonas")
        let b = try d.run("meeting", "add", "--as", "mette", "--type", "followup", "--start", "\(day2)T10:00", "--minutes", "30", "--participants", "mette")
        XCTAssertEqual(a.status, 0, a.stderr); XCTAssertEqual(b.status, 0, b.stderr)
        let m1 = a.stdout.trimmingCharacters(in: .whitespacesAndNewlines), m2 = b.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let clash = try d.run("meeting", "move", "--as", "mette", "--meeting", m2, "--start", "\(day1)T10:30")
        XCTAssertEqual(clash.status, 1)
        XCTAssertEqual(clash.stderr, "enplan: mette is booked in meeting \(m1) from \(day1) 10:00 to 11:00\n")
        XCTAssertEqual(try d.run("meeting", "move", "--as", "mette", "--meeting", m2, "--start", "\(day1)T13:00", "--minutes", "45").status, 0)
        XCTAssertEqual(try d.run("meeting", "edit", "--as", "mette", "--meeting", m2, "--type", "roundtable", "--room", "Lille sal").status, 0)
        let list = try d.run("meetings", "--as", "mette", "--from", day1, "--to", day2, "--json")
        let found = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]
        let moved = found.first { $0["id"] as? String == m2 }
        XCTAssertEqual(moved?["start"] as? String, "\(day1)T13:00")
        XCTAssertEqual(moved?["minutes"] as? Int, 45)
        XCTAssertEqual(moved?["type"] as? String, "roundtable")
        XCTAssertEqual(moved?["room"] as? String, "Lille sal")
        XCTAssertEqual(try d.run("meeting", "move", "--as", "mette", "--meeting", "m999", "--start", "\(day1)T13:00").status, 2)
    }

    func testContactPrintsItsSeqAndLogShowsIt() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "5").status, 0)
        let responsible = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "karen", "--json").stdout.utf8)) as! [[String: Any]]
        let c = responsible.first!
        let who = c["responsible"] as! String, id = c["id"] as! String
        let r = try d.run("contact", "--as", who, "--citizen", id, "--channel", "phone", "--note", "Ringede om praktik på Ærø")
        XCTAssertEqual(r.status, 0, r.stderr)
        let seq = Int(r.stdout.trimmingCharacters(in: .newlines))!
        let last = try d.eventObjects().last!
        XCTAssertEqual(last["seq"] as? Int, seq)
        XCTAssertEqual(last["type"] as? String, "ContactLogged")
        let log = try JSONSerialization.jsonObject(with: Data(try d.run("log", "--as", who, "--citizen", id, "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(log.last?["seq"] as? Int, seq)
        XCTAssertEqual((log.last?["data"] as? [String: Any])?["note"] as? String, "Ringede om praktik på Ærø")
        let audit = try d.run("audit", "--as", "karen", "--citizen", id)
        XCTAssertTrue(audit.stdout.contains("CitizenViewed"), audit.stdout)
    }

    func testFirstAdministratorAndPasswordFromStdin() throws {
        let d = DataDirectory()
        let first = try d.run(["user", "add", "--as", "boss", "--id", "boss", "--name", "Bodil Øst", "--sector", "social", "--role", "admin"], stdin: "hemmelig sætning nr. 4\n")
        XCTAssertEqual(first.status, 0, first.stderr)
        for (weak, says) in [("abcdefghijk", "at least 12"), ("abcdefghijklmn", "dictionary word"), ("bo bo bo bo bo bo", "too easy to guess")] {
            let r = try d.run(["user", "add", "--as", "boss", "--id", "bo", "--name", "Bo", "--sector", "social", "--role", "caseworker"], stdin: weak + "\n")
            XCTAssertEqual(r.status, 2, weak)
            XCTAssertTrue(r.stderr.hasPrefix("enplan: the password") || r.stderr.hasPrefix("enplan: a password"), "\(weak): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(says), "\(weak): \(r.stderr)")
        }
        let ok = try d.run(["user", "add", "--as", "boss", "--id", "bo", "--name", "Bo", "--sector", "social", "--role", "caseworker"], stdin: "tre grønne heste i Roskilde\n")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let hash = try d.eventObjects().compactMap { ($0["data"] as? [String: Any])?["passwordHash"] as? String }
        XCTAssertEqual(hash.count, 2)
        XCTAssertTrue(hash.allSatisfy { $0.hasPrefix("$y$") && !$0.contains("heste") })
    }
}

final class MoreCommandTests: XCTestCase {
    func testPasswordsBenefitsSnapshotAndMeetingsHeadless() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "10", "--seed", "2").status, 0)

        // A caseworker changes her own password, with her current one first (whatever opened the
        // door, an SSH key alone changes nothing); another's needs an administrator, who gives their own.
        let wrong = try d.run(["user", "passwd", "--as", "mette"], stdin: "gæt\nny sommer i Roskilde\n")
        XCTAssertEqual(wrong.status, 2, wrong.stderr)
        XCTAssertEqual(try d.run(["user", "passwd", "--as", "mette"], stdin: "demo\nny sommer i Roskilde\n").status, 0)
        XCTAssertEqual(try d.run(["user", "passwd", "--as", "mette"], stdin: "demo\nigen en ny sommer\n").status, 2, "the old password no longer opens")
        let other = try d.run(["user", "passwd", "--as", "mette", "--user", "jonas"], stdin: "ny sommer i Roskilde\nhemmelig sætning nr. 4\n")
        XCTAssertEqual(other.status, 1)
        XCTAssertTrue(other.stderr.contains("only an administrator"))
        let reset = try d.run(["user", "passwd", "--as", "admin", "--user", "jonas"], stdin: "demo\nhemmelig sætning nr. 4\n")
        XCTAssertEqual(reset.status, 0, reset.stderr)
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains(#""actor":"mette","type":"LoginFailed""#), "a wrong current password is logged as a failed login")

        let benefits = try JSONSerialization.jsonObject(with: Data(try d.run("benefits", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(benefits.first { $0["code"] as? String == "uddannelseshjaelp" }?["validTo"] as? String, "2025-06-30")

        XCTAssertTrue(try d.run("snapshot").stdout.hasPrefix("Snapshot written at seq"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: d.path + "/snapshot.json"))

        // First free slot, a meeting there, its outcome.
        let free = try d.run("meeting", "free", "--as", "mette", "--participants", "mette,jonas", "--minutes", "45", "--after", "+7d")
        XCTAssertEqual(free.status, 0, free.stderr)
        let slot = free.stdout.trimmingCharacters(in: .newlines)
        XCTAssertNotNil(slot.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d$"#, options: .regularExpression), slot)
        let added = try d.run("meeting", "add", "--as", "mette", "--type", "other", "--start", slot, "--minutes", "45",
                              "--participants", "mette,jonas", "--partner", "Ole Mørk, Misbrugscentret")
        XCTAssertEqual(added.status, 0, added.stderr)
        let id = added.stdout.trimmingCharacters(in: .newlines)
        let clash = try d.run("meeting", "add", "--as", "jonas", "--type", "other", "--start", slot, "--minutes", "30", "--participants", "jonas")
        XCTAssertEqual(clash.status, 1)
        XCTAssertTrue(clash.stderr.contains("jonas is booked in meeting \(id)"), clash.stderr)
        let outcome = try d.run("meeting", "outcome", "--as", "mette", "--meeting", id, "--status", "cancelled", "--note", "Flyttet")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let mine = try JSONSerialization.jsonObject(with: Data(try d.run("meetings", "--as", "mette", "--from", "+7d", "--to", "+60d", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(mine.first { $0["id"] as? String == id }?["status"] as? String, "cancelled")
        XCTAssertEqual(try d.run("verify").status, 0)
    }
}

/// Issue 24: lockouts an administrator sees and lifts, and staff who leave.
final class StaffCommandTests: XCTestCase {
    func testALockoutIsShownAndLiftedByAnAdministrator() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "6", "--seed", "2").status, 0)
        // Five wrong current passwords (each checked as a login) lock mette out.
        for _ in 0..<5 { XCTAssertEqual(try d.run(["user", "passwd", "--as", "mette"], stdin: "gæt\nny sommer i Roskilde\n").status, 2) }
        let right = try d.run(["user", "passwd", "--as", "mette"], stdin: "demo\nny sommer i Roskilde\n")
        XCTAssertEqual(right.status, 2, "locked: even the right password is refused, in the same words")
        let users = try JSONSerialization.jsonObject(with: Data(try d.run("users", "--as", "admin", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertNotNil(users.first { $0["id"] as? String == "mette" }?["lockedUntil"] as? String, "users shows the lock")
        XCTAssertTrue(try d.run("users", "--as", "admin").stdout.contains("until "), "and the table says until when")
        XCTAssertEqual(try d.run("user", "unlock", "--as", "mette", "--user", "mette").status, 1, "administrators only")
        let unlock = try d.run("user", "unlock", "--as", "admin", "--user", "mette")
        XCTAssertEqual(unlock.status, 0, unlock.stderr)
        XCTAssertEqual(try d.run(["user", "passwd", "--as", "mette"], stdin: "demo\nny sommer i Roskilde\n").status, 0)
        let again = try d.run("user", "unlock", "--as", "admin", "--user", "mette")
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.stderr, "enplan: mette is not locked out\n")
        XCTAssertTrue(try d.eventObjects().contains { $0["type"] as? String == "UserUnlocked" && $0["actor"] as? String == "admin" })
    }

    /// `users` names who asks: the IT department (administrators) and the team leaders see every
    /// account, a caseworker the active colleagues as the directory shows them; nobody lists the
    /// staff without saying who they are.
    func testUsersShowsWhatTheActingUserMaySee() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "6", "--seed", "2").status, 0)
        XCTAssertEqual(try d.run("user", "contact", "--as", "mette", "--phone", "+45 46 31 30 00", "--email", "mette@kommune.dk").status, 0)
        let off = try d.run("user", "deactivate", "--as", "admin", "--user", "mette", "--hand-to", "jonas", "--authorized-keys", d.path + "/authorized_keys")
        XCTAssertEqual(off.status, 0, off.stderr)
        func users(_ who: String) throws -> [[String: Any]] {
            let r = try d.run("users", "--as", who, "--json")
            XCTAssertEqual(r.status, 0, r.stderr)
            return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        }
        let all = try users("admin"), leader = try users("karen"), colleague = try users("jonas")
        XCTAssertEqual(all.count, 21, "every account, the deactivated one too")
        XCTAssertEqual(all.first { $0["id"] as? String == "mette" }?["active"] as? Bool, false)
        XCTAssertEqual(all.first { $0["id"] as? String == "mette" }?["email"] as? String, "mette@kommune.dk")
        XCTAssertEqual(leader.compactMap { $0["id"] as? String }, all.compactMap { $0["id"] as? String }, "a team leader sees every account")
        XCTAssertEqual(colleague.count, 20, "a caseworker sees the active colleagues only")
        XCTAssertFalse(colleague.contains { $0["id"] as? String == "mette" }, "not who has left")
        XCTAssertTrue(colleague.allSatisfy { $0["active"] as? Bool == true && $0["lockedUntil"] == nil })
        XCTAssertTrue(colleague.contains { $0["id"] as? String == "karen" && $0["name"] as? String == "Karen Holm" })
        XCTAssertFalse(try d.run("users", "--as", "jonas").stdout.contains("mette"))
        let anonymous = try d.run("users")
        XCTAssertEqual(anonymous.status, 2)
        XCTAssertTrue(anonymous.stderr.contains("missing --as USER"), anonymous.stderr)
        let left = try d.run("users", "--as", "mette")
        XCTAssertEqual(left.status, 1, "someone who has left lists no one: \(left.stderr)")
    }

    func testDeactivatingSaysWhatIsLeftHandsItOnAndTakesTheKeys() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "20", "--seed", "2").status, 0)
        let file = d.path + "/authorized_keys", pub = d.path + "/mette.pub"
        try SSHSessionTests.publicKey("mette@pc").write(toFile: pub, atomically: true, encoding: .utf8)
        XCTAssertEqual(try d.run("key", "add", "--as", "admin", "--user", "mette", "--authorized-keys", file, pub).status, 0)
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        let hers = rows.filter { $0["mine"] as? Bool == true }.count
        XCTAssertGreaterThan(hers, 0)

        let off = try d.run("user", "deactivate", "--as", "admin", "--user", "mette", "--hand-to", "jonas", "--authorized-keys", file)
        XCTAssertEqual(off.status, 0, off.stderr)
        XCTAssertTrue(off.stdout.hasPrefix("mette is deactivated. ") && off.stdout.contains(" handed to jonas."), off.stdout)
        XCTAssertTrue(off.stdout.contains("coming meeting"), "the meetings she takes part in are said: \(off.stdout)")
        // Her place in the coming meetings went to jonas where he was free, in the same write.
        let replaced = try d.eventObjects().filter { $0["type"] as? String == "ParticipantReplaced" }
        XCTAssertFalse(replaced.isEmpty, off.stdout)
        XCTAssertTrue(replaced.allSatisfy { ($0["data"] as? [String: Any])?["by"] as? String == "jonas" && $0["actor"] as? String == "admin" })
        XCTAssertTrue(off.stdout.contains("jonas takes their place in \(replaced.count) coming meeting"), off.stdout)
        let meetings = try JSONSerialization.jsonObject(with: Data(try d.run("meetings", "--as", "jonas", "--to", "+8w", "--json").stdout.utf8)) as! [[String: Any]]
        let taken = Set(replaced.compactMap { $0["stream"] as? String })
        XCTAssertTrue(taken.isSubset(of: Set(meetings.compactMap { $0["id"] as? String })), "they are in jonas's calendar")
        XCTAssertTrue(off.stdout.contains("1 SSH key removed"), off.stdout)
        XCTAssertFalse(try String(contentsOfFile: file, encoding: .utf8).contains("--user mette"))
        let jonas = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "jonas", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(jonas.filter { $0["mine"] as? Bool == true }.count, hers)
        let twice = try d.run("user", "deactivate", "--as", "admin", "--user", "mette", "--authorized-keys", file)
        XCTAssertEqual(twice.status, 2)
        XCTAssertEqual(twice.stderr, "enplan: mette is deactivated already\n")
        let key = try d.run("key", "add", "--as", "admin", "--user", "mette", "--authorized-keys", file, pub)
        XCTAssertEqual(key.status, 1, "no key for a deactivated user")
        XCTAssertEqual(key.stderr, "enplan: mette is not an active user of this store\n")

        // Without --hand-to: what is left is said.
        let per = try d.run("user", "deactivate", "--as", "admin", "--user", "jonas", "--authorized-keys", file)
        XCTAssertEqual(per.status, 0, per.stderr)
        XCTAssertTrue(per.stdout.contains("Still responsible for"), per.stdout)
    }
}
