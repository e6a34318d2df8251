import Foundation

/// The real `smartsite` program, as a staff member runs it: the one `swift
/// build` made (or SMARTSITE_BINARY), started in a project folder with no
/// terminal, its output kept in files (a pipe could fill and stall it).
public enum SmartsiteProgram {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Nil when there is no built program to run.
    public static var path: String? {
        let path = ProcessInfo.processInfo.environment["SMARTSITE_BINARY"]
            ?? packageRoot.appendingPathComponent(".build/debug/smartsite").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    public struct Running {
        public let process: Process
        public let standardOutput: URL
        public let standardError: URL
        public var said: String { read(standardOutput) + read(standardError) }
        public var printed: String { read(standardOutput) }
        public var errors: String { read(standardError) }
        private func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
    }

    public struct NotBuilt: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "no smartsite program at .build/debug/smartsite; run `swift build` first" }
    }

    /// Starts it; `environment` entries are added to this process's own.
    public static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Running {
        guard let path else { throw NotBuilt() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let tag = UUID().uuidString.prefix(8)
        let logs = FileManager.default.temporaryDirectory
        let out = logs.appendingPathComponent("smartsite-\(tag).out"), err = logs.appendingPathComponent("smartsite-\(tag).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, standardOutput: out, standardError: err)
    }

    /// Runs it to the end: its exit status and what it printed.
    public static func run(_ arguments: [String], in folder: URL,
                           environment: [String: String] = [:]) throws -> (status: Int32, printed: String, errors: String) {
        let running = try start(arguments, in: folder, environment: environment)
        running.process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: running.standardOutput)
            try? FileManager.default.removeItem(at: running.standardError)
        }
        return (running.process.terminationStatus, running.printed, running.errors)
    }
}
