/// A Danish CPR number, DDMMYY-SSSS. Digit 7 with the two-digit year gives the century.
/// Modulus 11 is never checked: numbers issued since 2007 need not pass it.
public struct CPR: Hashable, Sendable, CustomStringConvertible {
    /// Ten digits, no dash.
    public let digits: String
    public let birthDate: Day

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case format, date

        public var description: String {
            switch self {
            case .format: return "a CPR number is DDMMYY-SSSS: six digits, a dash (optional) and four digits"
            case .date: return "the CPR number's first six digits are not a real date"
            }
        }
    }

    /// The number an erased citizen's record carries in place of theirs: never put in the CPR index,
    /// so it finds nobody, and nothing of the person is left in it.
    static let nobody = try! CPR("010100-0000")

    public init(_ text: String) throws {
        var u = Array(text.utf8)
        if u.count == 11, u[6] == UInt8(ascii: "-") { u.remove(at: 6) }
        guard u.count == 10, u.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw Problem.format }
        let n = u.map { Int($0 - 48) }
        let day = n[0] * 10 + n[1], month = n[2] * 10 + n[3], yy = n[4] * 10 + n[5]
        let year = CPR.century(yy: yy, seventhDigit: n[6]) + yy
        guard let birth = Day(year: year, month: month, day: day) else { throw Problem.date }
        digits = String(decoding: u, as: UTF8.self)
        birthDate = birth
    }

    /// A number read back from the snapshot with the birth date it had when it was written (the
    /// snapshot's checksum stands for both): no parsing again.
    init(checkedDigits digits: String, birthDate: Day) {
        self.digits = digits; self.birthDate = birthDate
    }

    /// The CPR office's century table.
    static func century(yy: Int, seventhDigit d: Int) -> Int {
        switch d {
        case 0...3: return 1900
        case 4, 9: return yy <= 36 ? 2000 : 1900
        default: return yy <= 57 ? 2000 : 1800
        }
    }

    /// DDMMYY-SSSS
    public var formatted: String { String(digits.prefix(6)) + "-" + String(digits.suffix(4)) }
    /// DDMMYY-XXXX: how a CPR number appears in every list, for every role.
    public var masked: String { String(digits.prefix(6)) + "-XXXX" }
    public var isFemale: Bool { Int(String(digits.last!))! % 2 == 0 }
    public var description: String { masked }
}
