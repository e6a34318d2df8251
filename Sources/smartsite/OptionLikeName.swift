import ArgumentParser

/// A folder or file name that begins with `-` is almost always an option
/// typed in the wrong place (`smartsite new site -- --help`), and a folder
/// made with that name is one that `cd --help` and `rm -r --help` cannot
/// reach. Such names are refused before anything is made; `./-x` (a page:
/// `content/-x`) is the way to ask for one on purpose.
enum OptionLikeName {
    static func check(_ name: String, what: String, help: String, onPurpose: String = "./") throws {
        guard name.hasPrefix("-") else { return }
        throw ValidationError("""
            '\(name)' begins with '-', so it reads as an option, not \(what); nothing was made.
              fix: for the help, run `\(help)`; to use that name on purpose, write it as \(onPurpose)\(name)
            """)
    }
}
