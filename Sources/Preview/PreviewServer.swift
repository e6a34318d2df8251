import Diagnostics
import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle
import SiteBuild

/// `smartsite preview`: builds the site into memory, serves it over HTTP,
/// rebuilds what a saved file changes and tells the browser to reload.
///
/// Three services under one ServiceGroup, which stops them in reverse order
/// on SIGINT/SIGTERM or `shutdown()`: live reload first (ending the event
/// streams that would otherwise keep the server waiting), then the watcher,
/// then the HTTP server, which lets the port go.
public final class PreviewServer: Sendable {
    public let options: PreviewOptions
    private let log: @Sendable (String) -> Void
    private let site = ServedSite()
    private let liveReload = LiveReload()
    private let rebuilder: Rebuilder
    private let group = NIOLockedValueBox<ServiceGroup?>(nil)
    private let connections: ConnectionLimit

    /// `log` gets one line per rebuild and the errors of failed builds.
    public init(options: PreviewOptions, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
        rebuilder = Rebuilder(options: options.build)
        connections = ConnectionLimit(maximum: options.maximumConnections)
    }

    /// Connections open now, live-reload streams included.
    public var openConnections: Int { connections.openConnections }

    /// Said at start when the preview listens beyond this computer: anyone
    /// on the network can then read the site before it is published.
    static func networkWarning(_ options: PreviewOptions) -> String? {
        guard !AllowedHosts.isLoopback(options.host) else { return nil }
        let drafts = options.build.includeDrafts ? ", drafts included" : ""
        return "Warning: with --host \(options.host) other computers on the network can open this preview: "
            + "the whole unpublished site\(drafts). Leave --host out to keep it on this computer (127.0.0.1)."
    }

    /// Builds, then serves until shut down. `onReady` gets the address
    /// (e.g. `http://127.0.0.1:8000/`) once the port is open.
    public func run(onReady: @escaping @Sendable (String) async -> Void = { _ in },
                    handleSignals: Bool = true) async throws {
        let first = await rebuilder.buildAll()
        report(first, servedIn: site.apply(first))

        let watcher = FileWatcher(roots: [
            .init(folder: URL(fileURLWithPath: options.build.contentFolder)) { .content($0) },
            .init(folder: URL(fileURLWithPath: options.build.templatesFolder)) { .template($0) },
        ], method: options.watch)
        let watching = WatchService(watcher: watcher, rebuilder: rebuilder, site: site, liveReload: liveReload,
                                    log: log, report: report)

        var logger = Logger(label: "smartsite.preview")
        logger.logLevel = .critical
        let host = options.host
        if let warning = Self.networkWarning(options) { log(warning) }
        let app = Application(
            responder: SiteResponder(site: site, liveReload: liveReload),
            server: PreviewChannel.server(options, limit: connections),
            configuration: .init(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                await onReady("http://\(shown):\(port)/")
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [app, watching, liveReload],
            gracefulShutdownSignals: handleSignals ? [.sigint, .sigterm] : [],
            logger: logger))
        self.group.withLockedValue { $0 = group }
        do {
            try await group.run()
        } catch {
            await rebuilder.close()
            throw error
        }
        await rebuilder.close()
    }

    /// Stops serving: the same as Ctrl-C.
    public func shutdown() async {
        await group.withLockedValue { $0 }?.triggerGracefulShutdown()
    }

    private func report(_ update: PreviewUpdate, servedIn serving: Double) {
        for warning in update.warnings { log(warning.description) }
        if update.failed {
            for error in update.errors { log(error.description) }
            log("Build failed (\(Self.milliseconds(update.seconds))); the browser shows the errors over the last good build.")
        } else if update.reload != .none {
            log("Rebuilt \(update.summary), in \(Self.milliseconds(update.seconds + serving)).")
        }
        if options.timings {
            for step in update.steps + [("serve", serving)] { log("  \(step.name): \(Self.milliseconds(step.seconds))") }
        }
    }

    static func milliseconds(_ seconds: Double) -> String {
        seconds < 10 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.1f s", seconds)
    }
}

/// Runs rebuilds one at a time: the session is only ever touched from here.
actor Rebuilder {
    private let session: PreviewSession

    init(options: BuildOptions) {
        session = PreviewSession(options: options)
    }

    func buildAll() -> PreviewUpdate { session.buildAll() }
    func apply(_ changes: Set<SourceChange>) -> PreviewUpdate { session.apply(changes) }
    func close() { session.close() }
}

/// Feeds the watcher's batches to the rebuilder, puts each result in front
/// of the browser, and only then announces the reload.
struct WatchService: Service {
    let watcher: FileWatcher
    let rebuilder: Rebuilder
    let site: ServedSite
    let liveReload: LiveReload
    let log: @Sendable (String) -> Void
    let report: @Sendable (PreviewUpdate, Double) -> Void

    func run() async throws {
        let (batches, method) = watcher.changes()
        log("Watching \(watcher.roots.map(\.folder.relativePath).joined(separator: " and ")) (\(method.rawValue)).")
        await withGracefulShutdownHandler {
            for await batch in batches {
                let update = await rebuilder.apply(batch)
                report(update, site.apply(update))
                switch update.reload {
                case .none: break
                case .page: liveReload.announce()
                case .styles(let paths): liveReload.announce(styles: paths)
                }
            }
        } onGracefulShutdown: {
            watcher.stop()
        }
    }
}
