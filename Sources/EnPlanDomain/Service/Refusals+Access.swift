// The domain's refusals for what is not there, what the actor may not do, and clashes with what
// is there (`Refusals.swift` has bad input, `Refusals+Fields.swift` the texts and the days). New cases go at the END of their enum.
extension DomainError {
    /// Nothing there by that id: exit status 2.
    public enum Missing: Equatable, Sendable, CustomStringConvertible {
        case citizen(String)
        case citizenWithCPR
        case user(String)
        case activeUser(String)
        case activeCaseworker(String)
        case lookup(String)
        case meeting(String)
        case target(String)
        case consent(String, citizen: String)
        case inPlan(PlanPart, String, citizen: String)
        case template(String)
        case youthTargetGroup
        case offer(String)
        case reviewSample(String)
        case citizenWithPlan(String)
        /// A write about a citizen who does not exist or whom the actor may not change: the same
        /// words for both (exit status 2), so a write tells no more than a look does.
        case changeableCitizen(String)
        /// No export with that code in the person's outbox (fetched already, expired, or another's).
        case outboxItem(String)
        /// No unit by that id (`enplan unit list`).
        case unit(String)

        public var description: String {
            switch self {
            case .citizen(let id): return "no citizen \(id)"
            case .citizenWithCPR: return "no citizen with that CPR number"
            case .user(let id): return "no user \(id)"
            case .activeUser(let id): return "no active user \(id)"
            case .activeCaseworker(let id): return "no active caseworker \(id)"
            case .lookup(let id): return "no lookup \(id) in the audit log"
            case .meeting(let id): return "no meeting \(id)"
            case .target(let id): return "no target \(id)"
            case let .consent(id, cid): return "no consent \(id) for \(cid)"
            case let .inPlan(part, id, cid): return "no \(part.rawValue) \(id) in \(cid)'s plan"
            case .template(let id): return "no plan template \(id) (see `enplan templates`)"
            case .youthTargetGroup: return "no target group is set yet (`enplan target-group set`)"
            case .offer(let id): return "no offer \(id) in the register"
            case .reviewSample(let id): return "no review sample \(id)"
            case .citizenWithPlan(let id): return "no citizen \(id) with a plan"
            case .changeableCitizen(let id): return "no citizen \(id) among those you may change"
            case .outboxItem(let code): return "no export \(code) in your outbox (fetched already, or older than \(Outbox.keepDays) days: enplan outbox list)"
            case .unit(let id): return "no unit \(id) (see `enplan unit list`)"
            }
        }

        public var field: RefusalField? {
            switch self {
            case .citizen, .citizenWithCPR: return .citizen
            case .user, .activeUser: return .user
            case .activeCaseworker: return .responsible
            case .inPlan(.goal, _, _): return .goal
            case .template: return .template
            case .consent: return .consent
            case .lookup, .meeting, .target, .inPlan, .youthTargetGroup, .offer, .reviewSample: return nil
            case .citizenWithPlan, .changeableCitizen: return .citizen
            case .outboxItem, .unit: return nil
            }
        }
    }

    /// What only some roles do (supervisors and administrators).
    public enum SupervisorTask: String, Equatable, Sendable {
        case readAuditLog, moveCitizens, defineTargets, endTargets, defineTemplates, teamFigures, setTargetGroup, addOffers, review
        /// Listing probable duplicates, and linking or dismissing them (a team leader's).
        case duplicates
    }

    /// What only an administrator does.
    public enum AdminTask: String, Equatable, Sendable { case anything, sshKeys, acceptTruncation, otherPasswords, otherContacts }

    /// What only a meeting's participants do.
    public enum MeetingAction: String, Equatable, Sendable { case change, recordOutcome, add }

    /// The acting user may not: exit status 1.
    public enum Forbidden: Equatable, Sendable, CustomStringConvertible {
        case adminOnly(AdminTask)
        case supervisorsOnly(SupervisorTask)
        /// Administrators manage users, not citizens (`meetings` false) or meetings.
        case adminsManageUsers(meetings: Bool)
        case deactivated(user: String)
        case doesNotWorkOn(user: String, citizen: String)
        case ownFiguresOnly(user: String, other: String)
        case participantsOnly(MeetingAction, meeting: String)
        /// A goal or an effort of another sector that no consent shares with the actor's.
        case notShared(PlanPart, String, owner: Sector, actor: Sector)
        /// Only `sector` answers (`revokes` false) or revokes a referral.
        case referralSector(referral: String, sector: Sector, revokes: Bool)
        /// A command the service account runs on the server, not over SSH.
        case serverOnly(command: String)
        /// A command that reads a server file, not over SSH.
        case serverFile(command: String, arguments: String)
        case kioskKey
        case notActiveUser(String)
        case sshKeyIsFor(user: String, other: String)
        /// An ordinary SSH key opens the full-screen login only (the password is the second
        /// factor); headless commands need a key an administrator allowed for them.
        case headlessKeyNeeded
        /// Closing, reopening or changing a CPR number: the responsible caseworker or a team leader.
        case responsibleOrSupervisor(user: String, citizen: String)
        /// A decision under a legal area outside the actor's mandate (kompetenceplan): who may make
        /// it, the units by name and the people by id.
        case outsideMandate(area: LegalArea, units: [String], people: [String])
        /// A leader's figures are their units' and the units below (`Organisation.leaderScope`).
        case otherUnit(user: String, unit: String)
        /// A supervisor who leads no unit, in a store with an organisation: no team's figures.
        case leadsNoUnit(user: String)

        public var description: String {
            switch self {
            case .adminOnly(.anything): return "only an administrator may do this"
            case .adminOnly(.sshKeys): return "only an administrator manages SSH keys"
            case .adminOnly(.acceptTruncation): return "only an administrator accepts a truncated log"
            case .adminOnly(.otherPasswords): return "only an administrator changes another user's password"
            case .adminOnly(.otherContacts): return "only an administrator changes another user's contact details"
            case .supervisorsOnly(.readAuditLog): return "only supervisors and administrators read the audit log"
            case .supervisorsOnly(.moveCitizens): return "only supervisors and administrators move citizens between caseworkers"
            case .supervisorsOnly(.defineTargets): return "supervisors and administrators define targets"
            case .supervisorsOnly(.endTargets): return "supervisors and administrators end targets"
            case .supervisorsOnly(.defineTemplates): return "supervisors and administrators define plan templates"
            case .supervisorsOnly(.setTargetGroup): return "supervisors and administrators set the target group"
            case .supervisorsOnly(.addOffers): return "only supervisors and administrators add offers to the register"
            case .supervisorsOnly(.review): return "only supervisors and administrators draw and record the quarterly review"
            case .supervisorsOnly(.duplicates): return "only team leaders (supervisors) list, link and dismiss probable duplicates"
            case .supervisorsOnly(.teamFigures): return "the targets, the youth cohorts and the citizens' own assessment are the team's figures: for supervisors and administrators"
            case .adminsManageUsers(let meetings): return "administrators manage users, not \(meetings ? "meetings" : "citizens")"
            case .deactivated(let u): return "user \(u) is deactivated"
            case let .doesNotWorkOn(u, cid): return "\(u) does not work on \(cid) and may not change it"
            case let .ownFiguresOnly(u, other): return "\(u) may see their own figures only, not \(other)'s"
            case let .participantsOnly(.change, m): return "only the meeting's participants change meeting \(m)"
            case .participantsOnly(.recordOutcome, _): return "only the meeting's participants record its outcome"
            case let .participantsOnly(.add, m): return "only the meeting's participants add to meeting \(m)"
            case let .notShared(.goal, id, owner, _): return "goal \(id) belongs to the \(owner.rawValue) sector, and no consent shares it with yours"
            case let .notShared(part, id, owner, actor): return "\(part.rawValue) \(id) belongs to \(owner.rawValue), and no consent lets \(actor.rawValue) see it"
            case let .referralSector(r, sector, revokes): return "only the \(sector.rawValue) sector \(revokes ? "revokes" : "answers") referral \(r)"
            case .serverOnly(let c): return "\(c) is run by the service account on the server, not over SSH"
            case let .serverFile(c, args): return "\(c) reads \(args) on the server: not over SSH (the service account runs it)"
            case .kioskKey: return "a kiosk key opens the login screen only; log in there"
            case .notActiveUser(let u): return "\(u) is not an active user of this store"
            case let .sshKeyIsFor(u, other): return "--as \(other): this SSH key is \(u)'s, so --as may name only \(u)"
            case .headlessKeyNeeded:
                return "this SSH key opens the full-screen interface, where you log in with your password (ssh -t); headless commands over SSH need a key an administrator allowed for them (enplan key add --headless)"
            case let .responsibleOrSupervisor(u, cid): return "\(u) is not responsible for \(cid): the responsible caseworker or a team leader does this"
            case let .outsideMandate(area, units, people):
                let who = units + people
                return "a decision under \(area.rawValue) is outside your mandate: " + (who.isEmpty ? "nobody holds that mandate (ask an administrator)" : "it may be made by " + who.joined(separator: ", "))
            case let .otherUnit(u, unit): return "\(u) sees the figures of the units they lead and those below, not \(unit)'s"
            case .leadsNoUnit(let u): return "\(u) leads no unit: a team leader's figures are their unit's (ask an administrator)"
            }
        }
    }

    /// A clash with what is there: exit status 1.
    public enum Conflict: Equatable, Sendable, CustomStringConvertible {
        case spotChecked(lookup: String)
        case userExists(String)
        case targetExists(String)
        case cprRegistered(masked: String, citizen: String)
        case planExists(citizen: String)
        case booked(Scheduling.Conflict)
        case sampleDrawn(quarter: String)
        case planReviewed(citizen: String, draw: String)
        case unitExists(String)

        public var description: String {
            switch self {
            case .spotChecked(let id): return "lookup \(id) has been spot-checked already"
            case .userExists(let id): return "user \(id) exists already"
            case .targetExists(let id): return "target \(id) exists already; end it first"
            case let .cprRegistered(masked, cid): return "a citizen with CPR number \(masked) is registered already (\(cid))"
            case .planExists(let cid): return "\(cid) has a unified plan already: one plan per citizen"
            case .booked(let clash): return clash.description
            case .sampleDrawn(let q): return "the sample for \(q) is drawn already"
            case let .planReviewed(cid, draw): return "\(cid)'s plan is reviewed for \(draw) already"
            case .unitExists(let id): return "unit \(id) exists already (change it with `enplan unit set`)"
            }
        }

        public var field: RefusalField? {
            switch self {
            case .userExists: return .user
            case .unitExists: return .name
            case .targetExists: return .name
            case .cprRegistered: return .cpr
            case .booked(let c): if case .room = c.who { return .room } else { return .participants }
            case .spotChecked, .planExists, .sampleDrawn, .planReviewed: return nil
            }
        }
    }
}
