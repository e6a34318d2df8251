import Diagnostics

/// What `smartsite check` says about meetings: an example listing left in
/// is a warning (so `check --strict` fails until every one is replaced),
/// because a visitor could go to a meeting that does not exist.
enum MeetingAudit {
    static func run(_ site: Site) -> [Diagnostic] {
        site.pages.compactMap { page in
            guard page.kind == .meeting, let meeting = page.meeting, meeting.example else { return nil }
            return .warning(page.sourcePath, line: meeting.exampleLine ?? page.settingsLine, column: 1,
                            "this is an example meeting listing, not a real meeting; visitors could go to a meeting that does not exist",
                            fix: "put your program's real meeting in this file and remove `example: true`, or delete the file")
        }
    }
}
