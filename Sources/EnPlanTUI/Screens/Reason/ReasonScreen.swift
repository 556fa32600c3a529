import EnPlanDomain

/// Break the glass: the user asked for a citizen they do not work on (or one who does not exist:
/// the domain gives both the same answer). A stated reason opens the plan read-only, and the look
/// is logged with the reason; Esc goes back without looking.
public struct ReasonScreen: Screen {
    /// The citizen's id, or a CPR number's ten digits.
    public let citizen: String
    var form: Form

    init(citizen: String, context x: ScreenContext) {
        self.citizen = citizen
        form = Form(title: x.strings.r(.title), fields: [Form.Field.text("reason", x.strings.r(.reason))], hint: x.strings.r(.hint))
    }

    public var route: Route { .reason(citizen: citizen) }
    public func keys(_ context: ScreenContext) -> [Binding] { KeyTable.form + KeyTable.whileTyping }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        if let frame = KeyTable.frame(key) { return frame }
        switch form.handle(key) {
        case .none: return .none
        case .cancel: return .back
        case .save:
            guard form.validate(today: x.today, strings: x.strings) else { return .none }
            let reason = form.value("reason")
            // A CPR number is looked up only now, with the reason (and the lookup is logged).
            var id = citizen
            if citizen.count == 10, citizen.allSatisfy(\.isNumber) {
                do { id = try x.service.citizenID(cpr: citizen, as: x.user.id, reason: reason) } catch DomainError.notFound {
                    form.show("\(x.strings.p(.planNotFound)): \(citizen.prefix(6))-\(citizen.dropFirst(6))", at: "reason")
                    return .none
                } catch {
                    form.show(x.strings.refusal(error, names: x.names), at: "reason")
                    return .none
                }
            }
            return .all([.back, .open(.plan(citizen: id, reason: reason))])
        }
    }

    public func status(_ x: ScreenContext) -> Status { Status(x.strings.r(.status), .alert) }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        var row = 1
        for line in TextWidth.wrap(x.strings.r(.explain), to: x.cols - 4) {
            canvas.put(line, row: row, col: 2, role: .dim); row += 1
        }
        form.render(into: &canvas, top: row + 1, left: 2, width: x.cols - 4, strings: x.strings)
    }
}

extension Strings {
    public func r(_ k: R) -> String { text(k) }

    /// Breaking the glass.
    public enum R: Localized {
        case title, reason, hint, status, explain

        public var pair: (da: String, en: String) {
            switch self {
            case .title: return ("Begrundelse for opslaget", "Reason for the look")
            case .reason: return ("Begrundelse", "Reason")
            case .hint: return ("Enter: åbn skrivebeskyttet · Esc: fortryd", "Enter: open read-only · Esc: cancel")
            case .status: return ("Du arbejder ikke på denne borger, eller borgeren findes ikke.", "You do not work on this citizen, or there is no such citizen.")
            case .explain:
                return ("For at se sagen alligevel skal du skrive, hvorfor du har brug for den. Opslaget logges med din begrundelse, borgeren kan se det i sin opslagslog, og planen åbnes skrivebeskyttet.",
                        "To look at the case anyway, write why you need it. The look is logged with your reason, the citizen can see it in their access report, and the plan opens read-only.")
            }
        }
    }
}
