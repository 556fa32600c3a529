import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI

/// Every screen in Danish holds no English word from a list of the ones that used to slip through
/// (views, statuses, roles, key labels, refusals).
final class DanishWordsTests: XCTestCase {
    static let english = ["week", "month", "agenda", "planned", "noshow", "held", "cancelled", "citizen", "(partner)", "Status: planned",
                          "caseworker", "supervisor", "employment", "health", "family", "misuse", "Save", "Cancel", "Back",
                          "Help", "Open", "Search", "Quit", "Lock", "none", "open ·", "active", "ended", "requested", "accepted",
                          "Overall", "Figures", "Caseload", "Timeliness", "Lookups", "Spot check", "Not shared", "No citizens",
                          "cannot", "must", "is locked", "does not work", " the ", " and ", "wrong user"]

    private func check(_ h: Harness, _ screen: String, file: StaticString = #filePath, line: UInt = #line) {
        let text = h.text
        for w in Self.english where text.contains(w) {
            XCTFail("\(screen): English \"\(w)\" on a Danish screen:\n\(h.numbered)", file: file, line: line)
        }
    }

    func testEveryScreenSpeaksDanish() throws {
        let h = try Harness(rows: 40, cols: 140)
        let s = h.service, today = s.today
        try s.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: today), as: "mette")
        try s.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: "Jeg vil være tømrer"), as: "mette")
        try s.execute(.addGoal(citizen: "c1", area: .education, text: "Tømreruddannelse"), as: "mette")
        try s.execute(.addEffort(citizen: "c1", goal: "g1", title: "Brobygning", sector: .employment, legalBasis: "LAB § 32",
                                 provider: "UU", start: today, end: nil), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: "c1", due: today + 14), as: "mette")
        try s.execute(.sendReferral(citizen: "c1", to: .social, text: "Bostøtte?"), as: "mette")
        try s.execute(.scheduleMeeting(type: .network, citizen: "c1", start: LocalTime(day: today, minuteOfDay: 13 * 60), minutes: 60,
                                       room: "Mødelokale 1", participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        try s.execute(.scheduleMeeting(type: .followup, citizen: nil, start: LocalTime(day: today + 1, minuteOfDay: 9 * 60), minutes: 30,
                                       room: nil, participants: ["mette"], guests: [Guest(kind: .partner, name: "Ole", organisation: nil)],
                                       allowConflict: false), as: "mette")
        try s.execute(.recordMeetingOutcome(meeting: "m2", status: .cancelled, outcome: "Syg", completeFollowUps: nil), as: "mette")
        h.login("mette")
        check(h, "the list")
        h.press(.char("?")); check(h, "the help"); h.press(.escape)
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        check(h, "the plan")
        for key in ["m", "e", "f", "r", "u", "v"] {
            h.press(.char(Character(key)), .char("n")); check(h, "the form of section \(key)"); h.press(.escape, .char("j"))
        }
        h.press(.char("b")); check(h, "the journey"); h.press(.escape)
        // A case's whole life: a new CPR number, closing (and its question), the closed plan.
        h.press(.char("C")); check(h, "the CPR form"); h.press(.escape)
        h.press(.char("L")); check(h, "closing the case")
        h.press(.tab); h.type("Flyttet"); h.press(.enter); check(h, "closing, asked first")
        h.press(.char("j")); check(h, "a closed plan")
        h.press(.char("b")); check(h, "the journey of a closed case"); h.press(.escape)
        h.press(.char("L")); check(h, "reopening"); h.press(.escape, .char("j"))
        h.press(.escape, .char("l")); check(h, "the list with closed cases"); h.press(.char("l"))
        h.press(.char(":")); h.type("dubletter"); h.press(.enter); check(h, "duplicates refused to a caseworker")
        h.press(.char("2"))
        for view in ["week", "month", "agenda", "day"] { check(h, "the calendar's \(view) view"); h.press(.char("v")) }
        h.press(.char("n")); check(h, "the scheduling form"); h.press(.escape)
        h.press(.char("t"), .char("l"), .enter); check(h, "a cancelled meeting, open"); h.press(.escape)
        h.press(.char("t"), .enter); check(h, "a planned meeting, open")
        h.press(.char("e")); h.assertShows("Flyt eller ret mødet"); check(h, "moving a meeting"); h.press(.escape, .escape)
        h.press(.char("3"))
        // A caseworker's own figures, and the team's sections refused in Danish.
        for key in ["b", "t", "e", "k", "p", "h", "m", "a", "o", "v", "c"] { h.press(.char(Character(key))); check(h, "the dashboard's \(key)") }
        h.press(.char("a")); h.assertShows("holdets tal")
        h.press(.char("q"))
        h.press(.function(12)); check(h, "the lock screen")
    }

    /// A supervisor's sections of the team's figures, the target group's and the draw's forms.
    func testTheDuplicatesListSpeaksDanish() throws {
        let h = try Harness(citizens: Harness.names + [("Soeren Sorensen", "0101901244"), ("Anne Hansen", "0404851243")], rows: 40, cols: 140)
        h.login("karen")
        h.press(.char(":")); h.type("dubletter"); h.press(.enter)
        h.assertShows("samme navn, CPR næsten ens")
        check(h, "the duplicates list")
        h.press(.char("?")); check(h, "its help"); h.press(.escape)
        h.press(.char("a")); check(h, "dismissing a pair")
        h.type("To personer"); h.press(.enter); check(h, "a pair dismissed")
    }

    func testTheSupervisorsSectionsSpeakDanish() throws {
        let h = try Harness(rows: 40, cols: 140)
        h.login("karen")
        h.press(.char("3"))
        for key in ["b", "t", "e", "k", "p", "h", "m", "a", "o", "v", "c"] { h.press(.char(Character(key))); check(h, "the supervisor's \(key)") }
        h.press(.char("a"), .char("M")); h.assertShows("Målgruppe for unge-kohorterne"); check(h, "the target group's form"); h.press(.escape)
        h.press(.char("v"), .char("n")); h.assertShows("kvartal"); check(h, "the draw's form"); h.press(.escape)
        h.press(.char("i")); check(h, "a definition"); h.press(.escape)
    }

    func testTheTypedRefusalsAreDanish() {
        let s = Strings(.da)
        for e: Error in [DomainError.needsReason(citizen: "c1"), DomainError.wrongLogin,
                         DomainError.sharingNotCovered(citizen: "c1", from: .employment, to: [.misuse], items: ["x"]),
                         DomainError.stale(stream: "c1", expected: 1, actual: 2)] {
            let words = s.refusal(e)
            for w in Self.english where words.contains(w) { XCTFail("\(e): \(words)") }
        }
    }
}
