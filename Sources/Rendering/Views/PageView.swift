import Markdown

/// `page`: the page being rendered. The pages smartsite makes itself have
/// the first four names only.
struct PageView: TemplateView {
    enum Key: String, CaseIterable {
        case title, description, url, canonical
        case shortTitle = "short_title"
        case content, kind, source, toc
        case hasTOC = "has_toc"
        case tocHTML = "toc_html"
        case reviewed
        case reviewedDate = "reviewed_date"
        case socialImage = "social_image"
        case socialImageAlt = "social_image_alt"
        case photo
    }

    let frame: PageFrame

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .title: return TemplateText(frame.title)
        case .description: return TemplateText(frame.description)
        case .url: return TemplateText(frame.urlPath)
        case .canonical: return TemplateText(frame.site.site.config.address(of: frame.urlPath))
        case .shortTitle: return frame.page.map { TemplateText($0.shortTitle) }
        case .content:
            return frame.page.map { TemplateText(ResponsiveImages.html($0.content.html, urlPath: frame.urlPath, images: frame.site.images)) }
        // A plain String: `{{>*page.kind}}` takes only a String as a partial's name.
        case .kind: return frame.page?.kind.rawValue
        case .source: return frame.page.map { TemplateText($0.sourcePath) }
        case .toc: return frame.page.map { TableOfContents.headings(of: $0).map(TOCEntryView.init) }
        case .hasTOC: return frame.page.map { !TableOfContents.headings(of: $0).isEmpty }
        case .tocHTML: return frame.page.map { TemplateText(TableOfContents.html(of: $0)) }
        case .reviewed: return frame.page?.settings.reviewed.map { TemplateText(frame.site.words.interface.date($0)) }
        case .reviewedDate: return frame.page?.settings.reviewed.map { TemplateText($0.description) }
        case .socialImage: return PageImage.social(for: frame.page, site: frame.site).map { TemplateText($0.url) }
        case .socialImageAlt: return PageImage.social(for: frame.page, site: frame.site)?.alt.map(TemplateText.init)
        case .photo: return frame.page.flatMap { PageImage.photo(for: $0, frame: frame) }.map(TemplateText.init)
        }
    }
}

/// One heading of `page.toc`.
struct TOCEntryView: TemplateView {
    enum Key: String, CaseIterable {
        case id, text
        case isSub = "is_sub"
    }

    let heading: Heading

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .id: return heading.id
        case .text: return heading.text
        case .isSub: return heading.level == 3
        }
    }
}
