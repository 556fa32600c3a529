import EnPlanDomain

/// What is new for me (`4`/F5, `:indbakke`): referrals to my sector awaiting an answer, answers to
/// the referrals I sent, and citizens given to me lately, newest first. Enter opens the citizen's
/// plan (at the referral).
public struct InboxScreen: Screen {
    var list: ItemList<Inbox.Item>
    /// What the title and status lines count (the items are `list.items`).
    public private(set) var inbox: Inbox

    init(context x: ScreenContext) {
        inbox = x.service.inbox(for: x.user.id)
        list = ItemList(inbox.items)
    }

    public var route: Route { .inbox }
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 1) }
    public func keys(_ context: ScreenContext) -> [Binding] { KeyTable.inbox + KeyTable.global }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        switch list.press(key, in: keys(x), height: Self.height(x), as: Never.self) {
        case .done(let effect): return effect
        case .open(let item):
            // A referral opens at itself, its answer form open; the rest open the plan.
            if case let .referral(id, _) = item.kind { return .open(.planAt(citizen: item.citizen, item: id)) }
            if case let .answered(id, _, _) = item.kind { return .open(.planAt(citizen: item.citizen, item: id)) }
            return .open(.plan(citizen: item.citizen))
        }
    }

    /// Read again after any change: an answered referral leaves, a new one arrives.
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        inbox = x.service.inbox(for: x.user.id)
        list.set(inbox.items, height: Self.height(x))
        return .none
    }

    public func status(_ x: ScreenContext) -> Status {
        Status("\(x.strings.i(.title)): \(inbox.referrals) \(x.strings.i(.referrals)) · \(inbox.answers) \(x.strings.i(.answers))"
               + " · \(inbox.givenToMe) \(x.strings.i(.given))"
               + (inbox.orphaned > 0 ? " · \(inbox.orphaned) \(x.strings.i(.orphaned))" : ""))
    }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings
        list.draw(into: &canvas, header: TextWidth.truncate(s.i(.heading), to: x.cols - 1), row: 1, height: Self.height(x), width: x.cols - 2,
                  empty: s.i(.empty)) { item in
            let name = x.service.citizenName(item.citizen) ?? item.citizen
            switch item.kind {
            case let .referral(_, from):
                return ("\(s.date(item.since))  \(TextWidth.fit(name, to: 24))  \(s.i(.referralFrom)) \(s.sector(from)) \(s.i(.awaits))", .alert)
            case let .answered(_, to, status):
                return ("\(s.date(item.since))  \(TextWidth.fit(name, to: 24))  \(InboxScreen.answer(to: to, status: status, s))",
                        status == .rejected ? .alert : .normal)
            case .givenToMe:
                return ("\(s.date(item.since))  \(TextWidth.fit(name, to: 24))  \(s.i(.givenToYou))", .normal)
            case .responsibleLeft(let user):
                return ("\(s.date(item.since))  \(TextWidth.fit(name, to: 24))  \(x.service.userNames[user] ?? user) \(s.i(.hasLeft))", .alert)
            }
        }
    }
}

extension InboxScreen {
    /// "Svar på din henvisning til social: accepteret": what the sender is told.
    static func answer(to: Sector, status: ReferralStatus, _ s: Strings) -> String {
        "\(s.i(.answeredBy)) \(s.sector(to)): \(s.word(status.rawValue))"
    }
}

extension KeyTable {
    public static let inbox: [Binding] = list([
        Binding(action: .open, keys: [.enter], label: Strings.T.kOpen, help: Strings.T.hOpen, inBar: true),
    ])
}

extension Strings {
    public func i(_ k: I) -> String { text(k) }

    /// The inbox.
    public enum I: Localized {
        case title, heading, referrals, answers, answeredBy, given, empty, referralFrom, awaits, givenToYou, kInbox, hInbox, cInbox, bar, orphaned, hasLeft

        public var pair: (da: String, en: String) {
            switch self {
            case .title: return ("Indbakke", "Inbox")
            case .heading: return ("Nyt for dig: henvisninger til dit fagområde, der venter på svar, svar på dine henvisninger og borgere, du har fået (de sidste 14 dage)",
                                   "New for you: referrals to your sector awaiting an answer, answers to your referrals and citizens given to you (the last 14 days)")
            case .referrals: return ("henvisninger", "referrals")
            case .answers: return ("svar", "answers")
            case .answeredBy: return ("Svar på din henvisning til", "Answer to your referral to")
            case .given: return ("nye borgere", "new citizens")
            case .empty: return ("Intet nyt.", "Nothing new.")
            case .referralFrom: return ("Henvisning fra", "Referral from")
            case .awaits: return ("venter på svar", "awaits an answer")
            case .givenToYou: return ("Givet til dig som ansvarlig sagsbehandler", "Given to you as the responsible caseworker")
            case .orphaned: return ("uden ansvarlig", "without a responsible")
            case .hasLeft: return ("er fratrådt: giv borgeren videre til en ny ansvarlig", "has left: hand the citizen on to a new responsible")
            case .kInbox: return ("Indbakke", "Inbox")
            case .hInbox: return ("Indbakken: henvisninger, der venter på dit svar, og borgere, du har fået", "The inbox: referrals awaiting your answer, and citizens given to you")
            case .cInbox: return ("Indbakken", "The inbox")
            case .bar: return ("nyt", "new")
            }
        }
    }
}
