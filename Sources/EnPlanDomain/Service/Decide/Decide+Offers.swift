// The offers register (tilbud) and the attendance its providers report.
extension Decide {
    func defineOffer(provider: String, kind: Offer.Kind, activity: String, place: String, weekdays: [Int]) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden("only supervisors and administrators add offers to the register") }
        guard weekdays.allSatisfy((1...7).contains) else { throw DomainError.invalid("weekdays are 1 (Monday) to 7 (Sunday)") }
        let id = "o\(state.offers.count + 1)"
        let offer = Offer(id: id, provider: try text(provider, "provider"), kind: kind, activity: try text(activity, "activity"),
                          place: place.trimmingCharacters(in: .whitespacesAndNewlines), weekdays: Array(Set(weekdays)).sorted(), defined: today)
        return [.init(Streams.offer(id), .offerDefined(offer))]
    }

    /// Any active user may pass on a provider's count (no personal data in it).
    func reportAttendance(offer id: String, week: IsoWeek, count: Int) throws -> [Store.Pending] {
        guard state.offers[id] != nil else { throw DomainError.notFound("no offer \(id) in the register") }
        guard (0...100_000).contains(count) else { throw DomainError.invalid("an attendance count is 0 to 100000") }
        guard week.monday <= today else { throw DomainError.invalid("attendance is reported for a week that has begun") }
        return [.init(Streams.offer(id), .offerAttendanceReported(week: week, count: count))]
    }
}
