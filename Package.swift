// swift-tools-version:6.0
// smartsite: builds a SMART Recovery program's website and printable worksheets
// from Markdown. The parts and how data flows between them: docs/architecture.md.
// Linux only: smartsite calls Glibc directly (inotify, renameat2, flock,
// posix_spawn) and links libcmark, tcmalloc and Ghostscript from Debian.
import PackageDescription

let package = Package(
    name: "smartsite",
    products: [
        .executable(name: "smartsite", targets: ["smartsite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already used by Hummingbird; named here because preview uses them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // Also in Hummingbird's graph: SHA-256 for the caches (DerivedFiles).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // libcmark from the system (Debian libcmark-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // tcmalloc (gperftools), the smartsite program's memory allocator; see
        // Sources/smartsite/MemoryAllocator.swift for why.
        .systemLibrary(
            name: "CTCMalloc",
            pkgConfig: "libtcmalloc_minimal",
            providers: [.apt(["libgoogle-perftools-dev"])]
        ),
        // libqrencode from the system (Debian libqrencode-dev): QR codes on the worksheets.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // A per-thread bump allocator that libcmark allocates from (cmark_mem):
        // a page's thousand small allocations cost a pointer move each.
        .target(name: "CmarkArena"),
        // `path:line:col: error: message`, shared by every part that reads input.
        .target(name: "Diagnostics"),
        // The only code that touches cmark: Markdown in, Swift values out.
        .target(name: "Markdown", dependencies: ["CCmark", "CmarkArena", "Diagnostics"]),
        // Reading what a person wrote: a file's text (UTF-8 checked, line
        // endings made plain), front matter, settings with their positions,
        // and the one folder walk (no dot-files, backups or links out).
        .target(name: "SourceFiles", dependencies: ["Diagnostics", "Yams"]),
        // The site model: content/ loaded, front matter decoded, pages and sections.
        .target(name: "Content", dependencies: ["SourceFiles", "Markdown", "Diagnostics", "Yams"]),
        // Page contexts rendered into Mustache templates; search index, sitemap.
        .target(name: "Rendering", dependencies: [
            "SourceFiles", "Content", "Markdown", "Diagnostics",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // libvips's variadic calls as plain C functions Swift can call. The
        // library (Debian libvips-dev) is opened when the first image is read,
        // not linked (see vips_calls.c), so only its headers are named here:
        // they include glib's, whose glibconfig.h is in the machine's own lib folder.
        .target(name: "VipsCalls", cSettings: [.unsafeFlags([
            "-I/usr/include/glib-2.0",
            "-I/usr/lib/x86_64-linux-gnu/glib-2.0/include", "-I/usr/lib/aarch64-linux-gnu/glib-2.0/include",
        ])]),
        // Files made by a slow program that the next build may reuse (PDFs,
        // resized images), and the SHA-256 that names their input.
        .target(name: "DerivedFiles", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Photos in content/ read, checked and resized with libvips: a few
        // widths in WebP and the original format, metadata stripped.
        .target(name: "Images", dependencies: ["VipsCalls", "DerivedFiles", "Diagnostics"]),
        // A page-description writer; knows nothing of worksheets.
        .target(name: "PostScript"),
        // A QR code's modules (libqrencode), drawn as vector paths on a PostScript page.
        .target(name: "QRCode", dependencies: ["CQRencode", "PostScript"]),
        // Worksheet Markdown -> form model -> layout -> PostScript -> PDF (gs).
        .target(name: "Worksheets", dependencies: ["SourceFiles", "PostScript", "QRCode", "Markdown", "Content", "Diagnostics", "DerivedFiles"]),
        // The build as named steps: load, render, write into a temporary folder, swap in.
        .target(name: "SiteBuild", dependencies: ["SourceFiles", "Content", "Rendering", "Worksheets", "PostScript", "Diagnostics", "DerivedFiles", "Images"]),
        // `smartsite preview`: an HTTP server (Hummingbird) over a site kept in memory,
        // file watching, incremental rebuilds and live reload.
        .target(name: "Preview", dependencies: [
            "SourceFiles", "SiteBuild", "Content", "Diagnostics", "Markdown",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "smartsite", dependencies: [
            "SourceFiles", "SiteBuild", "Preview", "Content", "Worksheets", "Diagnostics", "CTCMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fuzz targets (`make fuzz`): libFuzzer entry points that, built
        // normally, replay input files instead (how a found crash is pinned).
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["Content", "SourceFiles", "FuzzSupport"]),
        .executableTarget(name: "FuzzDirectives", dependencies: ["Markdown", "FuzzSupport"]),
        .executableTarget(name: "FuzzPostScriptString", dependencies: ["PostScript", "FuzzSupport"]),
        .executableTarget(name: "FuzzRequestPath", dependencies: ["Preview", "FuzzSupport"]),
        .executableTarget(name: "FuzzURLSetting", dependencies: ["Content", "FuzzSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(name: "SourceFilesTests", dependencies: ["SourceFiles"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "Markdown", "SourceFiles", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "SiteBuildTests", dependencies: ["SiteBuild", "SourceFiles", "TestSupport"]),
        // What several test targets share: running gs, qpdf and poppler; resident memory.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PostScriptTests", dependencies: ["PostScript", "QRCode", "TestSupport"]),
        .testTarget(name: "WorksheetsTests", dependencies: ["Worksheets", "SourceFiles", "QRCode", "DerivedFiles", "TestSupport"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images", "DerivedFiles", "Diagnostics", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "SiteBuild", "TestSupport"]),
        // The smartsite program run as a person runs it: help, unknown commands, exit statuses.
        .testTarget(name: "CommandLineTests", dependencies: ["TestSupport"]),
    ]
)
