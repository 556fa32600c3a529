import EnPlanDomain

/// The scheduling form's citizen, looked up by what the field says: a name search is logged by
/// the App (`Effect.record`) before what it found is acted on.
extension CalendarScreen {
    /// The citizens a name (and birth date) in the citizen field matches, as the user may see them.
    func citizenMatches(_ text: String, _ x: ScreenContext) throws -> [CitizenRow] {
        guard !text.isEmpty else { return [] }
        return CitizenLookup.matches(text, in: try x.service.citizens(as: x.user.id, logged: false))
    }

    /// The citizen the scheduling form's field names: an id or a CPR number of a citizen the user
    /// may see, or a name (or part of one, æøå or not) that matches one of them. Nil when empty.
    /// Looking a citizen up by name is a search, logged like the list's: it is left in `searched`
    /// for the App to log (`handleForm`) before anything it found is acted on.
    mutating func findCitizen(_ text: String, _ x: ScreenContext) -> Result<(id: String, name: String)?, ScheduleForm.FieldProblem> {
        guard !text.isEmpty else { return .success(nil) }
        if let id = x.service.visibleCitizen(text, as: x.user.id), let name = x.service.citizenName(id) { return .success((id, name)) }
        // By name, and by the birth date as the list shows it where two share a name.
        let matches: [CitizenRow]
        do { matches = try citizenMatches(text, x) } catch {
            return .failure(ScheduleForm.FieldProblem(field: "citizen", text: x.strings.refusal(error, names: x.names)))
        }
        searched = .search(text, results: matches.count)
        guard matches.count == 1 else {
            let text = matches.isEmpty ? "\(x.strings.l(.noCitizens)) (\(text))"
                                       : "\(text)? " + matches.prefix(3).map { "\($0.name) \($0.maskedCPR)" }.joined(separator: ", ")
                                         + " · " + x.strings.c(.nameAndBirth)
            return .failure(ScheduleForm.FieldProblem(field: "citizen", text: text))
        }
        return .success((matches[0].id, matches[0].name))
    }

    /// A name search that could not be logged: its answer is not shown; the refusal stands at the
    /// citizen field instead (and nothing it found was acted on).
    public mutating func recorded(_ write: AuditWrite, _ result: WriteResult, context x: ScreenContext) -> Effect {
        guard case .search = write, case .refused(let e) = result, var f = form else { return .refusal(result, x) }
        f.form.show(x.strings.refusal(e, names: x.names), at: "citizen")
        form = f
        return .none
    }
}
