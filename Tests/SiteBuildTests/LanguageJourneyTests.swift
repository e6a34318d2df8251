import Foundation
import TestSupport
import Testing

/// A staff member translates a page into Spanish, as the real program sees
/// it: writes content/es/… with `translation_of`, builds, follows the
/// language switcher both ways, marks the translation done with
/// `smartsite translated`, and is told by `check` when the English page
/// changes afterwards. The shipped templates and words, a small site.
@Suite(.serialized)
struct LanguageJourneyTests {
    let site: FixtureSite

    init() throws {
        site = try FixtureSite()
        // The shipped templates, so the switcher and hreflang links are the real ones.
        try FileManager.default.removeItem(at: site.templates)
        try FileManager.default.copyItem(at: SmartsiteProgram.packageRoot.appendingPathComponent("templates"), to: site.templates)
        try site.write("content/site.yaml", """
            title: Test Site
            base_url: https://example.org/
            menu:
              - title: Toolbox
                page: toolbox/_index.md
            help_lines:
              - name: 988 Suicide & Crisis Lifeline
                phone: "988"
            languages:
              es:
                title: Sitio de prueba
                menu:
                  - title: Caja de herramientas
                    page: toolbox/_index.md
                help_lines:
                  - name: Línea 988 de Prevención del Suicidio y Crisis
                    summary: Para español, llama al 988 y marca 2, o envía AYUDA por texto al 988.
                    phone: "988"
            """)
        try site.write("content/es/_index.md", "---\ntitle: Inicio\n---\n\nBienvenida.\n")
        try site.write("content/es/toolbox/_index.md", "---\ntitle: Caja de herramientas\n---\n\nTodas las herramientas.\n")
    }

    private func smartsite(_ arguments: String...) throws -> (status: Int32, printed: String, errors: String) {
        guard SmartsiteProgram.path != nil else { throw SmartsiteProgram.NotBuilt() }
        return try SmartsiteProgram.run(arguments, in: site.root)
    }

    @Test func aTranslationIsLinkedBothWaysAndGoesStaleWhenTheOriginalChanges() throws {
        defer { site.remove() }
        // The editor translates the urge log under a Spanish file name and address.
        try site.write("content/es/toolbox/registro.md", """
            ---
            title: Registro de impulsos
            description: Anota tus impulsos.
            translation_of: toolbox/urge-log.md
            slug: registro-de-impulsos
            ---

            Vuelve a la [caja de herramientas](_index.md).
            """)
        let built = try smartsite("build")
        #expect(built.status == 0, "\(built.errors)")

        let english = try #require(site.read("toolbox/urge-log/index.html"))
        let spanish = try #require(site.read("es/toolbox/registro-de-impulsos/index.html"))
        #expect(spanish.contains("<html lang=\"es\">"))
        #expect(english.contains("<html lang=\"en\">"))
        // The switcher leads to the paired page, both ways.
        #expect(english.contains("<a class=\"header-language\" href=\"../../es/toolbox/registro-de-impulsos/\" hreflang=\"es\" lang=\"es\">Español</a>"))
        #expect(spanish.contains("<a class=\"header-language\" href=\"../../../toolbox/urge-log/\" hreflang=\"en\" lang=\"en\">English</a>"))
        for page in [english, spanish] {
            #expect(page.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/toolbox/registro-de-impulsos/\">"))
            #expect(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/toolbox/urge-log/\">"))
        }
        // The Spanish page speaks Spanish around the content, help line included.
        #expect(spanish.contains("¿Necesitas ayuda ahora?") && !spanish.contains("Need help now?"))
        #expect(spanish.contains("envía AYUDA por texto al 988") && spanish.contains("href=\"tel:988\""))
        // A page with no translation leads to the Spanish home page, with a note.
        let coping = try #require(site.read("program/coping/index.html"))
        #expect(coping.contains("href=\"../../es/\" hreflang=\"es\" lang=\"es\" title=\"Esta página todavía no está en español"))
        // Search in Spanish finds the Spanish page.
        #expect(site.read("es/search.json")?.contains("\"url\":\"es/toolbox/registro-de-impulsos/\"") == true)

        // Done: the translation records its original; check has nothing to say.
        let marked = try smartsite("translated", "content/es/toolbox/registro.md")
        #expect(marked.status == 0, "\(marked.errors)")
        let file = String(decoding: try Data(contentsOf: site.content.appendingPathComponent("es/toolbox/registro.md")), as: UTF8.self)
        #expect(file.contains("\ntranslated_from: sha256:"))
        let fresh = try smartsite("check")
        #expect(!(fresh.printed + fresh.errors).contains("changed after this translation"), "\(fresh.printed)\(fresh.errors)")

        // The English page changes; check says the translation is behind.
        try site.write("content/toolbox/urge-log.md", "---\ntitle: Urge Log\ndescription: Write urges down\n---\n\nNew advice.\n\n## How to use it\n\nWrite it down.\n")
        let stale = try smartsite("check")
        #expect((stale.printed + stale.errors).contains(
            "content/es/toolbox/registro.md:2:1: warning: content/toolbox/urge-log.md changed after this translation was made"),
                "\(stale.printed)\(stale.errors)")
    }
}
