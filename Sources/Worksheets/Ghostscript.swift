import Diagnostics
import Foundation
import PostScript

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
                            "-dCompatibilityLevel=1.7", "-dAutoRotatePages=/None",
                            // The logo is kept exactly (Flate), not turned into JPEG with its blur around lettering.
                            "-dAutoFilterColorImages=false", "-sColorImageFilter=FlateEncode"]

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

    /// What one gs process came to.
    struct Outcome: Sendable {
        /// The PDFs, stamped with their documents' identities, in document
        /// order; empty when gs failed.
        var pdfs: [Data] = []
        /// What went wrong, or (`isWarning`) what gs said while making every PDF.
        var failure: Failure?
    }

    /// Runs one gs process for `documents` (in order), writing into
    /// `scratch`, and reads back the PDFs it made.
    func distil(_ documents: [Document], scratch: URL) -> Outcome {
        guard let first = documents.first else { return Outcome() }
        var driver = ""
        for (i, document) in documents.enumerated() {
            if i > 0 { driver += "\n<< /OutputFile \(Self.string(document.output.path)) >> setpagedevice\n" }
            driver += "\(Self.string(Self.marker + document.label + "\n")) print flush\n"
            driver += document.postScript
            // Device parameters apply when the file is closed, i.e. at the next switch.
            let uuid = Self.uuid(document.identity)
            driver += "\n<< /DocumentUUID \(Self.string(uuid)) /InstanceUUID \(Self.string(uuid)) >> setpagedevice\n"
            // A PDF left from an earlier run must not pass for one gs made now.
            try? FileManager.default.removeItem(at: document.output)
        }
        let driverURL = scratch.appendingPathComponent(".gs-\(first.identity.prefix(16)).ps")
        defer { try? FileManager.default.removeItem(at: driverURL) }
        do {
            try Data(driver.utf8).write(to: driverURL)
        } catch {
            return Outcome(failure: Failure(message: "cannot write \(driverURL.path): \(SystemError.text(error))",
                                            diskFull: Self.diskIsFull(at: scratch, gsSaid: "")))
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
            return Outcome(failure: Failure(message: "cannot write \(outputURL.path)"))
        }
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            return Outcome(failure: Failure(message: "cannot run \(executable): \(SystemError.text(error))"))
        }
        GhostscriptProcesses.started(process.processIdentifier)
        process.waitUntilExit()
        GhostscriptProcesses.ended(process.processIdentifier)
        try? log.close()
        let said = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        var outcome = check(documents, gsSaid: said, status: process.terminationStatus)
        if let failure = outcome.failure, !failure.isWarning {
            outcome.failure?.diskFull = Self.diskIsFull(at: scratch, gsSaid: said)
        }
        return outcome
    }

    /// What went wrong after gs ended, if anything: its exit status, PDFs
    /// that are missing or cut off, or remarks worth a warning.
    private func check(_ documents: [Document], gsSaid said: String, status: Int32) -> Outcome {
        let lines = said.split(separator: "\n")
        let current = lines.last { $0.hasPrefix(Self.marker) }.map { String($0.dropFirst(Self.marker.count)) }
        let problems = lines.filter { !$0.hasPrefix(Self.marker) }
        guard status == 0 else {
            let excerpt = problems.prefix(6).joined(separator: " | ")
            return Outcome(failure: Failure(message: "gs exited with status \(status)"
                                                + (current.map { " while making \($0)" } ?? "") + ": \(excerpt)", label: current))
        }
        var pdfs: [Data] = []
        for document in documents {
            guard let data = try? Data(contentsOf: document.output), data.starts(with: Array("%PDF-".utf8)) else {
                return Outcome(failure: Failure(message: "gs made no PDF at \(document.output.lastPathComponent)", label: document.label))
            }
            // Its bytes go on through SiteOutput; the scratch folder keeps nothing.
            try? FileManager.default.removeItem(at: document.output)
            guard let stamped = PDFStamp().stamping(data, with: document.identity) else {
                return Outcome(failure: Failure(message: "the PDF gs made for \(document.label) has no trailer /ID to make reproducible",
                                                label: document.label))
            }
            pdfs.append(stamped)
        }
        let remarks = problems.filter { !Self.isKnownFalseAlarm($0) }
        return Outcome(pdfs: pdfs, failure: remarks.isEmpty ? nil : Failure(message: remarks.prefix(3).joined(separator: " | "),
                                                                           label: current, isWarning: true))
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
    func distil(jobs: [[Document]], scratch: URL) -> [Outcome] {
        final class Results: @unchecked Sendable {
            var values: [Outcome]
            let lock = NSLock()
            init(_ n: Int) { values = Array(repeating: Outcome(), count: n) }
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

    static let marker = "smartsite-distilling: "

    static func uuid(_ hex: String) -> String {
        let h = Array(hex.prefix(32))
        guard h.count == 32 else { return hex }
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    /// A PostScript string of `text`'s UTF-8, escaped as the documents' own strings are.
    static func string(_ text: String) -> String { Literal.string(Array(text.utf8)) }
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
