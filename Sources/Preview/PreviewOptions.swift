import SiteBuild

/// What `smartsite preview` was asked to do.
public struct PreviewOptions: Sendable {
    public var build: BuildOptions
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    public var watch: WatchMethod
    /// Log how long each step of each rebuild took.
    public var timings: Bool
    /// How long a browser has to send a whole request once it starts one;
    /// a connection that sends only part of one is closed after it.
    public var requestTimeout: Duration
    /// How long a connection may wait, unused, for its next request. The
    /// live-reload event stream is never idle in this sense: it stays open
    /// as long as the browser tab does.
    public var idleTimeout: Duration
    /// Connections open at once; more get "503 Service Unavailable" and are
    /// closed, so a flood cannot use up the computer's open files or memory.
    public var maximumConnections: Int

    public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, watch: WatchMethod = .automatic,
                timings: Bool = false, requestTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
                maximumConnections: Int = 256) {
        self.build = build
        self.host = host
        self.port = port
        self.watch = watch
        self.timings = timings
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }
}
