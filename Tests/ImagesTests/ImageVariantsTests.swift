import DerivedFiles
import Diagnostics
import Foundation
@testable import Images
import Testing
import TestSupport

/// libvips for real: photos made with the vips command and tagged by
/// exiftool as a phone tags them, resized, and the copies read back.
@Suite struct ImageVariantsTests {
    let folder: URL

    init() throws { folder = try Tool.temporaryDirectory("images") }

    /// The problem `body` throws, or nil when it throws none.
    func problem(_ body: () throws(ImageProblem) -> Void) -> ImageProblem? {
        do throws(ImageProblem) { try body() } catch { return error }
        return nil
    }

    func photo(_ name: String, width: Int, height: Int) throws -> ImageFile {
        let url = folder.appendingPathComponent(name)
        try TestPhotos.make(url, width: width, height: height)
        return try ImageFile.read(url, path: "images/" + name)
    }

    @Test func widthsAreMadeInWebPAndTheOriginalFormatNeverWider() throws {
        let file = try photo("room.jpg", width: 1200, height: 900)
        #expect(file.format == .jpeg && file.width == 1200 && file.height == 900)
        let image = try ImageVariants.make(file, path: "images/room.jpg", cache: .empty)
        #expect(image.copies(in: .webp).map(\.width) == [480, 960, 1200])
        #expect(image.copies(in: .jpeg).map(\.width) == [480, 960, 1200])
        #expect(image.copies(in: .jpeg).map(\.height) == [360, 720, 900])
        for copy in image.copies {
            let read = try ImageFile.checked(copy.bytes, path: copy.path)
            #expect(read.format == copy.format, "\(copy.path)")
            #expect(read.width == copy.width && read.height == copy.height, "\(copy.path)")
        }
        #expect(image.copies.allSatisfy { $0.path.hasPrefix("images/room.") })
        #expect(image.largest?.width == 1200)
    }

    @Test func noCopyKeepsWhereOrByWhomThePhotoWasTaken() throws {
        let url = folder.appendingPathComponent("gps.jpg")
        try TestPhotos.make(url, width: 2000, height: 1500)
        // The test photo really carries what must not be published.
        #expect(!TestPhotos.revealing(try TestPhotos.metadata(url)).isEmpty)
        let image = try ImageVariants.make(try ImageFile.read(url, path: "images/gps.jpg"), path: "images/gps.jpg", cache: .empty)
        #expect(image.copies.count == 8)
        for copy in image.copies {
            let written = folder.appendingPathComponent("out-" + (copy.path as NSString).lastPathComponent)
            try copy.bytes.write(to: written)
            let tags = try TestPhotos.metadata(written)
            #expect(TestPhotos.revealing(tags).isEmpty, "\(copy.path) still says: \(TestPhotos.revealing(tags))")
        }
    }

    @Test func pngStaysPngAndGetsWebP() throws {
        let url = folder.appendingPathComponent("chart.png")
        try TestPhotos.make(url, width: 600, height: 400, gps: false)
        let image = try ImageVariants.make(try ImageFile.read(url, path: "images/chart.png"), path: "images/chart.png", cache: .empty)
        #expect(image.copies(in: .png).map(\.width) == [480, 600])
        #expect(image.copies(in: .webp).map(\.width) == [480, 600])
    }

    @Test func theLastBuildsCopiesAreReusedWhenThePhotoIsTheSame() throws {
        let file = try photo("same.jpg", width: 1000, height: 800)
        let first = try ImageVariants.make(file, path: "images/same.jpg", cache: .empty)
        #expect(!first.reused)
        let previous = Dictionary(uniqueKeysWithValues: first.copies.map { ($0.path, $0.bytes) })
        let second = try ImageVariants.make(file, path: "images/same.jpg", cache: .files(previous))
        #expect(second.reused)
        #expect(second.copies.map(\.path) == first.copies.map(\.path))
        #expect(second.copies.map(\.bytes) == first.copies.map(\.bytes))
        // A changed photo has other names, so nothing of the old one is taken.
        let changed = try photo("same.jpg", width: 1000, height: 800)
        let third = try ImageVariants.make(changed, path: "images/same.jpg", cache: .files(previous))
        #expect(!third.reused)
        #expect(Set(third.copies.map(\.path)).isDisjoint(with: previous.keys))
    }

    @Test func aTruncatedPhotoIsAnErrorSayingItIsCutShort() throws {
        let url = folder.appendingPathComponent("cut.jpg")
        try TestPhotos.make(url, width: 800, height: 600)
        let bytes = try Data(contentsOf: url)
        let cut = bytes.prefix(bytes.count / 2)
        // The header is intact, so the problem shows when the pixels are read.
        let file = try ImageFile.checked(Data(cut), path: "images/cut.jpg")
        let cutShort = problem { () throws(ImageProblem) in _ = try ImageVariants.make(file, path: "images/cut.jpg", cache: .empty) }
        #expect(cutShort?.message.contains("cut short") == true, "\(String(describing: cutShort))")
    }

    @Test func aTextFileNamedJpgIsNotAnImage() throws {
        #expect(throws: ImageProblem("the file is named .jpg but is not an image (it holds text)", fix: ImageProblem.replaceFix)) {
            try ImageFile.checked(Data("Our meeting room, photo to follow\n".utf8), path: "images/room.jpg")
        }
    }

    @Test func aPngNamedJpgSaysWhatItIs() throws {
        let url = folder.appendingPathComponent("real.png")
        try TestPhotos.make(url, width: 50, height: 50, gps: false)
        let bytes = try Data(contentsOf: url)
        let misnamed = problem { () throws(ImageProblem) in _ = try ImageFile.checked(bytes, path: "images/photo.jpg") }
        #expect(misnamed?.message == "the file is named .jpg but is a PNG image")
        #expect(misnamed?.fix.contains(".png") == true)
    }

    @Test func a20000PixelPhotoGivesBoundedCopies() throws {
        let url = folder.appendingPathComponent("huge.jpg")
        try TestPhotos.plain(url, width: 20_000, height: 12_000)
        let file = try ImageFile.read(url, path: "images/huge.jpg")
        #expect(file.width == 20_000)
        let image = try ImageVariants.make(file, path: "images/huge.jpg", cache: .empty)
        #expect(image.copies(in: .jpeg).map(\.width) == [480, 960, 1600, ImageVariants.largestWidth])
        #expect(image.largest?.height == 1440)
    }

    @Test func pastThePixelLimitIsAnErrorNamingTheLimit() throws {
        let url = folder.appendingPathComponent("wide.png")
        try TestPhotos.plain(url, width: 3000, height: 2000)
        let limits = ImageFile.Limits(largestFileBytes: 100_000_000, largestPixels: 5_000_000)
        let tooLarge = problem { () throws(ImageProblem) in _ = try ImageFile.read(url, path: "images/wide.png", limits: limits) }
        #expect(tooLarge?.message == "the image is 3000 × 2000 pixels (6 megapixels), over the limit of 5 megapixels")
    }

    @Test func pastTheFileSizeLimitIsAnErrorWithBothSizes() throws {
        let url = folder.appendingPathComponent("big.jpg")
        try TestPhotos.make(url, width: 400, height: 300, gps: false)
        let size = try Data(contentsOf: url).count
        let tooBig = problem { () throws(ImageProblem) in _ = try ImageFile.read(url, path: "images/big.jpg", limits: .init(largestFileBytes: 1000, largestPixels: 500_000_000)) }
        #expect(tooBig?.message == "the image is \(ByteCount.describe(size)), over the limit of 1,000 bytes")
    }
}
