/// Meeting rules that need more than one meeting: double bookings (more in the calendar issue).
public enum Scheduling {
    public struct Conflict: Equatable, Sendable, CustomStringConvertible {
        /// A participant (a user's id) or a room (its name as the new meeting spells it).
        public enum Who: Equatable, Sendable { case user(String), room(String) }
        public let who: Who
        public let meeting: String
        /// The booked meeting's type, so a screen can name it ("Netværksmøde").
        public let type: MeetingType
        public let start: LocalTime
        public let end: LocalTime
        public init(who: Who, meeting: String, type: MeetingType, start: LocalTime, end: LocalTime) {
            self.who = who; self.meeting = meeting; self.type = type; self.start = start; self.end = end
        }
        public var description: String {
            let who: String
            switch self.who { case .user(let id): who = id; case .room(let name): who = "room \(name)" }
            return "\(who) is booked in meeting \(meeting) from \(start.iso.replacingOccurrences(of: "T", with: " ")) to \(Day.pad(end.minuteOfDay / 60, 2)):\(Day.pad(end.minuteOfDay % 60, 2))"
        }
    }

    /// Every participant or room of `meeting` that is already booked at an overlapping time.
    public static func conflicts(for meeting: Meeting, in state: Projection) -> [Conflict] {
        var out: [Conflict] = []
        // Meetings last at most 8 hours, so only the day before and the meeting's own days can overlap.
        let days = (meeting.start.day.daysSinceEpoch - 1)...meeting.end.day.daysSinceEpoch
        let candidates = days.flatMap { state.meetingsByDay[Day(daysSinceEpoch: $0)] ?? [] }.compactMap { state.meetings[$0] }
        for other in candidates where other.id != meeting.id && other.status == .planned && other.overlaps(meeting) {
            for p in meeting.participants where other.participants.contains(p) {
                out.append(Conflict(who: .user(p), meeting: other.id, type: other.type, start: other.start, end: other.end))
            }
            if let room = meeting.room, let theirs = other.room, sameRoom(room, theirs) {
                out.append(Conflict(who: .room(room), meeting: other.id, type: other.type, start: other.start, end: other.end))
            }
        }
        return out.sorted { ($0.start, $0.description) < ($1.start, $1.description) }
    }

    /// A room is one room whatever its case and spacing: "mødelokale  1" is "Mødelokale 1".
    public static func sameRoom(_ a: String, _ b: String) -> Bool { roomKey(a) == roomKey(b) }
    public static func roomKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

import Foundation
