/// Section 3, one responsible caseworker: the citizens by the number of distinct caseworkers who
/// logged a contact, held a meeting, or recorded an effort or a decision for them in the last 90
/// days (today included): 1, 2, 3, 4 or more. Per responsible caseworker, and all together.
/// Citizens nobody worked on in the 90 days are left out (and counted in "none"); closed cases are
/// not counted at all (they left the caseload).
enum CaseworkerFigures {
    static let keys = ["none", "one", "two", "three", "fourPlus"]

    /// How many distinct caseworkers (`isCaseworker` by user number) worked on `c` from `from` to `to` (inclusive).
    static func staff(_ c: CitizenRef, from: Day, to: Day, isCaseworker: [Bool]) -> Int {
        var who: (Int, Int, Int, Int) = (-1, -1, -1, -1)     // the first four met: "4+" needs no more
        var n = 0
        c.forEachWork { day, u in
            guard day >= from, day <= to, isCaseworker[u], u != who.0, u != who.1, u != who.2, u != who.3 else { return true }
            switch n { case 0: who.0 = u; case 1: who.1 = u; case 2: who.2 = u; default: who.3 = u }
            n += 1
            return n < 4
        }
        return n
    }

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let p = Bilingual("De sidste 90 dage: \((s.today + -89).danish) til \(s.today.danish)", "The last 90 days: \((s.today + -89).iso) to \(s.today.iso)")
        let worked = ("Borgere med åben sag i alt", "All citizens with an open case")
        let excl = ("Borgere, ingen sagsbehandler har arbejdet med i perioden (se \"Ingen\"); lukkede sager", "Citizens nobody worked on in the period (see \"None\"); closed cases")
        func col(_ key: String, _ da: String, _ en: String, _ nda: String, _ nen: String, _ e: (String, String)) -> FigureColumn {
            FigureColumn(key: key, title: Bilingual(da, en), definition: definition((nda, nen), worked, e, p))
        }
        let by = "sagsbehandler(e) har logget en kontakt, holdt et møde eller registreret en indsats eller afgørelse"
        let en = "caseworker(s) logged a contact, held a meeting or recorded an effort or decision"
        return [
            col("none", "Ingen", "None", "Borgere, ingen sagsbehandler har arbejdet med", "Citizens no caseworker worked on", FigureScope.closedCases),
            col("one", "1", "1", "Borgere, hvor 1 \(by)", "Citizens for whom 1 \(en)", excl),
            col("two", "2", "2", "Borgere, hvor 2 forskellige \(by)", "Citizens for whom 2 distinct \(en)", excl),
            col("three", "3", "3", "Borgere, hvor 3 forskellige \(by)", "Citizens for whom 3 distinct \(en)", excl),
            col("fourPlus", "4+", "4+", "Borgere, hvor 4 eller flere forskellige \(by)", "Citizens for whom 4 or more distinct \(en)", excl),
        ]
    }

    static func table(_ s: FigureScope) -> FigureTable {
        var t = Tally()
        var users = Set<String>()
        let from = s.today + -89
        let isCaseworker = s.staff.map { $0?.role == .caseworker }
        let all = t.row("all"), columnOf = keys.map { t.column($0) }
        var userRow = [Int?](repeating: nil, count: s.staff.count)
        for c in s.openCitizens() {
            let n = staff(c, from: from, to: s.today, isCaseworker: isCaseworker)
            let column = columnOf[min(n, 4)], u = c.responsibleNumber
            let r: Int
            if let known = userRow[u] { r = known } else { r = t.row(c.userRow); userRow[u] = r; users.insert(c.responsible) }
            let id = c.id
            t.add(all, column, id)
            t.add(r, column, id)
        }
        func row(_ key: String, _ label: Bilingual) -> FigureRow { FigureRow(key: key, label: label, cells: keys.map { t.count(key, $0) }) }
        let rows = [row("all", FigureScope.all)]
            + users.sorted { (s.name($0), $0) < (s.name($1), $1) }.map { row("user:" + $0, Bilingual(s.name($0), s.name($0))) }
        return s.table(.caseworkers, columns(s), rows)
    }
}
