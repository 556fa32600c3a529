/// Meeting rules that need more than one meeting: double bookings (more in the calendar issue).
public enum Scheduling {
    public struct Conflict: Equatable, CustomStringConvertible {
        public let who: String
        public let meeting: String
        public let start: LocalTime
        public let end: LocalTime
        public var description: String {
            "\(who) is booked in meeting \(meeting) from \(start.iso.replacingOccurrences(of: "T", with: " ")) to \(Day.pad(end.minuteOfDay / 60, 2)):\(Day.pad(end.minuteOfDay % 60, 2))"
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
                out.append(Conflict(who: p, meeting: other.id, start: other.start, end: other.end))
            }
            if let room = meeting.room, let theirs = other.room, sameRoom(room, theirs) {
                out.append(Conflict(who: "room \(room)", meeting: other.id, start: other.start, end: other.end))
            }
        }
        return out.sorted { ($0.start, $0.who) < ($1.start, $1.who) }
    }

    /// A room is one room whatever its case and spacing: "mødelokale  1" is "Mødelokale 1".
    public static func sameRoom(_ a: String, _ b: String) -> Bool { roomKey(a) == roomKey(b) }
    public static func roomKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

import Foundation
