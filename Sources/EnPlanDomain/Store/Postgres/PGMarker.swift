// The damage marker in PostgreSQL: one row of `enplan_damage` holding the marker's text, so that a
// marker one host writes stops every host's writes (each looks under the exclusive lock, as with
// `store.damaged`). It is written on a connection of its own, committed at once: a transaction
// that found damage is rolled back, and the marker must stay.
extension DamageMarker {
    static func read(_ db: PGConnection) -> DamageMarker? {
        guard let r = try? db.exec("SELECT body FROM enplan_damage WHERE id = 1") else {
            return DamageMarker(found: Timestamp(millis: 0), by: .open, findings: [Finding(file: "?", line: 0, reason: "the damage marker cannot be read")])
        }
        return r.count == 1 ? parse(r.text(0, 0) ?? "") : nil
    }

    @discardableResult
    static func mark(url: String, by: Finder, findings: [Finding], at now: Timestamp) -> DamageMarker {
        let marker = DamageMarker(found: now, by: by, findings: findings)
        guard let db = try? PGConnection(url: url) else { return marker }
        _ = try? db.exec("INSERT INTO enplan_damage (id, body) VALUES (1, $1) ON CONFLICT DO NOTHING", [text(by: by, findings: findings, at: now)])
        return read(db) ?? marker
    }

    /// Lifts the marker inside the release's transaction (kept in `enplan_damage_released`).
    static func release(_ db: PGConnection, at now: Timestamp) throws -> DamageMarker? {
        guard let marker = read(db) else { return nil }
        try db.exec("WITH d AS (DELETE FROM enplan_damage RETURNING body) INSERT INTO enplan_damage_released (at, body) SELECT $1, body FROM d", [now.iso])
        return marker
    }
}
