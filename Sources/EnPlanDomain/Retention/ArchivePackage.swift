import Foundation
import Glibc

/// An archive copy of the cases due (`enplan archive DEST`): a self-describing folder an archive
/// authority can take in, written and then read back and checked before it counts.
///
///     DEST/events.jsonl     every line of the cases' streams (and of the meetings about them, and the
///                           household and duplicate links that name them), verbatim, in log order
///     DEST/audit.jsonl      every audit record about them, verbatim
///     DEST/manifest.json    what it holds: the citizens, and each file's lines, bytes and SHA-256
///     DEST/kodelister.json  the code lists the lines use (event types, sectors, legal areas …)
///     DEST/LÆSMIG.txt       the format, in Danish
///
/// Each line is as the store has it: its own hash still holds (`verify` of a line alone), the
/// chain between them does not (the lines are a selection). `CaseService.archive` records the
/// manifest's SHA-256 in the audit log (`Archived`): a retention run erases only what such a
/// record names.
public struct ArchiveReport: Sendable, Equatable {
    public let destination: String
    public let citizens: [String]
    public let eventLines: Int
    public let auditLines: Int
    /// "sha256:" + the manifest's digest.
    public let manifest: String
}

enum ArchivePackage {
    static let format = "enplan-archive-1"
    /// Event types on another case's stream that name a citizen (`data.citizen` or `data.other`).
    static let naming: Set<String> = Set([EventType.householdLinked, .citizensLinked, .duplicateDismissed].map(\.name))

    /// Whether a line of the event log belongs to the cases: their streams, their meetings' streams,
    /// or a link on another case that names one of them.
    static func belongs(_ e: RecordedEvent, citizens: Set<String>, meetings: Set<String>) -> Bool {
        if e.type == EventType.citizenErased.name { return false }
        if citizens.contains(e.stream) || meetings.contains(e.stream) { return true }
        guard naming.contains(e.type) else { return false }
        return [try? e.data.optionalString("citizen"), try? e.data.optionalString("other")].contains { $0.flatMap { $0 }.map(citizens.contains) ?? false }
    }

    static func write(from source: Store, cases: [RetentionReport.Case], meetings: Set<String>, store: String, by: String,
                      policy: RetentionPolicy, to dest: String, now: Timestamp) throws -> ArchiveReport {
        try Sys.makeDirectories(dest)
        guard (try FileManager.default.contentsOfDirectory(atPath: dest)).isEmpty else {
            throw StoreError.io("\(dest) is not empty: an archive copy goes in a new or empty folder")
        }
        let ids = Set(cases.map(\.id))
        var events: [UInt8] = [], audit: [UInt8] = []
        var eventLines = 0, auditLines = 0
        var perCitizen: [String: (events: Int, audit: Int)] = [:]
        try source.eachStoredLine(audit: false) { line in
            guard let e = try? LogLine.decode(line, previousHash: nil, previousSeq: 0), !e.erased, belongs(e, citizens: ids, meetings: meetings) else { return }
            events += line; events.append(0x0A); eventLines += 1
            if ids.contains(e.stream) { perCitizen[e.stream, default: (0, 0)].events += 1 }
        }
        try source.eachStoredLine(audit: true) { line in
            guard let e = try? LogLine.decode(line, previousHash: nil, previousSeq: 0), !e.erased, ids.contains(e.stream) else { return }
            audit += line; audit.append(0x0A); auditLines += 1
            perCitizen[e.stream, default: (0, 0)].audit += 1
        }
        let codes = codeLists()
        let readme = Array(readme(policy: policy).utf8)
        let files: [(String, [UInt8], Int)] = [("events.jsonl", events, eventLines), ("audit.jsonl", audit, auditLines),
                                               ("kodelister.json", codes, 0), ("LÆSMIG.txt", readme, 0)]
        var m = JSONWriter()
        m.openObject()
        m.field("format", format); m.field("created", now.iso); m.field("by", by); m.field("store", store)
        m.field("rule", policy.caseRule)
        m.key("citizens"); m.openArray()
        for c in cases.sorted(by: { FigureScope.idOrder($0.id, $1.id) }) {
            m.openObject(); m.field("id", c.id); m.field("closed", c.closed); m.field("due", c.due)
            m.field("eventLines", perCitizen[c.id]?.events ?? 0); m.field("auditLines", perCitizen[c.id]?.audit ?? 0); m.closeObject()
        }
        m.closeArray()
        m.key("files"); m.openArray()
        for (name, bytes, lines) in files {
            m.openObject(); m.field("name", name); m.field("bytes", bytes.count)
            if name.hasSuffix(".jsonl") { m.field("lines", lines) }
            m.field("sha256", Digest.sha256Hex(bytes)); m.closeObject()
        }
        m.closeArray()
        m.closeObject()
        let manifest = m.bytes + [0x0A]
        for (name, bytes, _) in files { try Sys.writeDurably(bytes, to: dest + "/" + name) }
        try Sys.writeDurably(manifest, to: dest + "/manifest.json")
        let report = ArchiveReport(destination: dest, citizens: cases.map(\.id), eventLines: eventLines, auditLines: auditLines,
                                   manifest: "sha256:" + Digest.sha256Hex(manifest))
        try check(dest, expecting: report)
        return report
    }

    /// Reads a package back: the manifest's digest, each file's size and SHA-256, and each line of
    /// the logs whole, with its own hash holding.
    static func check(_ dest: String, expecting report: ArchiveReport) throws {
        func bytes(_ name: String) throws -> [UInt8] {
            guard let d = FileManager.default.contents(atPath: dest + "/" + name) else { throw StoreError.io("\(dest)/\(name) cannot be read back") }
            return [UInt8](d)
        }
        let manifest = try bytes("manifest.json")
        guard "sha256:" + Digest.sha256Hex(manifest) == report.manifest,
              let f = try? Fields(json: String(decoding: manifest.dropLast(), as: UTF8.self)), let listed = try? f.objects("files") else {
            throw StoreError.io("\(dest)/manifest.json did not read back as written")
        }
        for file in listed {
            let name = try file.string("name"), data = try bytes(name)
            guard data.count == (try file.int("bytes")), Digest.sha256Hex(data) == (try file.string("sha256")) else {
                throw StoreError.io("\(dest)/\(name) did not read back as written")
            }
            guard name.hasSuffix(".jsonl") else { continue }
            var n = 0
            for line in data.split(separator: 0x0A) {
                guard (try? Array(line).withUnsafeBytes({ try LogLine.decode($0, previousHash: nil, previousSeq: 0) })) != nil else {
                    throw StoreError.io("\(dest)/\(name): line \(n + 1) does not hold its own hash")
                }
                n += 1
            }
            guard n == (try file.int("lines")) else { throw StoreError.io("\(dest)/\(name) holds \(n) lines, not the manifest's") }
        }
    }

    static func codeLists() -> [UInt8] {
        var w = JSONWriter()
        w.openObject()
        func list(_ name: String, _ values: [String]) { w.key(name); w.openArray(); for v in values { w.string(v) }; w.closeArray() }
        list("eventTypes", EventType.allCases.map(\.name))
        list("auditKinds", AuditKind.allCases.map(\.rawValue))
        list("sectors", Sector.allCases.map(\.rawValue))
        list("legalAreas", LegalArea.allCases.map(\.rawValue))
        list("lifeAreas", LifeArea.allCases.map(\.rawValue))
        list("overallGoals", OverallGoal.allCases.map(\.rawValue))
        list("goalStatus", GoalStatus.allCases.map(\.rawValue))
        list("effortStatus", EffortStatus.allCases.map(\.rawValue))
        list("referralStatus", ReferralStatus.allCases.map(\.rawValue))
        list("followUpResults", FollowUpResult.allCases.map(\.rawValue))
        list("meetingTypes", MeetingType.allCases.map(\.rawValue))
        list("meetingStatus", MeetingStatus.allCases.map(\.rawValue))
        list("channels", Channel.allCases.map(\.rawValue))
        list("outcomeStatus", OutcomeStatus.allCases.map(\.rawValue))
        list("delivery", Delivery.allCases.map(\.rawValue))
        w.closeObject()
        return w.bytes + [0x0A]
    }

    static func readme(policy: RetentionPolicy) -> String {
        """
        EnPlan: arkivkopi af afsluttede sager
        =====================================

        Denne mappe er en arkivkopi af de sager, der er nævnt i manifest.json, taget før deres
        personoplysninger slettes efter reglen "\(policy.caseRule)".

        manifest.json     Hvad kopien indeholder: borgerne (EnPlans id, dagen sagen blev lukket,
                          dagen den kunne slettes), og for hver fil antal bytes, linjer og SHA-256.
        events.jsonl      Sagernes hændelser, én JSON-linje pr. hændelse, i den rækkefølge de skete:
                          borgerens egne, møderne om borgeren og henvisninger til borgeren fra andre
                          sager (husstand, dubletter). Linjerne er præcis som i EnPlans log.
        audit.jsonl       Logningen af opslag i sagerne (hvem, hvornår, hvorfor), samme format.
        kodelister.json   De koder, linjerne bruger (hændelsestyper, sektorer, lovområder …).

        En linje: {"v":2,"seq":N,"ts":"tid (UTC)","actor":"medarbejderens bruger-id","type":"hændelsestype",
        "stream":"sagen (c…) eller mødet (m…)","version":N,"data":{…},"salt":"…","prev":"…","hash":"…"}

        Kontrol af en linje: commit = SHA-256(data-bytes efterfulgt af salt); hash = SHA-256 af linjen,
        hvor "data" og "salt" er erstattet af "erased":"<commit>", og uden "hash". Linjerne er et udvalg
        af loggen, så "prev" peger på linjer, der ikke er med: kæden kontrolleres i EnPlan (enplan verify).

        """
    }
}
