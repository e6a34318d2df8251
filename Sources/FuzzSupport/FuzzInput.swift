import Foundation

/// What every fuzz target shares. A fuzz target is an executable with two
/// lives: built by `make fuzz` with `-sanitize=fuzzer` (and `-D FUZZING`),
/// its `main` hands over to libFuzzer, which calls the target millions of
/// times; built normally, its `main` replays the input files named on the
/// command line, which is how a crash libFuzzer found is reproduced and
/// pinned by a test.
public enum FuzzInput {
    /// The one entry point of every fuzz target.
    public static func main(_ body: @escaping @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        #if FUZZING
        // SwiftPM links executables with their own `main`, so libFuzzer's
        // is not used; its driver is started here instead.
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
        #else
        replay(Array(CommandLine.arguments.dropFirst())) { bytes in
            bytes.withUnsafeBufferPointer { _ = body($0.baseAddress, $0.count) }
        }
        exit(0)
        #endif
    }

    /// Runs `body` on every file named in `arguments` (folders: every file in them).
    public static func replay(_ arguments: [String], _ body: ([UInt8]) -> Void) {
        var count = 0
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                body(Array(data))
                count += 1
            }
        }
        print("replayed \(count) inputs without a crash")
    }

    /// The bytes libFuzzer hands over, as an array.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
