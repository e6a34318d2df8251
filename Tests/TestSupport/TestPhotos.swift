import Foundation

/// Photos for the image tests, made with the real tools a phone's photo
/// would meet: the `vips` command draws one, exiftool writes the EXIF a
/// phone writes (where it was taken, who took it), and reads back what a
/// published file still says.
public enum TestPhotos {
    /// Where the test photo was "taken": a place that must never be published.
    public static let latitude = "40.7128"

    /// A noisy (so not trivially small) `width`×`height` photo at `url`,
    /// in the format its name ends in, with GPS and the photographer's name.
    public static func make(_ url: URL, width: Int, height: Int, gps: Bool = true) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scratch = folder.appendingPathComponent(".noise-\(UUID().uuidString.prefix(8))")
        defer {
            for suffix in ["n.v", "rgb.v", "rgb8.v"] { try? FileManager.default.removeItem(atPath: scratch.path + suffix) }
        }
        try vips(["gaussnoise", scratch.path + "n.v", "\(width)", "\(height)", "--mean", "128", "--sigma", "50"])
        try vips(["bandjoin", "\(scratch.path)n.v \(scratch.path)n.v \(scratch.path)n.v", scratch.path + "rgb.v"])
        try vips(["cast", scratch.path + "rgb.v", scratch.path + "rgb8.v", "uchar"])
        try vips(["copy", scratch.path + "rgb8.v", url.path, "--interpretation", "srgb"])
        if gps { try addPhoneMetadata(url) }
    }

    /// A plain (black) image: large sizes in little time and disk.
    public static func plain(_ url: URL, width: Int, height: Int) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try vips(["black", url.path, "\(width)", "\(height)", "--bands", "3"])
    }

    /// GPS position, camera, photographer and a comment, as a phone writes them.
    public static func addPhoneMetadata(_ url: URL) throws {
        let result = try Tool.run("exiftool", package: "libimage-exiftool-perl", [
            "-q", "-overwrite_original",
            "-GPSLatitude=\(latitude)", "-GPSLatitudeRef=N", "-GPSLongitude=74.0060", "-GPSLongitudeRef=W",
            "-Artist=Jane Staff", "-Make=PhoneMaker", "-Model=Phone 12", "-XMP-dc:Creator=Jane Staff",
            "-Comment=taken at the treatment center", url.path,
        ])
        if result.status != 0 { throw ToolFailed(message: "exiftool: \(result.stderr)") }
    }

    /// Every tag exiftool finds, as `Group:Name: value` lines.
    public static func metadata(_ url: URL) throws -> String {
        try Tool.run("exiftool", package: "libimage-exiftool-perl", ["-a", "-G1", "-s", url.path]).text
    }

    /// What in `metadata` would tell where or by whom a photo was taken.
    public static func revealing(_ metadata: String) -> [String] {
        metadata.split(separator: "\n").map(String.init).filter { line in
            line.contains("GPS") || line.contains("Jane Staff") || line.contains(latitude) || line.contains("40 deg")
                || line.contains("PhoneMaker") || line.contains("treatment center")
        }
    }

    static func vips(_ arguments: [String]) throws {
        let result = try Tool.run("vips", package: "libvips-tools", arguments)
        if result.status != 0 { throw ToolFailed(message: "vips \(arguments.first ?? ""): \(result.stderr)") }
    }

    public struct ToolFailed: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
