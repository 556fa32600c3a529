// The offers register (tilbud) and the attendance its providers report.
extension Decide {
    func defineOffer(provider: String, kind: Offer.Kind, activity: String, place: String, weekdays: [Int]) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.addOffers)) }
        guard weekdays.allSatisfy((1...7).contains) else { throw DomainError.invalid(.weekdays) }
        let id = "o\(state.offers.count + 1)"
        let offer = Offer(id: id, provider: try text(provider, .provider), kind: kind, activity: try text(activity, .activity),
                          place: try textOrBlank(place, .place), weekdays: Array(Set(weekdays)).sorted(), defined: today)
        return [.init(Streams.offer(id), .offerDefined(offer))]
    }

    /// Any active user may pass on a provider's count (no personal data in it).
    func reportAttendance(offer id: String, week: IsoWeek, count: Int) throws -> [Store.Pending] {
        guard state.offers[id] != nil else { throw DomainError.notFound(.offer(id)) }
        guard (0...100_000).contains(count) else { throw DomainError.invalid(.attendanceCount(0...100_000)) }
        guard week.monday <= today else { throw DomainError.invalid(.attendanceWeekNotBegun) }
        try checkDay(week.monday, .any, .date)
        return [.init(Streams.offer(id), .offerAttendanceReported(week: week, count: count))]
    }
}
