@_spi(Store) import EnPlanDomain
import Foundation
import XCTest
import TestSupport
@testable import EnPlanTUI

/// A form's fields are read by key; a key no field has stops the program (`Form.index`), so a
/// typo cannot save a default. These tests drive every form of the plan through what saving does
/// (its commands, its own checks) and check what the forms name, so a typo shows here first.
final class FormKeyTests: XCTestCase {
    /// Every purpose of the plan's forms, one sample each. The switch is exhaustive: a new purpose
    /// does not compile here until it has a sample.
    private static func ordinal(_ p: PlanForm.Purpose) -> Int {
        switch p {
        case .overall: return 0
        case .newGoal: return 1
        case .editGoal: return 2
        case .newEffort: return 3
        case .editEffort: return 4
        case .decision: return 5
        case .editDecision: return 6
        case .followUp: return 7
        case .completeFollowUp: return 8
        case .assessment: return 9
        case .referral: return 10
        case .answerReferral: return 11
        case .contact: return 12
        case .responsible: return 13
        case .consent: return 14
        case .withdrawConsent: return 15
        case .household: return 16
        case .template: return 17
        case .outcome: return 18
        case .ownAssessment: return 19
        }
    }

    private func caseWithEverything() throws -> (Harness, CitizenDetail) {
        let h = try Harness()
        let s = h.service, c = "c1", today = s.today
        try h.giveSoerenAPlan()
        try s.execute(.scheduleFollowUp(citizen: c, due: today + 20, subject: "Samtale om praktik"), as: "mette")
        try s.execute(.sendReferral(citizen: c, to: .social, text: "Bostøtte?"), as: "mette")
        try s.execute(.defineTemplate(DemoTemplates.all[0]), as: "karen")
        return (h, try s.citizen(c, as: "mette"))
    }

    func testEveryPlanFormSavesFromFieldsItHas() throws {
        let (h, detail) = try caseWithEverything()
        let plan = try XCTUnwrap(detail.citizen.plan)
        let s = Strings(.da), mette = try h.service.user("mette")
        let samples: [PlanForm.Purpose] = [
            .overall, .newGoal, .editGoal(plan.goals[0].id), .newEffort, .editEffort(plan.efforts[0].id), .decision,
            .editDecision(plan.decisions[0].id), .followUp, .completeFollowUp(plan.followUps[0].id), .assessment, .referral,
            .answerReferral(plan.referrals[0].id), .contact, .responsible, .consent, .withdrawConsent(try XCTUnwrap(detail.citizen.consents.first?.id)),
            .household, .template, .outcome, .ownAssessment,
        ]
        XCTAssertEqual(Set(samples.map(Self.ordinal)), Set(0..<20), "a sample of every purpose")
        // With the offers register empty and with an offer in it (the effort form's offer field comes and goes).
        for offers in [[Offer](), [Offer(id: "o1", provider: "Kirkens Korshær", kind: .civilSociety, activity: "Madklub", place: "Algade 3", weekdays: [2], defined: Day(iso: "2026-01-05")!)]] {
            let context = PlanForm.Context(user: mette, caseworkers: h.service.activeCaseworkers, templates: h.service.templates(),
                                           today: h.service.today, offers: offers)
            for purpose in samples {
                let form = try XCTUnwrap(PlanForm(purpose, detail: detail, context: context, strings: s), "\(purpose)")
                for key in form.textFields.keys { XCTAssertTrue(form.form.has(key), "\(purpose): its text field \(key)") }
                if let (key, _) = form.problem(strings: s) { XCTAssertTrue(form.form.has(key), "\(purpose): the problem's field \(key)") }
                _ = form.commands(detail: detail, today: h.service.today, strings: s)   // reads every field it saves
            }
        }
    }

    func testAKeyTheFormHasIsReadAndOneItLacksIsNot() {
        var f = Form(title: "T", fields: [Form.Field.text("name", "Navn"), Form.Field.date("from", "Fra", "01-12-2026")])
        XCTAssertTrue(f.has("name"))
        XCTAssertFalse(f.has("nmae"), "a typo is no field (reading it would stop the program)")
        f["name"] = "  Søren "
        XCTAssertEqual(f.value("name"), "Søren")
        XCTAssertEqual(f.day("from", today: Day(iso: "2026-11-23")!), Day(iso: "2026-12-01"))
        XCTAssertTrue(f.changed("name"))
        XCTAssertFalse(f.changed("from"))
    }
}
