import EnPlanDomain

/// The small forms of a case's whole life, from the citizen list (`L`) and the plan (`L`, `C`):
/// closing a case (the day it closed, today unless another is typed, and why), reopening it (why),
/// and a new CPR number (the number and why). Enter asks first, naming the citizen and what
/// happens ("Luk sagen for Søren Sørensen pr. 03-02-2025? j: ja"); `j` writes, any other key goes
/// back to the fields. The rules are the domain's; a refusal is shown at the field it names.
public struct CaseLifeForm: Sendable {
    public enum Purpose: Equatable, Sendable { case close, reopen, changeCPR }

    public let purpose: Purpose
    public let citizen: String
    public let name: String
    /// The citizen's version when the form opened (nil: not known; no stale check).
    public let version: Int?
    public var form: Form
    /// Enter was pressed with valid fields: the next key answers the question.
    public private(set) var confirming = false

    public enum Outcome { case none, cancel, write([Command], expectedVersion: Int?) }

    /// The form a citizen's case gets from `L`: closing while open, reopening once closed.
    public init(closingOrReopening citizen: String, name: String, closed: Day?, version: Int?, strings s: Strings, today: Day) {
        self.init(closed == nil ? .close : .reopen, citizen: citizen, name: name, version: version, strings: s, today: today)
    }

    public init(_ purpose: Purpose, citizen: String, name: String, version: Int?, strings s: Strings, today: Day) {
        self.purpose = purpose; self.citizen = citizen; self.name = name; self.version = version
        typealias F = Form.Field
        switch purpose {
        case .close:
            form = Form(title: "\(s.k(.closeTitle)): \(name)", fields: [F.date("date", s.k(.fDate), s.date(today)), F.text("reason", s.k(.fReason))])
        case .reopen:
            form = Form(title: "\(s.k(.reopenTitle)): \(name)", fields: [F.text("reason", s.k(.fReason))])
        case .changeCPR:
            form = Form(title: "\(s.k(.cprTitle)): \(name)", fields: [
                F.cpr("cpr", s.k(.fNewCPR), strings: s),
                F.text("reason", s.k(.fReason)),
            ])
        }
    }

    public mutating func handle(_ key: Key, today: Day, strings s: Strings) -> Outcome {
        if confirming {
            confirming = false
            form.error = nil
            guard key == .char("j") || key == .char("y") else { return .none }
            return .write(commands(today: today), expectedVersion: version)
        }
        switch form.handle(key) {
        case .none: return .none
        case .cancel: return .cancel
        case .save:
            guard form.validate(today: today, strings: s) else { return .none }
            let question: String
            switch purpose {
            case .close: question = "\(s.k(.confirmClose)) \(name) \(s.pick("pr.", "on")) \(form.day("date", today: today).map(s.date) ?? "")?"
            case .reopen: question = "\(s.k(.confirmReopen)) \(name)?"
            case .changeCPR: question = "\(s.k(.confirmCPR)) \(name) \(s.pick("til", "to")) \(form.value("cpr"))?"
            }
            form.error = "\(question) \(s.k(.answer))"
            confirming = true
            return .none
        }
    }

    func commands(today: Day) -> [Command] {
        switch purpose {
        case .close: return [.closeCase(citizen: citizen, date: form.day("date", today: today) ?? today, reason: form.value("reason"))]
        case .reopen: return [.reopenCase(citizen: citizen, reason: form.value("reason"))]
        case .changeCPR: return [.changeCPR(citizen: citizen, new: form.value("cpr"), reason: form.value("reason"))]
        }
    }

    /// The domain's refusal, at the field it names.
    public mutating func refused(_ e: Error, strings s: Strings, names: Names) {
        form.show(refusal: e, strings: s, names: names, fields: [.date: "date", .textOf(.reason): "reason", .cpr: "cpr"])
    }

    /// What the status line says once it is saved.
    public func saved(_ s: Strings) -> String {
        switch purpose {
        case .close: return s.k(.closed)
        case .reopen: return s.k(.reopened)
        case .changeCPR: return s.k(.cprChanged)
        }
    }

    func render(into canvas: inout Canvas, top: Int, left: Int, width: Int, strings s: Strings) {
        form.render(into: &canvas, top: top, left: left, width: width, strings: s)
    }
}
