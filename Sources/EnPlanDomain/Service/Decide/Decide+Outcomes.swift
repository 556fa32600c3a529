import Foundation

// Outcomes toward self-support, the citizen's own assessment, the vulnerability flag (the
// citizen's stream) and the youth measure's target group (stream "targetgroup:youth").
// Each piece of a case carries the recorder's sector (what consent is checked against).
extension Decide {
    func recordOutcome(citizen cid: String, status: OutcomeStatus, date: Day, source: String?) throws -> [Store.Pending] {
        _ = try changeable(cid)
        try happened(date)
        let from = try source.map { try text($0, .source) }
        return [.init(cid, .outcomeRecorded(Outcome(status: status, date: date, source: from, sector: actor.sector)))]
    }

    func recordOwnAssessment(citizen cid: String, topic: OwnAssessmentTopic, score: Int, words: String, date: Day) throws -> [Store.Pending] {
        _ = try changeable(cid)
        guard OwnAssessment.isValidScore(score) else { throw DomainError.invalid(.ownScoreRange) }
        try happened(date)
        let own = try textOrBlank(words, .ownWords)
        return [.init(cid, .ownAssessmentRecorded(OwnAssessment(topic: topic, score: score, words: own, date: date, sector: actor.sector)))]
    }

    func recordVulnerability(citizen cid: String, on: Bool, date: Day) throws -> [Store.Pending] {
        _ = try changeable(cid)
        try happened(date)
        return [.init(cid, .vulnerabilityRecorded(on: on, date: date, sector: actor.sector))]
    }

    func setYouthTargetGroup(maxAge: Int, benefits: [String], effortBasis: String, requireVulnerability: Bool, baseline: Day) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.setTargetGroup)) }
        guard (15...30).contains(maxAge) else { throw DomainError.invalid(.youthAgeLimit(15...30)) }
        guard !benefits.isEmpty else { throw DomainError.invalid(.targetGroupNeedsBenefit) }
        for code in benefits where state.benefits[code] == nil { throw DomainError.invalid(.unknownBenefit(code)) }
        try happened(baseline)
        let g = YouthTargetGroup(maxAge: maxAge, benefits: Array(Set(benefits)).sorted(), effortBasis: try text(effortBasis, .legalBasis).uppercased(),
                                 requireVulnerability: requireVulnerability, baseline: baseline, setOn: today)
        return [.init(Streams.youthTargetGroup, .youthTargetGroupSet(g))]
    }

    /// A day something happened on: from 1970 to today (`InputRules`).
    private func happened(_ date: Day) throws {
        try checkDay(date, .happened(.day(date)), .date)
    }
}
