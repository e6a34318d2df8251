import Content
import DerivedFiles
import Diagnostics
import Foundation
import Images
import Rendering

/// The images pages show or link to, as a step of the build: each is
/// checked, resized on all cores (or kept from the last build when it did
/// not change) and written into the output with no metadata, at its own
/// path and at the widths `srcset` offers. The original file is never
/// published as it is.
enum ImageStep {
    struct Built: Sendable {
        /// By path below content/ (`images/room.png`).
        var images: [String: ResizedImage] = [:]
        var made = 0
        var reused = 0
        /// An SVG logo as a PNG, by the logo's path below content/: for
        /// social media, which show no SVG. The SVG itself is published as it is.
        var drawings: [String: ResizedImage.Copy] = [:]

        /// What Rendering needs to write `<picture>` and `og:image`.
        var published: [String: PublishedImage] {
            let pictures = drawings.mapValues { copy in
                PublishedImage(width: copy.width, height: copy.height, mediaType: ImageFormat.png.mediaType, webp: [],
                               original: [.init(path: copy.path, width: copy.width, height: copy.height)])
            }
            return pictures.merging(photos) { drawing, _ in drawing }
        }

        private var photos: [String: PublishedImage] {
            images.compactMapValues { image in
                guard let largest = image.largest else { return nil }
                func sizes(_ format: ImageFormat) -> [PublishedImage.Size] {
                    image.copies(in: format).map { .init(path: $0.path, width: $0.width, height: $0.height) }
                }
                return PublishedImage(width: largest.width, height: largest.height, mediaType: image.format.mediaType,
                                      webp: image.format == .webp ? [] : sizes(.webp), original: sizes(image.format))
            }
        }

        /// The copies by path, for the next preview build's cache.
        var filesByPath: [String: Data] {
            Dictionary(images.values.flatMap { $0.copies.map { ($0.path, $0.bytes) } }, uniquingKeysWith: { first, _ in first })
        }

        /// Every file of the step: the copies and the largest at the image's own path.
        var files: [(path: String, bytes: Data)] {
            images.values.sorted { $0.source < $1.source }.flatMap { image in
                image.copies.map { ($0.path, $0.bytes) } + (image.largest.map { [(image.source, $0.bytes)] } ?? [])
            } + drawings.values.map { ($0.path, $0.bytes) }
        }
    }

    /// The files of content/ this step publishes: the linked files the build resizes.
    static func imagePaths(in site: Site) -> [String] {
        site.linkedFiles().filter { ImageFormat.named($0) != nil }
    }

    /// Throws every image's problem at the first place a page shows or links to it.
    static func run(site: Site, output: some SiteOutput, previous: DerivedFileCache) throws(DiagnosticsError) -> Built {
        var built = try resizePhotos(site: site, output: output, previous: previous)
        if let (path, copy) = try logoPicture(site: site) {
            built.drawings[path] = copy
            do throws(Diagnostic) { try output.write(copy.bytes, to: copy.path) } catch { throw DiagnosticsError([error]) }
        }
        return built
    }

    /// An SVG logo of site.yaml as a PNG (`images/logo.3fa2c1d0e5.512.png`).
    static func logoPicture(site: Site) throws(DiagnosticsError) -> (String, ResizedImage.Copy)? {
        let branding = site.config.branding
        guard let logo = branding.logo, case .file(let path, _) = LinkTarget.of(logo, from: "site.yaml"),
              path.lowercased().hasSuffix(".svg"), let data = try? Data(contentsOf: site.folder.url(path)) else { return nil }
        do throws(ImageProblem) {
            return (path, try DrawingPicture.png(ofSVG: data, path: path))
        } catch {
            throw DiagnosticsError([.error(site.folder.displayPath("site.yaml"), line: branding.logoLine, column: branding.logoColumn,
                                           "the logo \(site.folder.displayPath(path)) cannot be drawn: \(error.message)", fix: error.fix)])
        }
    }

    static func resizePhotos(site: Site, output: some SiteOutput, previous: DerivedFileCache) throws(DiagnosticsError) -> Built {
        let paths = imagePaths(in: site)
        guard !paths.isEmpty else { return Built() }
        let folder = site.folder
        let outcomes = paths.parallelMap { path -> Result<ResizedImage, ImageProblem> in
            Result { () throws(ImageProblem) in
                let file = try ImageFile.read(folder.url(path), path: path)
                return try ImageVariants.make(file, path: path, cache: previous)
            }
        }
        var built = Built()
        var problems: [Diagnostic] = []
        let uses = firstUses(of: Set(paths), in: site)
        for (path, outcome) in zip(paths, outcomes) {
            switch outcome {
            case .success(let image):
                built.images[path] = image
                if image.reused { built.reused += 1 } else { built.made += 1 }
            case .failure(let problem):
                let use = uses[path]
                problems.append(.error(use?.page ?? folder.displayPath(path), line: use?.line ?? 0, column: use?.column ?? 0,
                                       "\(folder.displayPath(path)): \(problem.message)", fix: problem.fix))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        for file in built.files {
            do throws(Diagnostic) { try output.write(file.bytes, to: file.path) } catch { problems.append(error) }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return built
    }

    /// Where each image is first shown or linked to, by page order: where its error points.
    static func firstUses(of paths: Set<String>, in site: Site) -> [String: (page: String, line: Int, column: Int)] {
        var uses: [String: (page: String, line: Int, column: Int)] = [:]
        for page in site.pages {
            for link in page.content.links {
                guard case .file(let path, _) = LinkTarget.of(link.destination, from: page.contentPath),
                      paths.contains(path), uses[path] == nil else { continue }
                uses[path] = (page.sourcePath, link.line, link.column)
            }
        }
        return uses
    }
}
