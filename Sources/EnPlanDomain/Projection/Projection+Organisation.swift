// The organisation in the projection: units defined, who is in which unit from when, and a
// person's own mandates (`Organisation`). Their events are on user and unit streams.
extension Projection {
    mutating func applyToOrganisation(_ event: DomainEvent, stream: String, version: Int) throws {
        switch event {
        case let .userUnitSet(unit, from, does):
            try updateAccount(stream) { _ in }
            organisation.place(String(stream.dropFirst(Streams.userPrefix.count)), in: unit, from: from, does: does)
        case let .userMandateSet(areas):
            try updateAccount(stream) { _ in }
            let id = String(stream.dropFirst(Streams.userPrefix.count))
            organisation.personMandates[id] = areas.isEmpty ? nil : areas
        case let .unitDefined(u):
            guard stream == Streams.unit(u.id) else { throw Inconsistent(reason: "unit \(u.id) on stream \(stream)") }
            var unit = u
            unit.version = version
            organisation.units[u.id] = unit
        case .userCreated, .passwordChanged, .userActiveSet, .userContactSet, .loginFailed, .loginSucceeded, .userUnlocked,
             .benefitDefined, .templateDefined, .targetDefined, .youthTargetGroupSet, .targetEnded, .meetingChanged, .reviewSampleDrawn,
             .offerDefined, .offerAttendanceReported, .citizenRegistered, .meetingScheduled, .meetingStatusChanged, .meetingJoined,
             .participantReplaced, .citizenErased, .citizenDetailsChanged, .responsibleChanged, .contactPersonChosen, .householdLinked,
             .consentGiven, .consentWithdrawn, .planCreated, .planGoalChanged, .goalAdded, .goalStatusChanged, .goalChanged, .effortAdded,
             .effortStatusChanged, .effortChanged, .templateApplied, .decisionRecorded, .followUpScheduled, .followUpCompleted,
             .assessmentRecorded, .referralSent, .referralAnswered, .contactLogged, .outcomeRecorded, .ownAssessmentRecorded,
             .vulnerabilityRecorded, .planReviewed, .caseClosed, .caseReopened, .citizensLinked, .duplicateDismissed, .cprChanged,
             .decisionCorrected, .decisionAnnulled:
            throw Inconsistent(reason: "\(event.type) is no event of the organisation")
        }
    }
}
