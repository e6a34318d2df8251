import Diagnostics
import Foundation
import TestSupport
import XCTest
@testable import Worksheets

/// How a failed Ghostscript run is worded: a full disk is said to be one
/// (with a fix about space), not sent to the PostScript hint.
final class GhostscriptFailureTests: XCTestCase {
    /// A stand-in `gs` that prints `said`, writes `pdf` to its output file and exits with `status`.
    private func fakeGhostscript(said: String, pdf: String, status: Int) throws -> (gs: String, folder: URL) {
        let folder = try Tool.temporaryDirectory("fake-gs")
        let script = folder.appendingPathComponent("gs")
        try Data("""
            #!/bin/sh
            for a in "$@"; do case "$a" in -sOutputFile=*) printf '%s' '\(pdf)' > "${a#-sOutputFile=}";; esac; done
            echo '\(said)' >&2
            exit \(status)

            """.utf8).write(to: script)
        XCTAssertEqual(chmod(script.path, 0o755), 0)
        return (script.path, folder)
    }

    private func failure(said: String, pdf: String = "", status: Int) throws -> Diagnostic {
        let (gs, folder) = try fakeGhostscript(said: said, pdf: pdf, status: status)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = testSettings
        settings.ghostscriptPath = gs
        do {
            _ = try buildWorksheet(path: contentRoot + "/worksheets/urge-log.md", paper: .letter, settings: settings)
        } catch let error as DiagnosticsError {
            return try XCTUnwrap(error.diagnostics.first)
        }
        throw XCTSkip("the fake gs did not fail")
    }

    func testAFullDiskSaysSoAndHowToFixIt() throws {
        let problem = try failure(said: "Error: /ioerror in --showpage-- : No space left on device", status: 1)
        XCTAssertTrue(problem.message.contains("the disk is full"), problem.description)
        XCTAssertTrue(problem.fix?.contains("free some space") == true, problem.description)
        XCTAssertFalse(problem.description.contains("--ps"), problem.description)
    }

    /// gs 10 exits with 0 when the disk fills as it closes the PDF, leaving it cut off.
    func testACutOffPDFAfterAnIOErrorIsAFullDisk() throws {
        let problem = try failure(said: "GPL Ghostscript 10.00.0: ERROR: ioerror (-12) on closing pdfwrite device.",
                                  pdf: "%PDF-1.7 cut off", status: 0)
        XCTAssertTrue(problem.message.contains("the disk is full"), problem.description)
    }

    func testAPostScriptErrorStillPointsAtThePostScript() throws {
        let problem = try failure(said: "Error: /undefined in --nosuchop--", status: 1)
        XCTAssertFalse(problem.message.contains("disk"), problem.description)
        XCTAssertTrue(problem.fix?.contains("--ps") == true, problem.description)
    }
}
