import Content
import Foundation
import TestSupport
@testable import Worksheets
import SourceFiles

/// The repository's content/ folder, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let contentRoot = repositoryRoot.appendingPathComponent("content").path

/// The English words of the shipped templates/i18n/en.yaml.
let englishWords: WorksheetWords = {
    let words = try? InterfaceWords.load(languages: ["en"], templatesFolder: repositoryRoot.appendingPathComponent("templates").path)
    return WorksheetWords(words?.first ?? InterfaceWords(language: "en", path: "", words: [:], keys: []))
}()

let testSettings: WorksheetSettings = {
    var settings = WorksheetSettings(
        siteTitle: "SMART Recovery Program Guide",
        disclaimer: "This independent guide is not affiliated with or endorsed by SMART Recovery, and “SMART Recovery” and “4-Point Program” are marks of SMART Recovery. Nothing on this site is medical advice.",
        baseURL: "https://guide.example.org/", words: englishWords)
    settings.helpLines = ["988 Suicide & Crisis Lifeline: call 988, text 988", "SAMHSA National Helpline: call 1-800-662-4357"]
    return settings
}()

/// A content folder holding just the given worksheet files.
func contentFolder(_ files: [String: String]) throws -> URL {
    let root = try Tool.temporaryDirectory("content")
    let folder = root.appendingPathComponent("worksheets")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return root
}

let expectedSlugs = ["abc-emotional-upsets", "abc-urges", "brainstorming", "change-plan", "cost-benefit-analysis", "deads",
                     "disarm", "hierarchy-of-values", "lifestyle-balance-pie", "problem-solving", "stages-of-change", "urge-log"]

/// The worksheets of `contentRoot` as the site build makes them: the PDFs
/// written below `output` (as SiteOutput does), those of `previous` (an
/// earlier output) kept when their input did not change. Ghostscript writes
/// in `scratch`, a fresh folder when none is given.
func build(_ contentRoot: String, into output: URL, previous: URL? = nil, settings: WorksheetSettings = testSettings,
           scratch: URL? = nil) throws -> WorksheetsBuilt {
    let folder = try ContentFolder(root: URL(fileURLWithPath: contentRoot), displayRoot: contentRoot)
    let gsFolder = try scratch ?? Tool.temporaryDirectory("scratch")
    defer { if scratch == nil { try? FileManager.default.removeItem(at: gsFolder) } }
    let built = buildWorksheets(WorksheetFile.all(in: folder), settings: settings, previous: .folder(previous), scratch: gsFolder)
    for (path, data) in built.files {
        let file = output.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }
    return built
}

/// One cold build of the repository's worksheets, shared by the tests that
/// only read its output.
struct SharedBuild: @unchecked Sendable {
    let root: URL
    let result: WorksheetsBuilt

    static let cold: SharedBuild = {
        let root = try! Tool.temporaryDirectory("cold")
        let result = try! build(contentRoot, into: root)
        return SharedBuild(root: root, result: result)
    }()

    func pdf(_ slug: String, _ paper: Paper) -> String {
        root.appendingPathComponent("worksheets/\(slug)-\(paper.rawValue).pdf").path
    }
}

/// The form fields qpdf finds: full name → (type, is check box, is radio group).
func formFields(_ pdf: String) throws -> [String: (type: String, checkbox: Bool, radio: Bool)] {
    let json = try Tool.run("qpdf", package: "qpdf", ["--json", pdf]).stdout
    let root = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
    let fields = (root["acroform"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []
    var out: [String: (String, Bool, Bool)] = [:]
    for field in fields {
        out[field["fullname"] as? String ?? ""] = (field["fieldtype"] as? String ?? "", field["ischeckbox"] as? Bool ?? false,
                                                   field["isradiobutton"] as? Bool ?? false)
    }
    return out
}
