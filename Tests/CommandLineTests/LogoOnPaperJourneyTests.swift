import Foundation
import Testing
import TestSupport

/// Journey: a center sets its own logo in site.yaml, builds, and prints a
/// worksheet, the workbook and the meetings flyer; each sheet carries that
/// logo at its top, not smartsite's mark. Through the real program,
/// libvips, Ghostscript and poppler.
@Suite(.serialized) struct LogoOnPaperJourneyTests {
    let folder: URL
    var site: URL { folder.appendingPathComponent("center") }
    var output: URL { site.appendingPathComponent("output") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-logo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try SmartsiteProgram.run(["new", "site", "center", "--name", "Sunrise Recovery Center",
                                             "--phone", "(760) 555-1234", "--base-url", "https://sunrise.example.net/"],
                                            in: folder)
        #expect(made.status == 0, "\(made.errors)")
    }

    func build() throws -> (status: Int32, printed: String, errors: String) {
        try SmartsiteProgram.run(["build"], in: site, environment: ["COLUMNS": "200"])
    }

    /// A pure red logo, twice as wide as it is high: no other colour on a sheet is red.
    func makeRedLogo() throws {
        let images = site.appendingPathComponent("content/images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let black = images.appendingPathComponent("black.v").path
        defer { try? FileManager.default.removeItem(atPath: black) }
        for arguments in [["black", black, "200", "100", "--bands", "3"],
                          ["linear", black, images.appendingPathComponent("logo.png").path, "1 1 1", "255 0 0", "--uchar"]] {
            let made = try Tool.run("vips", package: "libvips-tools", arguments)
            #expect(made.status == 0, "\(made.stderr)")
        }
        let settings = site.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try Data(("logo: images/logo.png\n" + text).utf8).write(to: settings)
    }

    /// The first page at 36 dpi, as rows of (red, green, blue).
    func firstPage(_ pdf: URL) throws -> PixelMap {
        let image = folder.appendingPathComponent("page-\(UUID().uuidString.prefix(6))").path
        let render = try Tool.run("pdftoppm", package: "poppler-utils", ["-r", "36", "-f", "1", "-l", "1", "-singlefile", pdf.path, image])
        #expect(render.status == 0, "\(render.stderr)")
        return try #require(PixelMap(ppm: try Data(contentsOf: URL(fileURLWithPath: image + ".ppm"))))
    }

    /// The images in the PDF, as pdfimages lists them: (page, object number, width, height).
    func images(_ pdf: URL) throws -> [(page: Int, object: Int, width: Int, height: Int)] {
        let listed = try Tool.run("pdfimages", package: "poppler-utils", ["-list", pdf.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        return listed.text.split(separator: "\n").dropFirst(2).compactMap { line in
            let columns = line.split(separator: " ")
            guard columns.count > 10, let page = Int(columns[0]), let width = Int(columns[3]), let height = Int(columns[4]),
                  let object = Int(columns[10]) else { return nil }
            return (page, object, width, height)
        }
    }

    @Test func theCentersOwnLogoIsOnEverySheetItPrints() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Before: the starter's sheets carry smartsite's own mark, the site header's.
        var built = try build()
        #expect(built.status == 0, "\(built.errors)")
        let worksheet = output.appendingPathComponent("worksheets/urge-log-letter.pdf")
        #expect(try images(worksheet).map { [$0.width, $0.height] } == [[160, 160]], "the starter mark on page 1 only")
        #expect(try firstPage(worksheet).count { $0.isRed } == 0)

        try makeRedLogo()
        built = try build()
        #expect(built.status == 0, "\(built.errors)")
        let sheets = ["worksheets/urge-log-letter.pdf", "worksheets/urge-log-large-a4.pdf", "worksheets/workbook-a4.pdf",
                      "meetings/flyer-letter.pdf"].map { output.appendingPathComponent($0) }
        for pdf in sheets {
            let page = try firstPage(pdf)
            let red = page.points { $0.isRed }
            #expect(!red.isEmpty, "no logo on \(pdf.lastPathComponent)")
            // In the top quarter and the left half: beside the name, clear of the QR code.
            #expect(red.allSatisfy { $0.y < page.height / 4 || pdf.lastPathComponent.hasPrefix("workbook") },
                    "\(pdf.lastPathComponent): the logo is not at the top")
            #expect(red.allSatisfy { $0.x < page.width / 2 }, "\(pdf.lastPathComponent): the logo is not on the left")
            // Drawn in proportion: twice as wide as high (give or take the edge pixels at 36 dpi).
            if let xs = red.map(\.x).minMax, let ys = red.map(\.y).minMax {
                let ratio = Double(xs.max - xs.min + 1) / Double(ys.max - ys.min + 1)
                #expect(ratio > 1.6 && ratio < 2.5, "\(pdf.lastPathComponent): the logo is drawn \(ratio) times as wide as high")
            }
        }
        // The workbook keeps one copy of the pixels however many pages show it.
        let workbook = try images(output.appendingPathComponent("worksheets/workbook-letter.pdf"))
        #expect(workbook.count > 5, "the cover and every worksheet's first page show the logo")
        #expect(Set(workbook.map(\.object)).count == 1, "one image object, drawn on every page: \(workbook)")
        #expect(workbook.allSatisfy { $0.width == 320 && $0.height == 160 }, "\(workbook)")
    }

    @Test func aLogoThatIsNotAnImageStopsTheBuildAtItsLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try build().status == 0)
        let before = try Data(contentsOf: output.appendingPathComponent("worksheets/urge-log-letter.pdf"))
        let images = site.appendingPathComponent("content/images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try Data("not a picture".utf8).write(to: images.appendingPathComponent("logo.png"))
        let settings = site.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try Data(("logo: images/logo.png\n" + text).utf8).write(to: settings)
        let built = try build()
        #expect(built.status != 0)
        #expect(built.errors.contains("content/site.yaml:1:7: error:"), "\(built.errors)")
        #expect(try Data(contentsOf: output.appendingPathComponent("worksheets/urge-log-letter.pdf")) == before,
                "a failed build leaves the printed sheets as they were")
    }
}

/// A rendered page's pixels (a binary PPM from pdftoppm).
struct PixelMap {
    let width: Int
    let height: Int
    private let bytes: [UInt8]
    private let start: Int

    struct Pixel {
        let red: UInt8, green: UInt8, blue: UInt8
        /// Strongly red: the test logo, anti-aliased edges included.
        var isRed: Bool { red > 180 && green < 90 && blue < 90 }
    }

    /// Nil unless it is a `P6` file with 255 as its largest value.
    init?(ppm: Data) {
        let bytes = [UInt8](ppm)
        var fields: [Int] = []
        var index = 2
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "6") else { return nil }
        while fields.count < 3 && index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
            var number = 0
            var digits = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                number = number * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            fields.append(number)
        }
        index += 1  // the one whitespace byte after the largest value
        guard fields.count == 3, fields[2] == 255, bytes.count >= index + fields[0] * fields[1] * 3 else { return nil }
        (width, height, self.bytes, start) = (fields[0], fields[1], bytes, index)
    }

    func points(where test: (Pixel) -> Bool) -> [(x: Int, y: Int)] {
        var found: [(x: Int, y: Int)] = []
        for y in 0..<height {
            for x in 0..<width {
                let at = start + (y * width + x) * 3
                if test(Pixel(red: bytes[at], green: bytes[at + 1], blue: bytes[at + 2])) { found.append((x, y)) }
            }
        }
        return found
    }

    func count(where test: (Pixel) -> Bool) -> Int { points(where: test).count }
}

extension Array where Element == Int {
    var minMax: (min: Int, max: Int)? {
        guard let low = self.min(), let high = self.max() else { return nil }
        return (low, high)
    }
}
