import Foundation
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
