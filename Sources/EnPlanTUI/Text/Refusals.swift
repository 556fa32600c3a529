import EnPlanDomain

/// The domain's refusals in the user's words: the typed ones (a reason needed, sharing not
/// covered by consent, a stale save, a failed login) in Danish or English; the rest as the domain
/// words them.
extension Strings {
    public func refusal(_ error: Error) -> String {
        guard let e = error as? DomainError else { return "\(error)" }
        switch e {
        case .needsReason:
            return pick("Du arbejder ikke på borgeren, eller borgeren findes ikke: angiv en begrundelse for at se sagen",
                        "You do not work on the citizen, or there is no such citizen: state a reason to look")
        case let .sharingNotCovered(_, from, to, items):
            let what = items.map { "“\($0)”" }.joined(separator: ", ")
            return pick("Samtykket deler ikke \(sector(from)) med \(to.map(sector).joined(separator: " og ")): det vil dele \(what)",
                        "The consent does not share \(sector(from)) with \(to.map(sector).joined(separator: " and ")): this would share \(what)")
        case .stale:
            return pick("En anden har ændret sagen imens", "Someone else changed the case meanwhile")
        case .invalid(let text) where e == DomainError.wrongLogin:
            _ = text
            return g(.wrongLogin)
        default:
            return e.description
        }
    }
}
