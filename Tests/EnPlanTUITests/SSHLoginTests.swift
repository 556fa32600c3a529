@_spi(Store) import EnPlanDomain
import XCTest
import TestSupport
@testable import EnPlanTUI

/// The full-screen interface opened by an SSH key (`enplan ssh-session --user mette`).
final class SSHLoginTests: XCTestCase {
    func testTheKeysPersonIsFilledInAndOnlyTheyLogIn() throws {
        let h = try Harness(sessionUser: "mette")
        guard case .login(let screen) = h.app.phase else { return XCTFail("starts at the login") }
        XCTAssertEqual(screen.form["user"], "mette", "filled in")
        h.type("demo"); h.press(.enter)   // the cursor is in the password field
        XCTAssertTrue(h.screen.line(0).contains("Mette Kjær"), h.screen.line(0))
    }

    func testAnotherUserIsRefusedAtThatTerminal() throws {
        let h = try Harness(sessionUser: "mette")
        h.press(.backTab)   // back to the user id
        for _ in 0..<5 { h.press(.backspace) }
        h.login("karen", "demo")
        h.assertShows("Kun SSH-nøglens ejer logger ind her: mette")
        guard case .login = h.app.phase else { return XCTFail("still at the login") }
    }
}
