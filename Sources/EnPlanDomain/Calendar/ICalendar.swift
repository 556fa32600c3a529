/// RFC 5545 export of meetings. An exported event leaves the system (into Outlook and phones), so
/// it carries nothing personal: the meeting type, the time, the room, the EnPlan meeting id, the
/// municipal participants by name and outside partners as "ekstern deltager" — no citizen name or
/// initials, no organisation, no agenda, no notes or outcomes. A meeting the viewer sees as busy
/// time (`Meeting.busy`) is "Optaget" with its time and room only. Times are Copenhagen wall-clock times with TZID and a VTIMEZONE,
/// so daylight saving never moves a meeting.
public enum ICalendar {
    public static func export(_ meetings: [Meeting], state: Projection, storeID: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//EnPlan//EnPlan//DA", "CALSCALE:GREGORIAN",
            "X-WR-TIMEZONE:Europe/Copenhagen",
            "BEGIN:VTIMEZONE", "TZID:Europe/Copenhagen",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE",
        ]
        for m in meetings.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
            lines += event(m, state: state, storeID: storeID)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func event(_ m: Meeting, state: Projection, storeID: String) -> [String] {
        var out = [
            "BEGIN:VEVENT",
            "UID:\(m.id)-\(storeID)@enplan",
            "DTSTAMP:\(utc(m.updated))",
            "SEQUENCE:\(max(0, m.version - 1))",
            "DTSTART;TZID=Europe/Copenhagen:\(local(m.start))",
            "DTEND;TZID=Europe/Copenhagen:\(local(m.end))",
            "SUMMARY:\(text(m.busy ? "Optaget" : typeName(m.type)))",
            "DESCRIPTION:\(text("EnPlan-møde \(m.id)"))",
        ]
        if let room = m.room { out.append("LOCATION:\(text(room))") }
        if m.busy {
            out.append("CLASS:PRIVATE")
        } else {
            for p in m.participants {
                out.append("ATTENDEE;CN=\(param(state.user(p)?.name ?? p));ROLE=REQ-PARTICIPANT:urn:enplan:user:\(p)")
            }
            for (i, g) in m.guests.enumerated() {
                // Nobody outside the municipality by name: the citizen, relatives and partners alike.
                let name: String
                switch g.kind {
                case .citizen: name = "borger"
                case .relative: name = "pårørende"
                case .partner: name = "ekstern deltager"
                }
                out.append("ATTENDEE;CN=\(param(name));ROLE=OPT-PARTICIPANT:urn:enplan:guest:\(m.id)-\(i + 1)")
            }
        }
        out.append("STATUS:\(m.status == .cancelled ? "CANCELLED" : "CONFIRMED")")
        out.append("END:VEVENT")
        return out
    }

    public static func typeName(_ t: MeetingType) -> String {
        switch t {
        case .network: return "Netværksmøde"
        case .followup: return "Opfølgningsmøde"
        case .roundtable: return "Rundbordssamtale"
        case .rehab: return "Rehabiliteringsteam"
        case .other: return "Møde"
        }
    }

    /// "Søren Sørensen" → "S.S."
    public static func initials(_ name: String) -> String {
        name.split(separator: " ").compactMap(\.first).map { String($0).uppercased() + "." }.joined()
    }

    static func local(_ t: LocalTime) -> String {
        let (y, m, d) = t.day.components
        return Day.pad(y, 4) + Day.pad(m, 2) + Day.pad(d, 2) + "T" + Day.pad(t.minuteOfDay / 60, 2) + Day.pad(t.minuteOfDay % 60, 2) + "00"
    }

    static func utc(_ t: Timestamp) -> String {
        let iso = t.iso   // 2026-11-23T09:15:02.123Z
        return iso.prefix(19).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "Z"
    }

    /// TEXT escaping: backslash, semicolon, comma, newline. Any other control character (which
    /// RFC 5545 does not allow in TEXT, and which would reach the terminal of whoever prints the
    /// file) shows as its visible stand-in (`TerminalSafe`).
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: if c.unicodeScalars.contains(where: TerminalSafe.isControl) { out += TerminalSafe.field(String(c)) } else { out.append(c) }
            }
        }
        return out
    }

    /// A parameter value: quoted, with quotes (not allowed inside) dropped and control characters visible.
    static func param(_ s: String) -> String { "\"" + TerminalSafe.field(s.replacingOccurrences(of: "\"", with: "")) + "\"" }

    /// Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var parts: [String] = [], current: [UInt8] = [], limit = 75
        for ch in line {
            let bytes = Array(String(ch).utf8)
            if current.count + bytes.count > limit {
                parts.append(String(decoding: current, as: UTF8.self))
                current = []
                limit = 74   // the leading space of a continuation line counts
            }
            current += bytes
        }
        parts.append(String(decoding: current, as: UTF8.self))
        return parts.joined(separator: "\r\n ")
    }
}

import Foundation
