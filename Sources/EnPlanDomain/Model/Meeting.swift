import Foundation

public enum MeetingType: String, CaseIterable, Sendable {
    case network, followup, roundtable, rehab, other
}

public enum MeetingStatus: String, CaseIterable, Sendable { case planned, held, cancelled, noshow }

/// Someone outside the municipality's users: a partner organisation, the citizen, a relative.
public struct Guest: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case partner, citizen, relative }
    public var kind: Kind
    public var name: String
    public var organisation: String?

    public init(kind: Kind, name: String, organisation: String?) { self.kind = kind; self.name = name; self.organisation = organisation }
}

/// A wall-clock time in Europe/Copenhagen. Meetings keep local time so a daylight-saving change
/// never moves a 10:00 meeting to 09:00 or 11:00.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let day: Day
    public let minuteOfDay: Int

    public init(day: Day, minuteOfDay: Int) { self.day = day; self.minuteOfDay = minuteOfDay }

    /// "YYYY-MM-DDTHH:MM"
    public init?(iso s: String) {
        var s = s
        guard let t = s.withUTF8({ u -> LocalTime? in
            guard u.count == 16, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "), u[13] == 58,
                  let day = Day(utf8: UnsafeBufferPointer(rebasing: u[0..<10])),
                  let h = Day.digits(u, 11, 2), let m = Day.digits(u, 14, 2), h < 24, m < 60 else { return nil }
            return LocalTime(day: day, minuteOfDay: h * 60 + m)
        }) else { return nil }
        self = t
    }

    public var iso: String { day.iso + "T" + Day.pad(minuteOfDay / 60, 2) + ":" + Day.pad(minuteOfDay % 60, 2) }
    public var description: String { iso }
    public var minutesSinceEpoch: Int { day.daysSinceEpoch * 1440 + minuteOfDay }

    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutesSinceEpoch < b.minutesSinceEpoch }

    public func adding(minutes: Int) -> LocalTime {
        let t = minutesSinceEpoch + minutes
        let d = t >= 0 ? t / 1440 : (t - 1439) / 1440
        return LocalTime(day: Day(daysSinceEpoch: d), minuteOfDay: t - d * 1440)
    }

    public static let zone = TimeZone(identifier: "Europe/Copenhagen")!

    /// Whether a Copenhagen clock ever shows this time: not in the hour the clocks go forward (the
    /// last Sunday of March, 02:00-02:59 since 1981). The hour they go back shows twice: it exists.
    public var existsInCopenhagen: Bool {
        instant != nil
    }
}

public struct Meeting: Equatable, Sendable {
    public var id: String
    public var type: MeetingType
    public var citizen: String?
    public var start: LocalTime
    public var minutes: Int
    public var room: String?
    public var participants: [String]
    public var guests: [Guest]
    public var status: MeetingStatus
    public var outcome: String?
    /// Agenda: the citizen's follow-ups ("f2") and efforts ("e1") the meeting is about.
    public var agenda: [String] = []
    /// Grows with every change (iCalendar SEQUENCE).
    public var version: Int = 0
    /// When it last changed (iCalendar DTSTAMP).
    public var updated = Timestamp(millis: 0)
    /// Shown as busy time only: about a citizen the viewer may not see (`Access.shown`); never stored.
    public var busy = false

    public init(id: String, type: MeetingType, citizen: String?, start: LocalTime, minutes: Int, room: String?,
                participants: [String], guests: [Guest], status: MeetingStatus, outcome: String?) {
        self.id = id; self.type = type; self.citizen = citizen; self.start = start; self.minutes = minutes; self.room = room
        self.participants = participants; self.guests = guests; self.status = status; self.outcome = outcome
    }

    public var end: LocalTime { start.adding(minutes: minutes) }

    /// Held and no-show are facts of a meeting that has begun (its day has come); a future one can
    /// only be cancelled. The one rule for `Decide` and the screens, which ask before the note.
    public func hasBegun(today: Day) -> Bool { start.day <= today }

    public func overlaps(_ other: Meeting) -> Bool {
        start < other.end && other.start < end
    }
}

extension LocalTime {
    /// The instant this Copenhagen wall-clock time names: nil for a time that does not exist (the
    /// hour skipped when summer time begins, 02:00-02:59 on the last Sunday of March). A time that
    /// exists twice (the hour repeated in October) is its first, summer-time instant.
    public var instant: Timestamp? {
        let asUTC = Int64(minutesSinceEpoch) * 60_000
        for guess in [asUTC - 7_200_000, asUTC - 3_600_000] {
            let offset = Int64(LocalTime.zone.secondsFromGMT(for: Timestamp(millis: guess).date)) * 1000
            let t = Timestamp(millis: asUTC - offset)
            if t.local == self { return t }
        }
        return nil
    }
}

extension Timestamp {
    /// This instant on a Copenhagen wall clock.
    public var local: LocalTime {
        let offset = LocalTime.zone.secondsFromGMT(for: date)
        let minutes = Int((millis / 1000 + Int64(offset)) / 60)
        let day = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
        return LocalTime(day: Day(daysSinceEpoch: day), minuteOfDay: minutes - day * 1440)
    }
}
