import Foundation
import TestSupport
@testable import Worksheets

/// The repository's content/ folder, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let contentRoot = repositoryRoot.appendingPathComponent("content").path

let testSettings = WorksheetSettings(
    siteTitle: "SMART Recovery Program Guide",
    disclaimer: "This independent guide is not affiliated with or endorsed by SMART Recovery, and “SMART Recovery” and “4-Point Program” are marks of SMART Recovery. Nothing on this site is medical advice.",
    baseURL: "https://guide.example.org/")

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

/// One cold build of the repository's worksheets, shared by the tests that
/// only read its output.
struct SharedBuild: @unchecked Sendable {
    let root: URL
    let result: WorksheetBuildResult

    static let cold: SharedBuild = {
        let root = try! Tool.temporaryDirectory("cold")
        let result = buildWorksheets(contentRoot: contentRoot, stagingRoot: root.path, previousOutputRoot: nil, settings: testSettings)
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
