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
            if let room = meeting.room, room == other.room {
                out.append(Conflict(who: "room \(room)", meeting: other.id, start: other.start, end: other.end))
            }
        }
        return out.sorted { ($0.start, $0.who) < ($1.start, $1.who) }
    }
}

import Foundation
