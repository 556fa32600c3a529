@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI
import Foundation
import TestSupport
import XCTest

/// The login form before the store is open: it is drawn and takes keys while the store opens on
/// its own thread; Enter waits for it with "Indlæser …"; what opening found reaches the user.
final class LoadingTests: XCTestCase {
    /// A terminal in memory that tells a waiting loader when a screen showing `cue` is presented.
    final class CueTerminal: Terminal {
        let inner = MemoryTerminal(rows: 30, cols: 110)
        let cue: String
        let seen = DispatchSemaphore(value: 0)
        private(set) var presented: [String] = []
        init(cue: String) { self.cue = cue }
        var size: (rows: Int, cols: Int) { inner.size }
        func present(_ canvas: Canvas) {
            inner.present(canvas)
            presented.append(canvas.text)
            if canvas.text.contains(cue) { seen.signal() }
        }
        func readKey(timeoutMs: Int) -> Key? { nil }
        func wipe() { inner.wipe() }
        func apply(_ theme: Theme) {}
    }

    private func options() -> App.Options {
        var o = App.Options(); o.language = .da; o.themePaths = [Harness.themesDirectory]
        return o
    }

    func testTheFormTakesKeysWhileTheStoreOpensAndEnterWaitsForIt() throws {
        let filled = try Harness()                      // a store with users and citizens on disk
        let dir = filled.dir
        let terminal = CueTerminal(cue: "Indlæser borgerne …")
        let cue = terminal.seen
        // The store opens only once "Indlæser …" is on the screen: so the form is surely up before it.
        let loader = ServiceLoader(terminal: "/dev/pts/9") {
            cue.wait()
            return .init(service: CaseService(store: try Store(directory: dir, clock: FixedClock(Harness.now)), terminal: "/dev/pts/9"))
        }
        let app = App(loading: loader, terminal: terminal, options: options())
        XCTAssertFalse(loader.isDone)
        XCTAssertTrue(app.render().text.contains("Log ind"), app.render().text)
        XCTAssertTrue(app.render().text.contains("/dev/pts/9"), "the title bar names the terminal before the store is open")
        for c in "mette" { app.handle(.char(c)) }
        app.handle(.tab)
        for c in "demo" { app.handle(.char(c)) }
        XCTAssertFalse(loader.isDone, "typing needs no store")
        app.handle(.enter)                               // draws "Indlæser …", waits, logs in
        XCTAssertTrue(terminal.presented.contains { $0.contains("Indlæser borgerne …") && $0.contains("Log ind") })
        let after = app.render().text
        XCTAssertTrue(after.contains("Søren Sørensen"), after)
        XCTAssertFalse(after.contains("Indlæser"), after)
    }

    func testAStoreWithoutUsersTurnsTheFormIntoTheFirstAdministratorsWhenOpen() throws {
        let dir = NSTemporaryDirectory() + "enplan-loading-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let release = DispatchSemaphore(value: 0)
        let loader = ServiceLoader(terminal: "t") {
            release.wait()
            return .init(service: CaseService(store: try Store(directory: dir), terminal: "t"))
        }
        let terminal = MemoryTerminal(rows: 30, cols: 110)
        let app = App(loading: loader, terminal: terminal, options: options())
        XCTAssertTrue(app.render().text.contains("Log ind"))
        release.signal()
        _ = try loader.wait()
        app.checkLoaded()
        let text = app.render().text
        XCTAssertTrue(text.contains("opret den første administrator"), text)
    }

    func testWhatOpeningRepairedReachesTheUserWhenTheStoreIsOpen() throws {
        let filled = try Harness()
        let dir = filled.dir
        // A torn last line, as a crash leaves it: opening moves it aside and says so.
        let fd = open(dir + "/" + Store.eventsFile, O_WRONLY | O_APPEND)
        _ = write(fd, "{\"v\":1,\"seq\":", 13)
        close(fd)
        let loader = ServiceLoader(terminal: "t") {
            let store = try Store(directory: dir, clock: FixedClock(Harness.now))
            return .init(service: CaseService(store: store, terminal: "t"), notices: store.repairs, repaired: store.repairs.count,
                         readOnly: store.readOnlyReason)
        }
        let app = App(loading: loader, terminal: MemoryTerminal(rows: 30, cols: 110), options: options())
        _ = try loader.wait()
        app.checkLoaded()
        let status = app.render().line(28)
        XCTAssertTrue(status.contains("En skrivning, et nedbrud afbrød, blev flyttet til side"), "in Danish: \(app.render().text)")
        XCTAssertEqual(app.startupNotice?.isEmpty, false)
        XCTAssertTrue(app.render().text.contains("Log ind"))
    }

    func testAStoreThatCannotOpenEndsTheProgramWithItsReason() throws {
        struct Refused: Error {}
        let loader = ServiceLoader(terminal: "t") { throw Refused() }
        let app = App(loading: loader, terminal: MemoryTerminal(rows: 30, cols: 110), options: options())
        for c in "mette\tdemo" { app.handle(c == "\t" ? .tab : .char(c)) }
        app.handle(.enter)
        XCTAssertFalse(app.running)
        XCTAssertTrue(app.loadError is Refused)
    }

    func testNameKeysWarmedBehindTheFormAreTheListsOwnAndTakenOnce() throws {
        let h = try Harness(nameKeys: NameKeys.warm(Harness.names.map(\.0)))
        // The loader folds the names it opened with, on its own thread, and hands them over once.
        let dir = h.dir
        let loader = ServiceLoader(terminal: "t") {
            .init(service: CaseService(store: try Store(directory: dir, clock: FixedClock(Harness.now)), terminal: "t"),
                  names: Harness.names.map(\.0) + ["Søren Sørensen"])
        }
        let warmed = try XCTUnwrap(loader.takeNameKeys())
        XCTAssertNil(loader.takeNameKeys(), "taken once: nothing is held twice")
        for (name, _) in Harness.names {
            let k = warmed.keys(name), fresh = NameKeys.compute(name)
            XCTAssertEqual([k.short, k.long, k.sort], [fresh.short, fresh.long, fresh.sort], name)
            XCTAssertGreaterThanOrEqual(k.rank, 0, "\(name) was warmed")
        }
        XCTAssertEqual(warmed.keys("Ikke på listen").rank, -1, "a name not warmed is computed when asked")
        // A list loaded from warmed keys (the harness's loader has them) sorts and finds as one loaded without them.
        h.login()
        let warmedOrder = h.listedNames
        h.press(.char("/")); h.type("sore")
        let found = h.listedNames
        let plain = try Harness()
        plain.login()
        XCTAssertEqual(warmedOrder, plain.listedNames)
        plain.press(.char("/")); plain.type("sore")
        XCTAssertEqual(found, plain.listedNames)
        XCTAssertTrue(found.contains("Søren Sørensen"), "\(found)")
    }
}
