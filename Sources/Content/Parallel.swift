import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order. Loading and rendering pages are
    /// independent of each other, so this is where the build's speed comes from.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            // Release what the slots still hold (found by LeakSanitizer in `make fuzz`).
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each index is written by exactly one iteration, so the writes never overlap.
        nonisolated(unsafe) let storage = results
        let elements = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            storage[index] = transform(elements[index])
        }
        return results.compactMap { $0 }
    }
}

/// Work started on another thread now, whose result is collected later with
/// `result()` (which waits for it). For a job that can run beside a
/// parallelMap instead of after it. `result()` is for the thread that made it.
/// Work that is not waited for (the build failed) runs to its end and is
/// dropped. `result()` blocks its thread; in preview that is one of Swift's
/// concurrency threads for the length of the search index, which is short.
public final class Background<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is written once by the worker before it signals,
    // and read only after `result()` has waited for that signal.
    private var value: Value?
    private var waited = false
    private let done = DispatchSemaphore(value: 0)
    private let work: @Sendable () -> Value

    public init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        DispatchQueue.global().async { [self] in
            value = work()
            done.signal()
        }
    }

    public func result() -> Value {
        if !waited {
            done.wait()
            waited = true
        }
        // The worker sets `value` before it signals; the fallback never runs.
        return value ?? work()
    }
}
