import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The figures' one-pass shortcuts against the plain many-pass definitions they replaced, on the
/// demo data (with reassignments, so that responsible histories have several spans).
final class FigureFastPathTests: XCTestCase {
    func scope(_ f: Fixture) throws -> FigureScope {
        let viewer = try f.service.user(f.service.state.users.first { $0.role == .supervisor }!.id)
        return FigureScope(state: f.service.state, viewer: viewer, filter: FigureFilter(period: Period.named(.thisQuarter, today: f.today)),
                           settings: FigureSettings(), today: f.today, asOf: Fixture.now)
    }

    func demo() throws -> Fixture {
        let f = try Fixture(seedUsers: false)
        var options = DemoData.Options(); options.citizens = 120
        _ = try DemoData.fill(f.service, options: options)
        return f
    }

    func testCaseloadWeeksInOnePassEqualTwelvePasses() throws {
        let f = try demo()
        let s = try scope(f)
        for sector in [nil] + Sector.allCases.map(Optional.some) {
            var expected: [Int] = []
            for end in CaseloadFigures.weekEnds(s.today) {
                var n: [String: Int] = [:]
                for c in s.state.citizens.values where c.facts.registered <= end {
                    if let who = c.facts.responsible(on: end), s.isActiveCaseworker(who), sector == nil || s.state.user(who)?.sector == sector {
                        n[who, default: 0] += 1
                    }
                }
                expected.append(n.values.max() ?? 0)
            }
            XCTAssertEqual(TargetFigures.caseloadWeeks(s, sector: sector), expected, "\(String(describing: sector))")
        }
    }

    func testContactsPerQuarterInOnePassEqualOnePassAQuarter() throws {
        let f = try demo()
        let s = try scope(f)
        var q = Period.quarter(of: s.today), quarters: [Period] = []
        for _ in 0..<4 { quarters.append(q); q = Period.quarter(of: q.from + -1) }
        for sector in [nil] + Sector.allCases.map(Optional.some) {
            let fast = ContactFigures.perCitizen(s, quarters: quarters, sector: sector)
            for (k, q) in quarters.enumerated() {
                var contacts = 0, citizens = 0
                let to = min(q.to, s.today)
                for c in s.state.citizens.values where (sector == nil || c.sectors.contains(sector!)) && c.facts.registered <= to {
                    citizens += 1
                    for contact in c.contacts { let d = contact.at.copenhagenDay; if d >= q.from && d <= to { contacts += 1 } }
                }
                XCTAssertEqual(fast[k].contacts, contacts); XCTAssertEqual(fast[k].citizens, citizens)
            }
        }
    }

    func testSectorsAndIdOrderAsBefore() throws {
        let f = try demo()
        for c in f.service.state.citizens.values {
            var set = Set(c.registeredSectors)
            if let plan = c.plan {
                for e in plan.efforts where e.status != .cancelled { set.insert(e.sector) }
                for r in plan.referrals where r.status == .requested || r.status == .accepted { set.insert(r.to) }
            }
            XCTAssertEqual(c.sectors, set.sorted { Sector.allCases.firstIndex(of: $0)! < Sector.allCases.firstIndex(of: $1)! })
        }
        for id in ["c1", "c42", "c", "", "x+5", "c-3", "cø12", "øc12", "c0012", "c99999999999999999999", "k7a", "c 4"] {
            XCTAssertEqual(FigureScope.number(id), Int(id.dropFirst()), id)
        }
    }

    func testCopenhagenDayFromTheTableAsWorkedOut() {
        for year in [1950, 1996, 2026, 2199] {
            let (start, end) = Timestamp.summerTime(year)
            XCTAssertTrue(Timestamp.summerTimes[year - Timestamp.summerFirstYear] == (start, end))
        }
    }
}
