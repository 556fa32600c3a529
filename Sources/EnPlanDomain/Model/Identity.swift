/// The five departments (forvaltninger) a citizen can be in contact with. Each user belongs to one.
public enum Sector: String, CaseIterable, Sendable, Comparable {
    case employment, social, health, family, misuse

    public static func < (a: Sector, b: Sector) -> Bool { a.bit < b.bit }

    /// One bit per sector, in `allCases`' order (`Citizen.sectorMask`).
    var bit: UInt8 {
        switch self {
        case .employment: 1
        case .social: 2
        case .health: 4
        case .family: 8
        case .misuse: 16
        }
    }
}

public enum Role: String, CaseIterable, Sendable {
    case caseworker, supervisor, admin

    /// Supervisors and administrators see every citizen (without the full CPR number).
    public var seesAllCitizens: Bool { self != .caseworker }
}

public struct User: Equatable, Sendable {
    public var id: String
    public var name: String
    public var sector: Sector
    public var role: Role
    public var active: Bool
    /// How a citizen reaches this user (the citizen's plan document gives the responsible's).
    public var phone: String?
    public var email: String?

    public init(id: String, name: String, sector: Sector, role: Role, active: Bool = true, phone: String? = nil, email: String? = nil) {
        self.id = id; self.name = name; self.sector = sector; self.role = role; self.active = active
        self.phone = phone; self.email = email
    }

    /// User ids: 2-32 characters of a-z, 0-9, '.', '-' and '_', starting with a letter.
    public static func isValidID(_ id: String) -> Bool {
        guard (2...32).contains(id.utf8.count), let f = id.utf8.first, f >= 97, f <= 122 else { return false }
        return id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 95 }
    }
}
