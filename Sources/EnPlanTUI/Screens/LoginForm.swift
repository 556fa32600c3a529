/// The login screen: also the lock screen (the locked user filled in) and, on a store with no
/// users, the form that creates the first administrator.
public struct LoginForm: Sendable {
    public enum Kind: Equatable, Sendable { case login, locked(user: String), firstAdmin }

    public let kind: Kind
    public var fields: [String]
    public var focus = 0
    public var error: String?
    public var notice: String?

    public init(kind: Kind) {
        self.kind = kind
        switch kind {
        case .login: fields = ["", ""]
        case .locked(let user): fields = [user, ""]; focus = 1
        case .firstAdmin: fields = ["", "", "", ""]
        }
    }

    func labels(_ s: Strings) -> [Strings.T] {
        kind == .firstAdmin ? [.userID, .name, .sector, .password] : [.userID, .password]
    }

    var passwordIndex: Int { fields.count - 1 }

    public enum Outcome: Equatable { case none, submit, quit }

    /// Typing, Tab/Shift-Tab/arrows between fields, Enter submits, Esc quits (from the login only).
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .enter:
            if focus < fields.count - 1 && fields[focus + 1].isEmpty && !fields[focus].isEmpty { focus += 1; return .none }
            return .submit
        case .backspace: if !fields[focus].isEmpty { fields[focus].removeLast() }
        case .ctrl("u"): fields[focus] = ""
        case .escape: return kind == .login || kind == .firstAdmin ? .quit : .none
        case .char(let c): if fields[focus].count < 200 { fields[focus].append(c) }
        default: break
        }
        return .none
    }

    func render(into canvas: inout Canvas, strings s: Strings, demo: Bool, lockedBy: String?) {
        let width = min(canvas.cols - 4, 72)
        let left = max(2, (canvas.cols - width) / 2)
        var row = max(2, canvas.rows / 2 - 6)
        let title: String
        switch kind {
        case .login: title = s.t(.loginTitle)
        case .locked: title = s.t(.lockedTitle)
        case .firstAdmin: title = s.t(.firstAdminTitle)
        }
        canvas.put(title, row: row, col: left, role: .header, width: width)
        row += 2
        var explanation: String?
        if case .locked(let user) = kind { explanation = "\(lockedBy ?? user) \(s.t(.lockedHint))" }
        if kind == .firstAdmin { explanation = s.t(.firstAdminHint) }
        if let explanation {
            for line in TextWidth.wrap(explanation, to: width) { canvas.put(line, row: row, col: left, role: .dim, width: width); row += 1 }
            row += 1
        }
        let labelWidth = labels(s).map { TextWidth.columns(s.t($0)) }.max()! + 2
        for (i, label) in labels(s).enumerated() {
            canvas.put(s.t(label) + ":", row: row, col: left, role: .normal)
            let shown = i == passwordIndex ? String(repeating: "•", count: fields[i].count) : fields[i]
            let fieldWidth = max(10, min(40, width - labelWidth))
            canvas.put(TextWidth.fit(shown, to: fieldWidth), row: row, col: left + labelWidth, role: .input, width: fieldWidth)
            if i == focus { canvas.cursor = (row, left + labelWidth + min(TextWidth.columns(shown), fieldWidth - 1)) }
            row += 2
        }
        if let error { canvas.put(TextWidth.truncate(error, to: width), row: row, col: left, role: .error, width: width); row += 2 }
        if let notice { canvas.put(TextWidth.truncate(notice, to: width), row: row, col: left, role: .alert, width: width); row += 2 }
        let hint: Strings.T = { if case .locked = kind { return .unlockHint } else { return .loginHint } }()
        canvas.put(TextWidth.truncate(s.t(hint), to: width), row: row, col: left, role: .dim, width: width)
        if demo { canvas.put(TextWidth.truncate(s.t(.demoHint), to: width), row: row + 1, col: left, role: .dim, width: width) }
    }
}
