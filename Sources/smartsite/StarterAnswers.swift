import Content
import Diagnostics
import Foundation

/// What `new site` needs to know about the program: from the options, or
/// asked for on a terminal. Without a terminal (a script, CI) nothing is
/// asked: a missing name is an error naming the option, a missing address
/// is the example one (which `check` then warns about), a missing phone is
/// left out.
struct StarterAnswers {
    var name: String
    var phone: String?
    /// Ends with a slash.
    var baseURL: String

    var baseURLIsExample: Bool { ExampleSettings.isExampleAddress(baseURL) }

    static func gather(name: String?, phone: String?, baseURL: String?,
                       asks: Bool = isatty(STDIN_FILENO) == 1) throws(DiagnosticsError) -> StarterAnswers {
        var problems: [Diagnostic] = []
        func settle(_ given: String?, question: Question, optional: Bool,
                    check: (String) -> Problem?) -> String? {
            if let given {
                if let problem = check(given) { problems.append(.error("--\(question.optionName)", problem.message, fix: problem.fix)) }
                return given
            }
            guard asks else { return nil }
            for _ in 0..<3 {
                FileHandle.standardError.write(Data("\(question.prompt): ".utf8))
                guard let line = readLine() else { return nil }
                let answer = line.trimmingCharacters(in: .whitespaces)
                if answer.isEmpty && optional { return nil }
                guard let problem = check(answer) else { return answer }
                FileHandle.standardError.write(Data("  \(problem.message); \(problem.fix)\n".utf8))
            }
            return nil
        }
        let name = settle(name, question: .name, optional: false, check: Self.nameProblem)
        let phone = settle(phone, question: .phone, optional: true, check: Self.phoneProblem)
        let baseURL = settle(baseURL, question: .baseURL, optional: true, check: Self.baseURLProblem)
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            problems.append(.error("--name", "the new site needs the program's name",
                                   fix: "give it with --name, e.g. `smartsite new site my-site --name \"Sunrise Recovery Center\"`"))
            throw DiagnosticsError(problems)
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        var address = baseURL ?? ExampleSettings.exampleBaseURL
        if !address.hasSuffix("/") { address += "/" }
        return StarterAnswers(name: name.trimmingCharacters(in: .whitespaces), phone: phone, baseURL: address)
    }

    typealias Problem = (message: String, fix: String)

    static func nameProblem(_ name: String) -> Problem? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return ("the name is empty", "write the program's name, e.g. Sunrise Recovery Center") }
        if trimmed.contains(where: { $0.isNewline || $0 == "\t" }) || trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return ("the name has a line break or a control character", "write the name on one line")
        }
        if trimmed.count > 120 { return ("the name is \(trimmed.count) characters long", "use a name of up to 120 characters") }
        return nil
    }

    static func phoneProblem(_ phone: String) -> Problem? {
        let allowed = Set("0123456789 +-().")
        guard phone.allSatisfy({ allowed.contains($0) }), PhoneNumber.dialable(phone).count >= 3,
              PhoneNumber.dialable(phone).count <= 20 else {
            return ("'\(phone)' is not a phone number", "write it as people dial it, e.g. (555) 123-4567")
        }
        return nil
    }

    static func baseURLProblem(_ address: String) -> Problem? {
        let fix = "write where the site will be published, e.g. https://www.sunrise-recovery.org/"
        if let problem = URLPolicy.problem(with: address) { return ("the address \(problem)", fix) }
        guard let scheme = URLPolicy.scheme(of: address), scheme == "https" || scheme == "http",
              let host = URLComponents(string: address)?.host, !host.isEmpty else {
            return ("'\(address)' is not a web address", fix)
        }
        return nil
    }
}

/// The three things `new site` asks.
enum Question {
    case name, phone, baseURL

    var prompt: String {
        switch self {
        case .name: return "Your program's name (e.g. Sunrise Recovery Center)"
        case .phone: return "Its phone number, as people dial it (Enter to leave out)"
        case .baseURL: return "Where the site will be published, e.g. https://www.sunrise-recovery.org/ (Enter if not known yet)"
        }
    }

    var optionName: String {
        switch self {
        case .name: return "name"
        case .phone: return "phone"
        case .baseURL: return "base-url"
        }
    }
}
