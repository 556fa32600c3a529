import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Issue 24: every figure's cell and the list behind it count the same thing. A test walks every
/// cell of every section of the demo's figures (all periods a supervisor picks from).
final class FigureListTests: XCTestCase {
    func testEveryCellCountsWhatItsListHolds() throws {
        let f = try Fixture(seedUsers: false)
        var options = DemoData.Options()
        options.citizens = 120; options.seed = 7
        _ = try DemoData.fill(f.service, options: options)
        var checked = 0, unitCells = 0, mismatches: [String] = []
        // The director (all), an area leader and a team leader (their units' citizens only: issue 27).
        for (section, viewer) in FigureSection.allCases.flatMap({ s in ["karen", "bjarne", "lene"].map { (s, $0) } }) {
            let table = try f.service.figures(section, filter: FigureFilter(period: Period.named(.thisQuarter, today: f.today)), as: viewer, logged: false)
            for row in table.rows {
                // The caseload's "by unit" rows (issue 27): each cell's list is its caseworkers' lists together.
                let unitMembers: Set<String>? = row.key.hasPrefix("unit:")
                    ? Set(f.service.organisation.members(of: f.service.organisation.subtree(of: String(row.key.dropFirst(5))), on: f.today).map { "user:" + $0 })
                    : nil
                for (i, cell) in row.cells.enumerated() {
                    guard let ids = cell.citizens else { continue }
                    checked += 1
                    if let unitMembers {
                        unitCells += 1
                        let theirs = table.rows.filter { unitMembers.contains($0.key) }.flatMap { $0.cells[i].citizens ?? [] }
                        if Set(theirs) != Set(ids) || theirs.count != ids.count { mismatches.append("\(section).\(row.key).\(table.columns[i].key): not its caseworkers' sum") }
                    }
                    let counted: Int
                    switch cell.value {
                    case .count(let n): counted = n
                    case .share(let n, _): counted = n
                    default: continue
                    }
                    let distinct = Set(ids).count
                    if cell.unit == .citizens {
                        if counted != ids.count || distinct != ids.count { mismatches.append("\(section).\(row.key).\(table.columns[i].key): \(counted) vs \(ids.count) listed") }
                    } else {
                        // Counting follow-ups, contacts or meetings: the list holds each one's citizen once, and says both numbers.
                        if distinct != ids.count || distinct > counted { mismatches.append("\(section).\(row.key).\(table.columns[i].key): \(counted) \(cell.unit) at \(ids.count) citizens") }
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 150, "the walk reached the cells")
        XCTAssertGreaterThan(unitCells, 50, "the walk reached the caseload's unit rows")
        XCTAssertEqual(mismatches, [], "\(mismatches.count) of \(checked) cells")
    }
}
