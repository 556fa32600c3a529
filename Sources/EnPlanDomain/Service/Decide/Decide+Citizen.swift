// A citizen's case file: registration, details, household, consent, contacts (the citizen's stream).
extension Decide {
    func registerCitizen(cpr cprText: String, name: String, benefit: String?, responsible: String?) throws -> [Store.Pending] {
        guard actor.role != .admin else { throw DomainError.forbidden(.adminsManageUsers(meetings: false)) }
        let cpr: CPR
        do { cpr = try CPR(cprText) } catch let p as CPR.Problem { throw DomainError.invalid(.badCPR(text: cprText, p)) }
        guard cpr.birthDate <= today else { throw DomainError.invalid(.bornInFuture(text: cprText)) }
        if let existing = state.citizenID(cpr: cpr.digits) {
            throw DomainError.conflict(.cprRegistered(masked: cpr.masked, citizen: existing))
        }
        let responsibleID = responsible ?? actor.id
        try requireCaseworker(responsibleID)
        if let benefit { try requireBenefit(benefit) }
        let id = "c\(state.citizenCount + 1)"
        return [.init(id, .citizenRegistered(cpr: cpr.digits, name: try text(name, .name), benefit: benefit,
                                            responsible: responsibleID, sectors: [actor.sector]))]
    }

    func changeCitizenDetails(citizen cid: String, name: String?, benefit: String?) throws -> [Store.Pending] {
        _ = try changeable(cid)
        if let benefit { try requireBenefit(benefit) }
        guard name != nil || benefit != nil else { throw DomainError.invalid(.nothingToChange) }
        return [.init(cid, .citizenDetailsChanged(name: try name.map { try text($0, .name) }, benefit: benefit))]
    }

    func changeResponsible(citizen cid: String, user: String, reason: String?) throws -> [Store.Pending] {
        let c = try changeable(cid)
        try requireCaseworker(user)
        guard c.responsible != user else { throw DomainError.invalid(.alreadyResponsible(user: user, citizen: cid)) }
        return [.init(cid, .responsibleChanged(user: user, reason: try reason.map { try text($0, .reason) }))]
    }

    func chooseContactPerson(citizen cid: String, name: String?, chosenByCitizen: Day? = nil) throws -> [Store.Pending] {
        _ = try changeable(cid)
        if let day = chosenByCitizen { try checkDay(day, .happened(.day(day)), .date) }
        return [.init(cid, .contactPersonChosen(name: try name.map { try text($0, .contactPerson) }, chosenByCitizen: name == nil ? nil : chosenByCitizen))]
    }

    func linkHousehold(citizen cid: String, member: HouseholdMember) throws -> [Store.Pending] {
        _ = try changeable(cid)
        if let other = member.citizen {
            guard state.citizens.contains(other) else { throw DomainError.notFound(.citizen(other)) }
            guard other != cid else { throw DomainError.invalid(.ownHouseholdMember) }
        }
        var m = member; m.name = try text(member.name, .name)
        return [.init(cid, .householdLinked(m))]
    }

    func giveConsent(citizen cid: String, sectors: [Sector], given: Day?) throws -> [Store.Pending] {
        let c = try changeable(cid)
        guard Set(sectors).count >= 2 else { throw DomainError.invalid(.consentSectors) }
        let date = given ?? today
        try checkDay(date, .happened(.consent), .date)
        let unique = Sector.allCases.filter(sectors.contains)
        return [.init(cid, .consentGiven(Consent(id: "s\(c.consents.count + 1)", sectors: unique, given: date, withdrawn: nil)))]
    }

    func withdrawConsent(citizen cid: String, consent id: String, reason: String?) throws -> [Store.Pending] {
        let c = try changeable(cid)
        guard let consent = c.consents.first(where: { $0.id == id }) else { throw DomainError.notFound(.consent(id, citizen: cid)) }
        guard consent.withdrawn == nil else { throw DomainError.invalid(.consentWithdrawn(id)) }
        return [.init(cid, .consentWithdrawn(id: id, date: today, reason: try reason.map { try text($0, .reason) }))]
    }

    func logContact(citizen cid: String, channel: Channel, note: String?, at: Timestamp?) throws -> [Store.Pending] {
        _ = try changeable(cid)
        if let at { try checkDay(at.day, .happened(.contact), .date) }
        return [.init(cid, .contactLogged(channel: channel, sector: actor.sector, note: try optionalText(note, .note), at: at))]
    }
}
