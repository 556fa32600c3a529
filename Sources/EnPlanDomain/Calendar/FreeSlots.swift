/// Finding time for a meeting, and fewer meetings: the first slot when every internal participant
/// and the room are free, and an existing meeting of the citizen's to merge into instead.
extension Scheduling {
    /// The first start at or after `after` (on the quarter hour) when all `participants` and `room`
    /// are free for `minutes`, within working hours on working days, searching up to a year ahead.
    public static func firstFreeSlot(participants: [String], room: String?, minutes: Int, after: LocalTime,
                                     in state: Projection, hours: WorkingHours = WorkingHours()) -> LocalTime? {
        guard minutes > 0, minutes <= hours.endMinute - hours.startMinute else { return nil }
        let people = Set(participants)
        var day = after.day
        for _ in 0..<366 {
            defer { day = day + 1 }
            guard hours.isWorkingDay(day) else { continue }
            // Busy intervals that day (minutes of the day), for these people and this room.
            var busy: [(Int, Int)] = []
            for d in [day + -1, day] {
                for id in state.meetingsByDay[d] ?? [] {
                    guard let m = state.meetings[id], m.status == .planned,
                          !people.isDisjoint(with: m.participants) || (room != nil && m.room.map { Scheduling.sameRoom($0, room!) } == true) else { continue }
                    let start = m.start.minutesSinceEpoch - day.daysSinceEpoch * 1440
                    busy.append((start, start + m.minutes))
                }
            }
            busy.sort { $0.0 < $1.0 }
            var candidate = max(hours.startMinute, day == after.day ? roundUp(after.minuteOfDay) : hours.startMinute)
            for (s, e) in busy where e > candidate {
                if s >= candidate + minutes { break }
                candidate = max(candidate, roundUp(e))
            }
            if candidate + minutes <= hours.endMinute { return LocalTime(day: day, minuteOfDay: candidate) }
        }
        return nil
    }

    private static func roundUp(_ minute: Int) -> Int { (minute + 14) / 15 * 15 }

    /// A planned meeting of the citizen's within 14 days of `start`: add this agenda and these
    /// participants to it instead of holding another meeting.
    public static func mergeCandidate(citizen: String, near start: LocalTime, in state: Projection) -> Meeting? {
        guard let c = state.citizens[citizen] else { return nil }
        return c.meetings.compactMap { state.meetings[$0] }
            .filter { $0.status == .planned && abs($0.start.day - start.day) <= 14 }
            .min { abs($0.start.minutesSinceEpoch - start.minutesSinceEpoch) < abs($1.start.minutesSinceEpoch - start.minutesSinceEpoch) }
    }
}
