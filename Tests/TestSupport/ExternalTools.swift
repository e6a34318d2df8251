import Foundation
import XCTest

/// Shared by the PostScript and Worksheets tests. Runs the real tools the PostScript must satisfy (gs, qpdf, poppler). A
/// missing tool fails the test with what to install: these checks are the
/// point of the tests, so they never skip silently. `make test` installs them.
/// Thrown (after recording a failure) when a tool is missing: the test fails, never skips.
public struct MissingTool: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public enum Tool {
    public struct Result {
        public var status: Int32
        public var stdout: Data
        public var stderr: String
        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    public static func path(_ name: String, package: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let message = "`\(name)` is not installed; install the Debian package `\(package)` (apt-get install \(package)), or run `make test`"
        XCTFail(message, file: file, line: line)
        throw MissingTool(message: message)
    }

    @discardableResult
    public static func run(_ name: String, package: String, _ arguments: [String], stdin: Data? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let executable = try path(name, package: package, file: file, line: line)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            try input.fileHandleForWriting.write(contentsOf: stdin)
            try input.fileHandleForWriting.close()
        }
        // Read both pipes while the tool runs so a chatty tool cannot block.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    public static func gs(_ arguments: [String], stdin: Data? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        try run("gs", package: "ghostscript", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE"] + arguments, stdin: stdin, file: file, line: line)
    }

    public static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
