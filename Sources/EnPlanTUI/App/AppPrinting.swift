import EnPlanDomain

/// The printers a person may print on: CUPS's queues as the program lists them (`lpstat`), and
/// the person's own by the settings (`printer.USER`, else `printer`, else CUPS's default).
/// Screens never ask for them: the App does, when a screen's `.print` is carried out.
public struct Printers: Sendable, Equatable {
    public var queues: [String]
    public var own: String?
    public init(queues: [String], own: String? = nil) { self.queues = queues; self.own = own }

    /// What `P` does.
    public enum Decision: Equatable, Sendable {
        /// No printer at all: the person is told to ask IT.
        case none
        /// One printer: printed on it at once, as before there was a choice.
        case print(on: String)
        /// More than one: the chooser, `selected` chosen to start with, `own` marked.
        case ask(queues: [String], selected: Int, own: Int?)
    }

    /// The queues to offer (CUPS's, with the person's own first if CUPS does not list it: the
    /// settings are IT's word, and `lp` says so if the queue is not there), and which one is
    /// chosen to start with: the one chosen earlier in the session (`remembered`), else the
    /// person's own, else the first.
    public func decide(remembered: String?) -> Decision {
        var queues: [String] = []
        for q in self.queues where !q.isEmpty && !queues.contains(q) { queues.append(q) }
        if let own, !own.isEmpty, !queues.contains(own) { queues.insert(own, at: 0) }
        switch queues.count {
        case 0: return .none
        case 1: return .print(on: queues[0])
        default:
            let ownIndex = own.flatMap { queues.firstIndex(of: $0) }
            let selected = remembered.flatMap { queues.firstIndex(of: $0) } ?? ownIndex ?? 0
            return .ask(queues: queues, selected: selected, own: ownIndex)
        }
    }
}

/// A document on its way to a printer: what a screen's `.print` asked for, kept while the person
/// chooses the printer.
struct PrintRequest {
    var title: String
    var document: DocumentText
    var header: String
    var citizen: String
    var reason: String?
    var kind: ExportKind
}

/// The printer chooser open over the screen, with the document it is for.
/// A chooser the program opens over the screen, and what choosing does: print on a printer, or
/// open the calendar of one of the citizens of a shared name.
struct AppChoice {
    enum Purpose {
        case printer(PrintRequest)
        case calendarOf([String])
    }
    var purpose: Purpose
    var chooser: Chooser
}

extension App {
    /// A screen's `.print`: asks the program for the printers and prints at once on the only one,
    /// opens the chooser when there are more, or says there is none.
    func startPrinting(_ request: PrintRequest, _ s: inout Session) {
        guard options.printDocument != nil else { message = (strings.t(.noPrinter), .error); return }
        // A program that cannot list printers prints on the person's own queue, as before.
        guard let list = options.printers else { submit(request, on: nil, &s); return }
        switch list(s.user.id).decide(remembered: s.printer) {
        case .none: message = (strings.t(.noPrinter), .error)
        case .print(let queue): submit(request, on: queue, &s)
        case let .ask(queues, selected, own):
            var chooser = Chooser(title: strings.t(.choosePrinter), about: request.header, items: queues, selected: selected,
                                  marked: own, mark: strings.t(.ownPrinter))
            chooser.choose = (Strings.T.kPrint, Strings.T.hPrint)
            choice = AppChoice(purpose: .printer(request), chooser: chooser)
        }
    }

    /// A key while a chooser is open: Enter chooses (prints on the chosen printer and remembers it
    /// for the session; opens the chosen citizen's calendar), Esc closes it, doing nothing; help
    /// and lock still work.
    func handleChoice(_ key: Key, _ shown: AppChoice) {
        var shown = shown
        if let frame = KeyTable.frame(key) {
            if case .help = frame { showHelp = true } else if case .lock = frame { choice = nil; lock() }
            return
        }
        switch (shown.chooser.handle(key), shown.purpose) {
        case (.none, _): choice = shown
        case (.cancel, .printer):
            choice = nil
            message = (strings.t(.notPrinted), .normal)
        case (.cancel, .calendarOf): choice = nil
        case let (.choose(i), .printer(request)):
            choice = nil
            let queue = shown.chooser.items[i]
            withSession { s in
                s.printer = queue
                submit(request, on: queue, &s)
            }
        case let (.choose(i), .calendarOf(ids)):
            choice = nil
            withSession { open(.calendar(.citizen(ids[i])), &$0) }
        }
    }

    /// Lays the document out, sends it to `queue` (nil: the person's own by the settings) and logs
    /// what was printed where (the queue and the job are named in the audit record's reason).
    private func submit(_ r: PrintRequest, on queue: String?, _ s: inout Session) {
        guard let send = options.printDocument else { message = (strings.t(.noPrinter), .error); return }
        do {
            let ps = PrintLayout.postScript(r.document, header: r.header, title: r.title, strings: strings)
            let sent = try send(s.user.id, queue, r.title, ps)
            try service.recordExport(r.kind, citizen: r.citizen, as: s.user.id,
                                     reason: ([sent.queue, sent.job] + (r.reason.map { [$0] } ?? [])).joined(separator: " · "))
            message = ("\(strings.t(r.kind == .planPrinted ? .printed : .printedDocument)) \(sent.queue) (\(strings.t(.printJob)) \(sent.job))", .normal)
        } catch {
            message = (strings.refusal(error, names: Names(service, strings)), .error)
        }
    }
}
