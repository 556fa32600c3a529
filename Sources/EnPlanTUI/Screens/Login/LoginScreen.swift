import EnPlanDomain

/// The login screen: also the lock screen (the locked user filled in) and, on a store with no
/// users, the form that creates the first administrator. A configuration of `Form`; the App
/// carries out what it asks (login and lock are the frame's, not a screen in the route stack).
public struct LoginScreen: Sendable {
    public enum Kind: Equatable, Sendable { case login, locked(user: String), firstAdmin }

    public let kind: Kind
    public var form: Form
    public var notice: String?

    public init(kind: Kind, strings s: Strings) {
        self.kind = kind
        typealias F = Form.Field
        var fields = [F.text("user", s.g(.userID), required: false)]
        if kind == .firstAdmin { fields += [F.text("name", s.g(.name), required: false), F.text("sector", s.g(.sector), required: false)] }
        fields.append(F.secret("password", s.g(.password)))
        form = Form(title: "", fields: fields)
        form.confirmDiscard = false
        form.enterAdvances = true
        form.rowStep = 2
        form.inputWidth = 40
        if case .locked(let user) = kind { form["user"] = user; form.focus(on: "password") }
    }

    public enum Outcome: Equatable { case none, submit, quit }

    /// Typing, Tab/Shift-Tab/arrows between fields, Enter submits, Esc quits (from the login only).
    public mutating func handle(_ key: Key) -> Outcome {
        switch form.handle(key) {
        case .none: return .none
        case .save: return .submit
        case .cancel: return kind == .login || kind == .firstAdmin ? .quit : .none
        }
    }

    /// After a refusal: the password is emptied and has the focus.
    mutating func refused(_ error: String) {
        form.error = error
        form["password"] = ""
        form.focus(on: "password")
    }

    func render(into canvas: inout Canvas, strings s: Strings, demo: Bool, lockedBy: String?) {
        let width = min(canvas.cols - 4, 72)
        let left = max(2, (canvas.cols - width) / 2)
        var row = max(2, canvas.rows / 2 - 6)
        let title: String
        switch kind {
        case .login: title = s.g(.loginTitle)
        case .locked: title = s.g(.lockedTitle)
        case .firstAdmin: title = s.g(.firstAdminTitle)
        }
        canvas.put(title, row: row, col: left, role: .header, width: width)
        row += 2
        var explanation: String?
        if case .locked(let user) = kind { explanation = "\(lockedBy ?? user) \(s.g(.lockedHint))" }
        if kind == .firstAdmin { explanation = s.g(.firstAdminHint) }
        if let explanation {
            for line in TextWidth.wrap(explanation, to: width) { canvas.put(line, row: row, col: left, role: .dim, width: width); row += 1 }
            row += 1
        }
        row = form.renderFields(into: &canvas, top: row, left: left, width: width + 4)
        if let error = form.error { canvas.put(TextWidth.truncate(error, to: width), row: row, col: left, role: .error, width: width); row += 2 }
        if let notice { canvas.put(TextWidth.truncate(notice, to: width), row: row, col: left, role: .alert, width: width); row += 2 }
        let hint: Strings.G = { if case .locked = kind { return .unlockHint } else { return .loginHint } }()
        canvas.put(TextWidth.truncate(s.g(hint), to: width), row: row, col: left, role: .dim, width: width)
        if demo { canvas.put(TextWidth.truncate(s.g(.demoHint), to: width), row: row + 1, col: left, role: .dim, width: width) }
    }
}
