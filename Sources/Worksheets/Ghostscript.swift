import Diagnostics
import Foundation

/// Distils PostScript to PDF with the `gs` program (never libgs: a crash or
/// a licence question stays in another process).
///
/// Ghostscript's start-up is most of its cost, so one process makes many
/// PDFs, switching OutputFile with setpagedevice between documents, and two
/// processes run at a time (one per core). Which documents share a process is
/// fixed (see DistillingGroups): pdfwrite's output depends on what the same
/// process distilled before it (resource and object order follow internal
/// ids), so a PDF's bytes are the same only if its process always gets the
/// same documents in the same order.
struct Ghostscript: Sendable {
    let executable: String

    /// The arguments every run uses; part of the cache key, since they shape
    /// the PDF (and gs writes them into it as a comment).
    static let arguments = ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite",
                            "-dCompatibilityLevel=1.7", "-dAutoRotatePages=/None"]

    static let missingDiagnostic = Diagnostic.warning(
        "content/worksheets", "the worksheet PDFs were not made: Ghostscript (`gs`) is not installed",
        fix: "install the Debian package `ghostscript` (apt-get install ghostscript), or build with --no-worksheets")

    /// `gs` on the PATH, or the given path if it is executable.
    static func locate(_ explicit: String? = nil) -> Ghostscript? {
        if let explicit { return FileManager.default.isExecutableFile(atPath: explicit) ? Ghostscript(executable: explicit) : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/gs"
            if FileManager.default.isExecutableFile(atPath: candidate) { return Ghostscript(executable: candidate) }
        }
        return nil
    }

    struct Document: Sendable {
        var postScript: String
        var output: URL
        /// Seeds the XMP document id and the trailer /ID, which gs would
        /// otherwise make from the clock.
        var identity: String
        /// Names the document in gs's log, to tell which one failed.
        var label: String
    }

    struct Failure: Error, Sendable {
        var message: String
        /// The document gs was distilling when it failed, if known.
        var label: String?
        /// gs made every PDF but said something worth passing on.
        var isWarning = false
        /// The disk filled up: gs says so only as an "ioerror" (and may even
        /// exit with 0, leaving a cut-off PDF), which is no PostScript error.
        var diskFull = false
    }

    /// Runs one gs process for `documents` (in order). Returns nil on
    /// success, or what gs said.
    func distil(_ documents: [Document], scratch: URL) -> Failure? {
        guard let first = documents.first else { return nil }
        var driver = ""
        for (i, document) in documents.enumerated() {
            if i > 0 { driver += "\n<< /OutputFile \(Self.psString(document.output.path)) >> setpagedevice\n" }
            driver += "\(Self.psString(Self.marker + document.label + "\n")) print flush\n"
            driver += document.postScript
            // Device parameters apply when the file is closed, i.e. at the next switch.
            let uuid = Self.uuid(document.identity)
            driver += "\n<< /DocumentUUID \(Self.psString(uuid)) /InstanceUUID \(Self.psString(uuid)) >> setpagedevice\n"
        }
        let driverURL = scratch.appendingPathComponent(".gs-\(first.identity.prefix(16)).ps")
        defer { try? FileManager.default.removeItem(at: driverURL) }
        do {
            try Data(driver.utf8).write(to: driverURL)
        } catch {
            return Failure(message: "cannot write \(driverURL.path): \(SystemError.text(error))",
                           diskFull: Self.diskIsFull(at: scratch, gsSaid: ""))
        }
        let directories = Set(documents.map { $0.output.deletingLastPathComponent().path })
        var arguments = Self.arguments + ["-sOutputFile=\(first.output.path)"]
        arguments += directories.sorted().map { "--permit-file-write=\($0)/" }
        arguments.append(driverURL.path)

        let process = Process()
        let command = GhostscriptProcesses.command(executable, arguments)
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        process.standardInput = FileHandle.nullDevice
        let outputURL = scratch.appendingPathComponent(".gs-\(first.identity.prefix(16)).log")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil),
              let log = try? FileHandle(forWritingTo: outputURL) else {
            return Failure(message: "cannot write \(outputURL.path)")
        }
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            return Failure(message: "cannot run \(executable): \(SystemError.text(error))")
        }
        GhostscriptProcesses.started(process.processIdentifier)
        process.waitUntilExit()
        GhostscriptProcesses.ended(process.processIdentifier)
        try? log.close()
        let said = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        guard var failure = check(documents, gsSaid: said, status: process.terminationStatus) else { return nil }
        if !failure.isWarning { failure.diskFull = Self.diskIsFull(at: scratch, gsSaid: said) }
        return failure
    }

    /// What went wrong after gs ended, if anything: its exit status, PDFs
    /// that are missing or cut off, or remarks worth a warning.
    private func check(_ documents: [Document], gsSaid said: String, status: Int32) -> Failure? {
        let lines = said.split(separator: "\n")
        let current = lines.last { $0.hasPrefix(Self.marker) }.map { String($0.dropFirst(Self.marker.count)) }
        let problems = lines.filter { !$0.hasPrefix(Self.marker) }
        guard status == 0 else {
            let excerpt = problems.prefix(6).joined(separator: " | ")
            return Failure(message: "gs exited with status \(status)"
                               + (current.map { " while making \($0)" } ?? "") + ": \(excerpt)", label: current)
        }
        for document in documents {
            guard let data = try? Data(contentsOf: document.output), data.starts(with: Array("%PDF-".utf8)) else {
                return Failure(message: "gs made no PDF at \(document.output.lastPathComponent)", label: document.label)
            }
            guard let fixed = Self.replacingID(in: data, with: document.identity) else {
                return Failure(message: "the PDF gs made for \(document.label) has no trailer /ID to make reproducible", label: document.label)
            }
            do { try fixed.write(to: document.output) } catch {
                return Failure(message: "cannot write \(document.output.path): \(SystemError.text(error))", label: document.label)
            }
        }
        let remarks = problems.filter { !Self.isKnownFalseAlarm($0) }
        return remarks.isEmpty ? nil : Failure(message: remarks.prefix(3).joined(separator: " | "), label: current, isWarning: true)
    }

    /// True when gs (or writing its files) failed for want of disk space:
    /// the words of ENOSPC or gs's "ioerror ... on closing" the file, or less than
    /// a megabyte left where the PDFs go.
    static func diskIsFull(at folder: URL, gsSaid said: String) -> Bool {
        if said.contains(SystemError.text(ENOSPC)) || (said.contains("ioerror") && said.contains("closing")) { return true }
        var space = statvfs()
        guard statvfs(folder.path, &space) == 0 else { return false }
        return UInt64(space.f_bavail) * UInt64(space.f_frsize) < 1_000_000
    }

    /// gs 10 keeps a bookmark's page number across an OutputFile switch and
    /// complains at the close of the next, shorter document; that document's
    /// PDF is right (its outline is its own; the tests check it).
    static func isKnownFalseAlarm(_ line: Substring) -> Bool {
        line.contains("A pdfmark destination page") && line.contains("points beyond the last page")
    }

    /// Runs several process jobs, two at a time on the machine's cores.
    func distil(jobs: [[Document]], scratch: URL) -> [Failure?] {
        final class Results: @unchecked Sendable {
            var values: [Failure?]
            let lock = NSLock()
            init(_ n: Int) { values = Array(repeating: nil, count: n) }
        }
        let results = Results(jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let outcome = distil(jobs[i], scratch: scratch)
            results.lock.lock()
            results.values[i] = outcome
            results.lock.unlock()
        }
        return results.values
    }

    /// gs makes the trailer /ID from the time; put one made from the content
    /// in its place. The trailer follows the cross-reference table, so its
    /// length can change without moving any offset. gs writes the two ids as
    /// hex or as literal strings (with escapes); both are parsed here.
    static func replacingID(in data: Data, with identity: String) -> Data? {
        let bytes = [UInt8](data)
        let marker = Array("/ID [".utf8)
        guard bytes.count > marker.count + 4 else { return nil }
        var index = bytes.count - marker.count
        while index >= 0 && Array(bytes[index..<index + marker.count]) != marker { index -= 1 }
        guard index >= 0 else { return nil }
        var i = index + marker.count
        func skipSpace() { while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 } }
        // One PDF string starting at i; returns false if it is not one.
        func skipString() -> Bool {
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: "<") {
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { return false }
                i = close + 1
                return true
            }
            guard bytes[i] == UInt8(ascii: "(") else { return false }
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; return true } }
                i += 1
            }
            return false
        }
        skipSpace()
        guard skipString() else { return nil }
        skipSpace()
        guard skipString() else { return nil }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "]") else { return nil }
        let id = String(identity.uppercased().prefix(32))
        guard id.count == 32 else { return nil }
        var out = Array(bytes[..<index])
        out += Array("/ID [<\(id)><\(id)>]".utf8)
        out += bytes[(i + 1)...]
        return Data(out)
    }

    static let marker = "smartsite-distilling: "

    static func uuid(_ hex: String) -> String {
        let h = Array(hex.prefix(32))
        guard h.count == 32 else { return hex }
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    static func psString(_ text: String) -> String {
        var out = "("
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(b))
            case 0x20...0x7E: out += String(UnicodeScalar(b))
            default:
                let o = String(b, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - o.count) + o
            }
        }
        return out + ")"
    }
}

extension Ghostscript.Failure {
    /// The error for the worksheet at `path`, with the fix that fits: free
    /// space when the disk is full (a PostScript hint would send people
    /// looking for a bug that is not there), else how to see gs's own error.
    func diagnostic(_ path: String, folder: String, slug: String) -> Diagnostic {
        if diskFull {
            return .error(path, "Ghostscript could not make this worksheet's PDF: the disk is full (\(message))",
                          fix: "free some space on the disk that holds \(folder) (`df -h` shows how full each disk is), then build again")
        }
        return .error(path, "Ghostscript could not make this worksheet's PDF: \(message)",
                      fix: "run `smartsite worksheet \(slug) --ps` and `gs` on the result to see the error")
    }
}
