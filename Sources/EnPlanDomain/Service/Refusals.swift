/// The domain's refusals, grouped by what they mean for the caller (bad input, nothing there,
/// not allowed, a clash). Each case's `description` is the English the headless commands print;
/// the screens word the same cases in Danish and English (EnPlanTUI `Strings.refusal`).
/// New cases go at the END of their enum.
extension DomainError {
    /// Bad input: exit status 2.
    public enum Invalid: Equatable, Sendable, CustomStringConvertible {
        case wrongLogin
        /// A period that runs backwards or spans more than ten years.
        case period
        case truncationNeedsReason
        case noCell(row: Int, column: Int)
        case notACount(column: Bilingual, row: Bilingual)
        /// The system could not make a password salt (its own words).
        case saltFailed(String)
        case hashFailed
        case passwordTooShort(minimum: Int)
        case badID(IDKind, String)
        case firstUserMustBeAdmin
        case cannotDeactivateSelf
        case badBenefitCode
        case benefitEndsBeforeStart
        case meetingMinutes(ClosedRange<Int>)
        case noParticipants
        case outcomeIsPlanned
        case meetingNotBegun(meeting: String, status: MeetingStatus)
        case futureMeetingCompletesNothing
        case meetingNotPlanned(meeting: String, status: MeetingStatus)
        case nothingToAdd(meeting: String)
        case notAParticipant(user: String, meeting: String)
        case agendaNeedsPlan
        case notOnAgenda(item: String, citizen: String)
        case noCitizensToMove
        case citizenNamedTwice
        case alreadyResponsible(user: String, citizen: String)
        case targetValue
        case targetNeedsDeadline
        case deadlineNotAfterToday
        case targetEnded(String)
        case badCPR(text: String, CPR.Problem)
        case bornInFuture(text: String)
        case nothingToChange
        case ownHouseholdMember
        case consentSectors
        case inFuture(Dated)
        case consentWithdrawn(String)
        case notACaseworker(user: String, role: Role)
        case unknownBenefit(String)
        case benefitNotInForce(name: String, on: Day)
        case noPlan(citizen: String)
        case emptyText(TextField)
        case textTooLong(TextField, maxCharacters: Int)
        case planNeedsConsent
        case unchanged(PlanPart, String)
        /// An effort's end before its start (`end` nil: the day it is being ended on).
        case endsBeforeStart(end: Day?, start: Day)
        case effortClosed(effort: String, status: EffortStatus)
        case effortNotChangeable(effort: String, status: EffortStatus)
        case appealBeforeDecision
        case followUpDone(String)
        case scoreRange
        case referralToOwnSector
        case referralTransition(referral: String, from: ReferralStatus, to: ReferralStatus)
        case referralAnswer
        case templateStart
        case templateEmpty(String)
        case templateGoalTwice(template: String, key: String)
        case templateUnknownGoal(template: String, effort: Int, goal: String)
        case templateEffortDays(template: String, effort: Int, max: Int)
        case templateFollowUpDays(template: String, max: Int)
        /// A template file's object `index` (1-based) does not read: the reader's words.
        case templateFile(index: Int, detail: String)
        case demoStoreNotEmpty(path: String)
        /// A follow-up due before today.
        case ownScoreRange
        case youthAgeLimit(ClosedRange<Int>)
        case targetGroupNeedsBenefit
        case weekdays
        case reviewSampleSize(ClosedRange<Int>)
        case quarterEnded(String)
        case noPlansToDraw
        case notDrawn(citizen: String, draw: String)
        case reviewDate(drawn: Day)
        case tookPartNotInvited
        case attendanceCount(ClosedRange<Int>)
        case attendanceWeekNotBegun
        case followUpInPast(due: Day)
        /// A follow-up completed before the day it was planned.
        case completedBeforePlanned(done: Day, planned: Day)
        /// A meeting moved to a day before today.
        case meetingInPast(start: LocalTime)
        case badPhone(String)
        case badEmail(String)
        /// A text with a control character (`TerminalSafe.isControl`) in it: refused, never cleaned.
        case controlCharacter(TextField)
        /// A day outside the window its kind allows (`InputRules`).
        case dayOutOfRange(DayField, Day, earliest: Day, latest: Day)
        /// A wall-clock time that does not exist in Copenhagen (the hour the clocks go forward).
        case timeDoesNotExist(LocalTime)
        /// A template larger than a template may be (`InputRules.Template`).
        case templateTooLarge(template: String, maxItems: Int, maxCharacters: Int)
        /// An unlock for a user who is not locked.
        case notLocked(user: String)
        /// A password libpwquality refuses, and why.
        case weakPassword(PasswordProblem)
        /// A deactivation of a user who is deactivated already (or an activation of an active one).
        case alreadyActive(user: String, active: Bool)
        /// A write on a closed case (only reopening it, and a team leader's word on duplicates, go).
        case caseClosed(citizen: String, on: Day)
        /// Closing a case that is closed already.
        case caseAlreadyClosed(citizen: String, on: Day)
        /// Reopening a case that is open.
        case caseNotClosed(citizen: String)
        /// `archive` with no closed case past its retention period.
        case nothingDue
        /// A decision annulled already: it is neither corrected nor annulled again.
        case decisionAnnulled(decision: String, on: Day)
        /// A retention run on logs that still hold format-1 lines (`retention upgrade` first).
        case formatOneLog
        /// A case closed before the citizen was born.
        case closedBeforeBirth(date: Day, born: Day)
        /// A registration linked to (or dismissed as a duplicate of) itself.
        case sameRegistration(citizen: String)
        case alreadyLinked(citizen: String, other: String)
        case alreadyDismissed(citizen: String, other: String)
        /// A unit placed under itself or a unit below it.
        case unitCycle(unit: String, parent: String)
        /// A unit's leader who is no supervisor (team leaders, area leaders and the director are).
        case leaderNotSupervisor(user: String)
        /// A CPR change to the number the citizen has.
        case cprUnchanged(masked: String)

        public var description: String {
            switch self {
            case .wrongLogin: return "wrong user id or password"
            case .period: return "the period must run forwards and be at most ten years"
            case .truncationNeedsReason: return "accepting a truncated log needs a reason"
            case let .noCell(row, column): return "no cell at row \(row + 1), column \(column + 1)"
            case let .notACount(column, row): return "\(column.en) of \(row.en) is not a count of citizens"
            case .saltFailed(let words): return "cannot make a password salt: \(words)"
            case .hashFailed: return "cannot hash the password"
            case .passwordTooShort(let n): return "a password must have at least \(n) characters"
            case let .badID(kind, id): return "\(kind.rawValue) id \"\(id)\": use 2-32 of a-z, 0-9, '.', '-', '_', starting with a letter"
            case .firstUserMustBeAdmin: return "the first user must be an administrator (--role admin)"
            case .cannotDeactivateSelf: return "you cannot deactivate yourself"
            case .badBenefitCode: return "a benefit code uses a-z, 0-9 and '-'"
            case .benefitEndsBeforeStart: return "a benefit cannot end before it starts"
            case .meetingMinutes(let r): return "a meeting lasts \(r.lowerBound) to \(r.upperBound) minutes"
            case .noParticipants: return "a meeting needs at least one participant"
            case .outcomeIsPlanned: return "an outcome is held, cancelled or noshow"
            case let .meetingNotBegun(m, status): return "meeting \(m) has not begun: it can be cancelled, not \(status.rawValue)"
            case .futureMeetingCompletesNothing: return "a meeting that has not happened yet completes no follow-up"
            case let .meetingNotPlanned(m, status): return "meeting \(m) is \(status.rawValue): only a planned meeting can be joined"
            case .nothingToAdd(let m): return "everyone and everything named is in meeting \(m) already"
            case let .notAParticipant(user, m): return "\(user) does not take part in meeting \(m)"
            case .agendaNeedsPlan: return "an agenda needs a citizen with a unified plan"
            case let .notOnAgenda(item, cid): return "\(item) is not an open follow-up or a running effort in \(cid)'s plan"
            case .noCitizensToMove: return "name at least one citizen to move"
            case .citizenNamedTwice: return "a citizen is named twice"
            case let .alreadyResponsible(user, cid): return "\(user) is already responsible for \(cid)"
            case .targetValue: return "a target's value is a whole number above 0"
            case .targetNeedsDeadline: return "a plan coverage target needs a deadline"
            case .deadlineNotAfterToday: return "the deadline must be after today"
            case .targetEnded(let id): return "target \(id) has ended already"
            case let .badCPR(text, problem): return "\"\(text)\": \(problem)"
            case .bornInFuture(let text): return "\"\(text)\": the birth date is in the future"
            case .nothingToChange: return "nothing to change: give a name or a benefit"
            case .ownHouseholdMember: return "a citizen cannot be their own household member"
            case .consentSectors: return "a consent to share names at least two sectors"
            case .inFuture(.consent): return "a consent cannot be given in the future"
            case .inFuture(.contact): return "a contact cannot be logged in the future"
            case .inFuture(.decision): return "a decision cannot be dated in the future"
            case .inFuture(.assessment): return "an assessment cannot be dated in the future"
            case .inFuture(.followUpCompletion): return "a follow-up cannot be completed in the future"
            case .inFuture(.effortEnd(let day)): return "an effort cannot have ended in the future (\(day.iso)); plan its end instead"
            case .inFuture(.day(let day)): return "the date \(day.iso) is in the future"
            case .ownScoreRange: return "the citizen's own score is 1-5"
            case .youthAgeLimit(let r): return "the age limit of the youth target group is \(r.lowerBound)-\(r.upperBound)"
            case .targetGroupNeedsBenefit: return "the target group needs at least one benefit"
            case .weekdays: return "weekdays are 1 (Monday) to 7 (Sunday)"
            case .reviewSampleSize(let r): return "a review sample is \(r.lowerBound) to \(r.upperBound) plans"
            case .quarterEnded(let q): return "the quarter \(q) has ended: draw this quarter's or a later one"
            case .noPlansToDraw: return "no active plans to draw from"
            case let .notDrawn(cid, draw): return "\(cid) was not drawn for the review \(draw)"
            case .reviewDate(let drawn): return "a review is dated between the draw (\(drawn.iso)) and today"
            case .tookPartNotInvited: return "a citizen who took part was invited"
            case .attendanceCount(let r): return "an attendance count is \(r.lowerBound) to \(r.upperBound)"
            case .attendanceWeekNotBegun: return "attendance is reported for a week that has begun"
            case .consentWithdrawn(let id): return "consent \(id) was withdrawn already"
            case let .notACaseworker(user, role): return "the responsible caseworker must be a caseworker; \(user) is \(role.rawValue)"
            case .unknownBenefit(let code): return "unknown benefit \"\(code)\" (see `enplan benefits`)"
            case let .benefitNotInForce(name, day): return "the benefit \(name) is not in force on \(day.iso)"
            case .noPlan(let cid): return "\(cid) has no unified plan yet: create it first"
            case .emptyText(let f): return "the \(f.description) is empty"
            case let .textTooLong(f, n): return "the \(f.description) is longer than \(n) characters"
            case .planNeedsConsent: return "a unified plan needs the citizen's consent to share between sectors: record it first"
            case let .unchanged(part, id): return "\(part.rawValue) \(id) is like that already: nothing to save"
            case let .endsBeforeStart(end?, start): return "an effort cannot end (\(end.iso)) before it starts (\(start.iso))"
            case let .endsBeforeStart(nil, start): return "an effort cannot end before it starts (\(start.iso))"
            case let .effortClosed(e, status): return "effort \(e) is \(status.rawValue) already"
            case let .effortNotChangeable(e, status): return "effort \(e) is \(status.rawValue): it can no longer be changed"
            case .appealBeforeDecision: return "the appeal deadline cannot be before the decision"
            case .followUpDone(let id): return "follow-up \(id) was completed already"
            case .scoreRange: return "a mastery score is 0-4, or 9 for not relevant"
            case .referralToOwnSector: return "a referral goes to another sector than your own"
            case let .referralTransition(r, from, to): return "referral \(r) is \(from.rawValue): it cannot become \(to.rawValue)"
            case .referralAnswer: return "a referral is answered with accepted, rejected or revoked"
            case .templateStart: return "a template starts within a year of today"
            case .templateEmpty(let t): return "template \(t) has neither goals nor efforts"
            case let .templateGoalTwice(t, key): return "template \(t): two goals have the key \"\(key)\""
            case let .templateUnknownGoal(t, i, goal): return "effort \(i) of template \(t) names the goal \"\(goal)\", which the template does not have"
            case let .templateEffortDays(t, i, max): return "effort \(i) of template \(t): days are 0 to \(max)"
            case let .templateFollowUpDays(t, max): return "template \(t): follow-ups are 0 to \(max) days out"
            case let .templateFile(i, detail): return "template \(i) in the file: \(detail)"
            case .demoStoreNotEmpty(let path): return "the store at \(path) is not empty: the demo fills only an empty store"
            case .followUpInPast(let due): return "a follow-up cannot be planned in the past (\(due.iso))"
            case let .completedBeforePlanned(done, planned): return "a follow-up cannot be completed (\(done.iso)) before it was planned (\(planned.iso))"
            case .meetingInPast(let start): return "a meeting cannot be moved into the past (\(start.day.iso))"
            case .badPhone(let p): return "\"\(p)\" is not a phone number (digits, spaces and a leading +)"
            case .badEmail(let e): return "\"\(e)\" is not an e-mail address"
            case .controlCharacter(let f): return "the \(f.description) contains a control character (a line break, a tab, an escape or a bidi control): it cannot be stored"
            case let .dayOutOfRange(f, day, earliest, latest): return "the \(f.description) must be from \(earliest.iso) to \(latest.iso), not \(day.iso)"
            case .timeDoesNotExist(let t): return "\(t.iso.suffix(5)) does not exist on \(t.day.iso) in Copenhagen: the clocks go forward an hour"
            case let .templateTooLarge(t, items, chars):
                return "template \(t) is too large: at most \(items) goals, \(items) efforts, \(items) follow-ups and \(chars) characters of text"
            case .notLocked(let u): return "\(u) is not locked out"
            case .weakPassword(let p): return p.description
            case let .alreadyActive(u, active): return "\(u) is \(active ? "active" : "deactivated") already"
            case let .caseClosed(cid, day): return "the case of \(cid) closed on \(day.iso): reopen it to record more"
            case let .caseAlreadyClosed(cid, day): return "the case of \(cid) is closed already (since \(day.iso))"
            case .caseNotClosed(let cid): return "the case of \(cid) is open: only a closed case is reopened"
            case .nothingDue: return "no closed case is past its retention period: nothing to archive"
            case let .decisionAnnulled(d, day): return "decision \(d) was annulled on \(day.iso): it is neither corrected nor annulled again"
            case .formatOneLog: return "the logs still hold lines in format 1, which cannot be erased in place: run `enplan retention upgrade` first (with the sessions closed)"
            case let .closedBeforeBirth(date, born): return "a case cannot close (\(date.iso)) before the citizen was born (\(born.iso))"
            case .sameRegistration(let cid): return "\(cid) is the same registration: name another"
            case let .alreadyLinked(cid, other): return "\(cid) and \(other) are linked as one person already"
            case let .alreadyDismissed(cid, other): return "\(cid) and \(other) were dismissed as duplicates already"
            case .cprUnchanged(let masked): return "the citizen has the CPR number \(masked) already"
            case let .unitCycle(unit, parent): return "unit \(unit) cannot be placed under \(parent): that is the unit itself or a unit below it"
            case .leaderNotSupervisor(let u): return "\(u) is not a supervisor: a unit is led by supervisors"
            }
        }

        public var field: RefusalField? {
            switch self {
            case .wrongLogin, .passwordTooShort, .saltFailed, .hashFailed: return .password
            case .period, .noCell, .notACount: return .period
            case .truncationNeedsReason: return .reason
            case .badID(.user, _), .cannotDeactivateSelf, .firstUserMustBeAdmin: return .user
            case .badID(.target, _), .badID(.template, _), .badID(.unit, _): return .name
            case .badBenefitCode, .benefitEndsBeforeStart, .unknownBenefit, .benefitNotInForce, .targetGroupNeedsBenefit: return .benefit
            case .youthAgeLimit, .reviewSampleSize, .attendanceCount: return .value
            case .quarterEnded, .noPlansToDraw, .notDrawn, .weekdays, .attendanceWeekNotBegun: return nil
            case .reviewDate: return .date
            case .tookPartNotInvited: return .status
            case .meetingMinutes: return .minutes
            case .noParticipants, .nothingToAdd, .notAParticipant: return .participants
            case .outcomeIsPlanned, .meetingNotBegun, .meetingNotPlanned: return .status
            case .futureMeetingCompletesNothing, .notOnAgenda, .agendaNeedsPlan: return .textOf(.agendaItem)
            case .noCitizensToMove, .citizenNamedTwice, .ownHouseholdMember: return .citizen
            case .alreadyResponsible, .notACaseworker: return .responsible
            case .targetValue: return .value
            case .targetNeedsDeadline, .deadlineNotAfterToday, .appealBeforeDecision: return .deadline
            case .targetEnded, .noPlan, .planNeedsConsent, .nothingToChange, .consentWithdrawn, .effortClosed,
                 .effortNotChangeable, .unchanged, .followUpDone, .referralTransition, .referralAnswer,
                 .templateEmpty, .templateGoalTwice, .templateUnknownGoal, .templateEffortDays, .templateFollowUpDays,
                 .templateFile, .demoStoreNotEmpty:
                return nil
            case .badCPR, .bornInFuture: return .cpr
            case .consentSectors: return .sectors
            case .inFuture(.consent), .inFuture(.contact), .inFuture(.decision), .inFuture(.assessment), .inFuture(.day): return .date
            case .inFuture(.followUpCompletion), .completedBeforePlanned: return .done
            case .inFuture(.effortEnd), .endsBeforeStart: return .end
            case .emptyText(let f), .textTooLong(let f, _): return .textOf(f)
            case .scoreRange, .ownScoreRange: return .score
            case .referralToOwnSector: return .sectors
            case .templateStart: return .start
            case .followUpInPast: return .due
            case .meetingInPast: return .date
            case .badPhone: return .phone
            case .badEmail: return .email
            case .controlCharacter(let f): return .textOf(f)
            case .dayOutOfRange(let f, _, _, _):
                switch f {
                case .date: return .date
                case .start: return .start
                case .end: return .end
                case .due: return .due
                case .done: return .done
                case .deadline: return .deadline
                }
            case .timeDoesNotExist: return .time
            case .templateTooLarge: return nil
            case .notLocked, .alreadyActive: return .user
            case .weakPassword: return nil
            case .caseClosed, .caseAlreadyClosed, .caseNotClosed, .nothingDue, .formatOneLog, .decisionAnnulled: return nil
            case .closedBeforeBirth: return .date
            case .sameRegistration, .alreadyLinked, .alreadyDismissed: return .citizen
            case .cprUnchanged: return .cpr
            case .unitCycle: return nil
            case .leaderNotSupervisor: return .user
            }
        }
    }
}
