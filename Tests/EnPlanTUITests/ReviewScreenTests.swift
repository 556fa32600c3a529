import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI

/// The quarterly review and the offers on the dashboard: drawing the quarter's sample, its
/// progress, the drawn plans and the review form; the offers' weekly users; the effort form
/// picking an offer from the register.
final class ReviewScreenTests: XCTestCase {
    /// Every one of the eight citizens with consent and a plan (mette six, jonas two).
    private func harness(_ user: String = "karen") throws -> Harness {
        let h = try Harness(rows: 34, cols: 130)
        let s = h.service
        for c in s.state.citizens.values.sorted(by: { $0.id < $1.id }) {
            try s.execute(.giveConsent(citizen: c.id, sectors: [.employment, .social], given: nil), as: c.responsible)
            try s.execute(.createPlan(citizen: c.id, overallGoal: .employment, ownWords: "Et job"), as: c.responsible)
        }
        h.login(user)
        h.press(.char("3"))
        return h
    }

    func testDrawingTheSampleShowsItsProgressAndTheDrawnPlansTakeAReview() throws {
        let h = try harness()
        h.press(.char("v"))
        XCTAssertTrue(h.statusLine.hasPrefix("Overblik: Gennemgang"), h.statusLine)
        h.assertShows("Kvartalsgennemgang 4. kvartal 2026: ikke trukket endnu (n: træk)")
        XCTAssertTrue(h.keyBar.contains("n Træk"), h.keyBar)
        h.press(.char("n"))
        h.assertShows("Træk kvartalets stikprøve")
        h.assertShows("Antal planer: 16")
        h.press(.enter)
        h.assertShows("Stikprøven er trukket")
        h.assertShows("Kvartalsgennemgang 4. kvartal 2026: 0 af 8 gennemgået i kvartalet")
        let draw = try XCTUnwrap(h.service.state.reviewDraws["2026Q4"])
        XCTAssertEqual(draw.plans.count, 8, "all eight plans: fewer than 16")
        XCTAssertTrue(draw.reproduces)
        h.press(.char("n"))
        h.assertShows("Kvartalets stikprøve er allerede trukket")

        // The drawn plans: the cursor is on "Trukket".
        h.press(.enter)
        h.assertShows("Borgerne bag: Gennemgang · 4. kvartal 2026 · Trukket")
        XCTAssertEqual(h.text.split(separator: "\n").filter { $0.contains("XXXX") }.count, 8, h.numbered)
        XCTAssertTrue(h.keyBar.contains("t Gennemgå"), h.keyBar)
        h.press(.char("t"))
        h.assertShows("Gennemgang af planen: ")
        XCTAssertTrue(h.text.split(separator: "\n").contains { $0.contains("Gennemgået af (myndighed):") && $0.contains("Karen Holm") && $0.hasSuffix("10/200") }, h.numbered)
        h.press(.tab, .tab, .tab, .right, .tab, .tab)          // to Fund; "took part": no
        h.type("Planen mangler fokus på uddannelse")
        h.press(.tab); h.type("Aftal møde med UU")
        h.press(.enter)
        h.assertShows("Gennemgangen er gemt")
        let reviewed = try XCTUnwrap(h.service.state.citizens.values.first { $0.plan?.reviews.isEmpty == false })
        let review = try XCTUnwrap(reviewed.plan?.reviews.first)
        XCTAssertEqual(review.draw, "2026Q4"); XCTAssertTrue(review.invited); XCTAssertFalse(review.tookPart)
        XCTAssertEqual(review.findings, "Planen mangler fokus på uddannelse")
        XCTAssertEqual(reviewed.plan?.followUps.map(\.due), [h.service.today + 28], "the action became a follow-up in four weeks")
        h.press(.char("t"))
        h.assertShows("Planen er allerede gennemgået for kvartalet, den 23-11-2026")
        h.press(.escape)
        h.assertShows("Kvartalsgennemgang 4. kvartal 2026: 1 af 8 gennemgået i kvartalet")
        h.assertShows("1 af 8 gennemgået")
    }

    func testACaseworkerSeesTheProgressButNeitherDrawsNorReviews() throws {
        let h = try harness("mette")
        try h.service.drawReviewSample(as: "karen")
        h.press(.char("v"))
        h.assertShows("Kvartalsgennemgang 4. kvartal 2026: 0 af 6 gennemgået i kvartalet")
        XCTAssertFalse(h.keyBar.contains("Træk"), h.keyBar)
        h.press(.char("n"))
        h.assertHides("Træk kvartalets stikprøve")
        h.press(.enter)
        h.assertShows("Borgerne bag: Gennemgang")
        XCTAssertEqual(h.text.split(separator: "\n").filter { $0.contains("XXXX") }.count, 6, "her own caseload only:\n\(h.numbered)")
        h.press(.char("t"))
        h.assertHides("Gennemgang af planen")
    }

    func testTheEffortFormPicksAnOfferAndTheOffersSectionCountsItsWeeklyUsers() throws {
        let h = try harness("mette")
        try h.service.execute(.defineOffer(provider: "Kirkens Korshær", kind: .civilSociety, activity: "Madklub", place: "Algade 3", weekdays: [2]), as: "karen")
        try h.service.execute(.reportAttendance(offer: "o1", week: IsoWeek(h.service.today), count: 13), as: "mette")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.press(.char("e"), .char("n"))
        h.assertShows("Tilbud:                ‹ (intet tilbud – skriv udfører) ›")
        h.assertShows("Udfører (uden tilbud):")
        h.type("Fællesspisning"); h.press(.tab, .tab); h.type("SEL § 104"); h.press(.tab, .right)
        h.assertShows("‹ Madklub · Kirkens Korshær · Algade 3 ›")
        h.press(.enter)
        let effort = try XCTUnwrap(h.service.state.citizens["c1"]?.plan?.efforts.first)
        XCTAssertEqual(effort.offer, "o1"); XCTAssertEqual(effort.provider, "Kirkens Korshær", "the offer's provider, not typed")
        h.assertShows("Fællesspisning · SEL § 104 · Kirkens Korshær")
        h.press(.char("3"), .char("c"))
        XCTAssertTrue(h.statusLine.hasPrefix("Overblik: Tilbud"), h.statusLine)
        let row = try XCTUnwrap(h.text.split(separator: "\n").first { $0.hasPrefix(" Madklub · Kirkens Korshær") }, h.numbered)
        XCTAssertTrue(row.contains(" Civilsamfund ") && row.contains(" 1 ") && row.contains(" 13 "), String(row))
        while !(h.screen.line(h.screen.cursor!.row).hasPrefix(" Madklub")) { h.press(.down) }
        h.press(.right, .enter)
        h.assertShows("Borgerne bag: Tilbud · Madklub · Kirkens Korshær · Algade 3 · Ugentlige brugere")
        h.assertShows("Søren Sørensen")
    }
}
