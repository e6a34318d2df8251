import Foundation
import PostScript
import QRCode
import TestSupport
import XCTest

/// QR codes from libqrencode, drawn as vector paths and read back by zbar
/// from Ghostscript's rendering: what a phone does with a printed sheet.
final class QRCodeTests: XCTestCase {
    private func drawnAndDecoded(_ text: String, module: Double, dpi: Int = 150) throws -> String {
        let code = try XCTUnwrap(QRCode(text))
        var document = PostScriptDocument(info: DocumentInfo(title: "QR"), pageSize: PageSize(width: 200, height: 200, name: "Square"))
        document.addPage { page in page.qrCode(code, x: 10, top: 190, module: module) }
        let folder = try Tool.temporaryDirectory("qr")
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("qr.png").path
        let run = try Tool.gs(["-sDEVICE=pnggray", "-r\(dpi)", "-sOutputFile=\(png)", "-"], stdin: Data(document.render().utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        let read = try Tool.run("zbarimg", package: "zbar-tools", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", png])
        XCTAssertEqual(read.status, 0, "zbarimg found no QR code: \(read.stderr)")
        return String(read.text.dropLast())  // zbarimg ends the data with a newline
    }

    func testAnAddressReadsBackExactly() throws {
        for address in ["https://guide.example.org/worksheets/urge-log/", "http://localhost:8000/worksheets/x/?a=b&c=(d)#top"] {
            XCTAssertEqual(try drawnAndDecoded(address, module: 1.5), address)
        }
    }

    func testAccentsAndLongTextReadBack() throws {
        let text = "Hoja de trabajo: registro de impulsos — señales ¿qué? " + String(repeating: "x", count: 300)
        XCTAssertEqual(try drawnAndDecoded(text, module: 1.2, dpi: 300), text)
    }

    func testMediumErrorCorrectionAndSize() throws {
        // 62 bytes fit version 4 at level M (33 modules), 63 need version 5.
        XCTAssertEqual(QRCode(String(repeating: "a", count: 62))?.size, 33)
        XCTAssertEqual(QRCode(String(repeating: "a", count: 63))?.size, 37)
        XCTAssertEqual(QRCode(String(repeating: "a", count: 70), errorCorrection: .low)?.size, 33, "level L holds more")
        XCTAssertEqual(QRCode(String(repeating: "a", count: 70))?.size, 37)
    }

    func testNothingOrTooMuchIsNoCode() {
        XCTAssertNil(QRCode(""))
        XCTAssertNil(QRCode(String(repeating: "a", count: 5000)))
    }

    func testTheDrawingIsOneFilledPathOfVectorRectangles() throws {
        let code = try XCTUnwrap(QRCode("https://a.org/"))
        var document = PostScriptDocument(info: DocumentInfo(title: "QR"), pageSize: .letter)
        document.addPage { page in page.qrCode(code, x: 100, top: 700, module: 1.5) }
        let ps = document.render()
        XCTAssertEqual(ps.components(separatedBy: "closepath").count - 1, code.darkRuns.count)
        XCTAssertFalse(ps.contains("image"), "vector paths, not a bitmap")
    }
}
