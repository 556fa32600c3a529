import XCTest
@_spi(Store) @testable import EnPlanDomain

final class CPRTests: XCTestCase {
    func testCenturyFromSeventhDigitAndYear() throws {
        XCTAssertEqual(try CPR("010190-1234").birthDate.components.year, 1990)      // 0-3: 1900s
        XCTAssertEqual(try CPR("010136-4234").birthDate.components.year, 2036)      // 4, 00-36: 2000s
        XCTAssertEqual(try CPR("010137-4234").birthDate.components.year, 1937)      // 4, 37-99: 1900s
        XCTAssertEqual(try CPR("010157-5234").birthDate.components.year, 2057)      // 5-8, 00-57: 2000s
        XCTAssertEqual(try CPR("010158-5234").birthDate.components.year, 1858)      // 5-8, 58-99: 1800s
        XCTAssertEqual(try CPR("010105-9234").birthDate.components.year, 2005)      // 9, 00-36: 2000s
        XCTAssertEqual(try CPR("010199-9234").birthDate.components.year, 1999)      // 9, 37-99: 1900s
    }

    func testNumbersFailingModulus11AreAccepted() throws {
        // 0101901235 fails the old modulus-11 check; numbers issued since 2007 may.
        let weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
        let digits = "0101901235".map { Int(String($0))! }
        XCTAssertNotEqual(zip(digits, weights).map(*).reduce(0, +) % 11, 0)
        XCTAssertNoThrow(try CPR("010190-1235"))
    }

    func testFormatAndDateAreChecked() {
        XCTAssertThrowsError(try CPR("0101901234x")) { XCTAssertEqual($0 as? CPR.Problem, .format) }
        XCTAssertThrowsError(try CPR("01019-1234")) { XCTAssertEqual($0 as? CPR.Problem, .format) }
        XCTAssertThrowsError(try CPR("")) { XCTAssertEqual($0 as? CPR.Problem, .format) }
        XCTAssertThrowsError(try CPR("320190-1234")) { XCTAssertEqual($0 as? CPR.Problem, .date) }
        XCTAssertThrowsError(try CPR("290290-1234")) { XCTAssertEqual($0 as? CPR.Problem, .date) }   // 1990 is no leap year
        XCTAssertNoThrow(try CPR("290200-4234"))                                                    // 2000 is
    }

    func testMaskingAndSex() throws {
        let c = try CPR("0101901234")
        XCTAssertEqual(c.formatted, "010190-1234")
        XCTAssertEqual(c.masked, "010190-XXXX")
        XCTAssertTrue(c.isFemale)
        XCTAssertFalse(try CPR("010190-1235").isFemale)
    }

    func testTargetGroupFromAge() throws {
        let today = Day(year: 2026, month: 11, day: 23)!
        let youth = try CPR("241196-1234")   // turns 30 tomorrow
        XCTAssertEqual(youth.birthDate.years(until: today), 29)
        XCTAssertEqual(TargetGroup(age: 29), .youth)
        XCTAssertEqual(TargetGroup(age: 30), .adult)
        XCTAssertEqual(TargetGroup(age: 14), .child)
    }
}
