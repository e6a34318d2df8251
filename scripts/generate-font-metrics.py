#!/usr/bin/env python3
"""Generates Sources/PostScript/FontMetrics+Generated.swift from AFM files.

The PostScript writer measures text to break lines, so it needs the advance
widths of the standard fonts. Rather than read AFM files at run time (which
would make the fonts-urw-base35 package a run-time dependency of a program
that only writes PostScript), the widths are generated into Swift source once
and committed. Re-run after changing the encoding or the font list:

    python3 scripts/generate-font-metrics.py [AFM_DIR] > Sources/PostScript/FontMetrics+Generated.swift

AFM_DIR defaults to /usr/share/fonts/type1/urw-base35 (Debian fonts-urw-base35);
the URW fonts are metric-compatible with Adobe's Helvetica and Times, which is
what a printer or Ghostscript substitutes for the names we use.
"""
import os
import sys

AFM_DIR = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/type1/urw-base35"

# PostScript name -> URW file, in the order of the Swift enum cases.
FONTS = [
    ("helvetica", "Helvetica", "NimbusSans-Regular"),
    ("helveticaBold", "Helvetica-Bold", "NimbusSans-Bold"),
    ("helveticaOblique", "Helvetica-Oblique", "NimbusSans-Italic"),
    ("helveticaBoldOblique", "Helvetica-BoldOblique", "NimbusSans-BoldItalic"),
    ("timesRoman", "Times-Roman", "NimbusRoman-Regular"),
    ("timesBold", "Times-Bold", "NimbusRoman-Bold"),
    ("timesItalic", "Times-Italic", "NimbusRoman-Italic"),
    ("timesBoldItalic", "Times-BoldItalic", "NimbusRoman-BoldItalic"),
]

ASCII = ("space exclam quotedbl numbersign dollar percent ampersand quotesingle "
         "parenleft parenright asterisk plus comma hyphen period slash zero one two "
         "three four five six seven eight nine colon semicolon less equal greater "
         "question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft "
         "backslash bracketright asciicircum underscore grave a b c d e f g h i j k l m "
         "n o p q r s t u v w x y z braceleft bar braceright asciitilde").split()

# Windows-1252 0x80-0x9F: (glyph name, Unicode scalar); None = unused code.
CP1252_HIGH = [
    ("Euro", 0x20AC), None, ("quotesinglbase", 0x201A), ("florin", 0x0192),
    ("quotedblbase", 0x201E), ("ellipsis", 0x2026), ("dagger", 0x2020), ("daggerdbl", 0x2021),
    ("circumflex", 0x02C6), ("perthousand", 0x2030), ("Scaron", 0x0160), ("guilsinglleft", 0x2039),
    ("OE", 0x0152), None, ("Zcaron", 0x017D), None,
    None, ("quoteleft", 0x2018), ("quoteright", 0x2019), ("quotedblleft", 0x201C),
    ("quotedblright", 0x201D), ("bullet", 0x2022), ("endash", 0x2013), ("emdash", 0x2014),
    ("tilde", 0x02DC), ("trademark", 0x2122), ("scaron", 0x0161), ("guilsinglright", 0x203A),
    ("oe", 0x0153), None, ("zcaron", 0x017E), ("Ydieresis", 0x0178),
]

LATIN1 = ("space exclamdown cent sterling currency yen brokenbar section dieresis "
          "copyright ordfeminine guillemotleft logicalnot hyphen registered macron "
          "degree plusminus twosuperior threesuperior acute mu paragraph periodcentered "
          "cedilla onesuperior ordmasculine guillemotright onequarter onehalf "
          "threequarters questiondown Agrave Aacute Acircumflex Atilde Adieresis Aring "
          "AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex "
          "Idieresis Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply "
          "Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls agrave "
          "aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute "
          "ecircumflex edieresis igrave iacute icircumflex idieresis eth ntilde ograve "
          "oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex "
          "udieresis yacute thorn ydieresis").split()


def encoding():
    names = [".notdef"] * 256
    unicode = [0] * 256
    for i, n in enumerate(ASCII):
        names[0x20 + i] = n
        unicode[0x20 + i] = 0x20 + i
    for i, entry in enumerate(CP1252_HIGH):
        if entry:
            names[0x80 + i], unicode[0x80 + i] = entry
    for i, n in enumerate(LATIN1):
        names[0xA0 + i] = n
        unicode[0xA0 + i] = 0xA0 + i
    return names, unicode


def read_afm(path):
    widths, boxes, header = {}, {}, {}
    with open(path, encoding="latin-1") as f:
        in_metrics = False
        for line in f:
            line = line.strip()
            if line.startswith("StartCharMetrics"):
                in_metrics = True
                continue
            if line.startswith("EndCharMetrics"):
                in_metrics = False
                continue
            if in_metrics:
                fields = {}
                for part in line.split(";"):
                    bits = part.split()
                    if bits:
                        fields[bits[0]] = bits[1:]
                name = fields["N"][0]
                widths[name] = int(round(float(fields["WX"][0])))
                if "B" in fields:
                    boxes[name] = [int(round(float(v))) for v in fields["B"]]
            else:
                bits = line.split(None, 1)
                if len(bits) == 2:
                    header[bits[0]] = bits[1]
    return widths, boxes, header


def main():
    names, unicode = encoding()
    out = []
    w = out.append
    w("// GENERATED by scripts/generate-font-metrics.py from the URW base-35 AFM files")
    w("// (metric-compatible with Adobe's standard fonts). Do not edit by hand.")
    w("")
    w("extension WinAnsi {")
    w("    /// Glyph names of the re-encoding vector, indexed by byte code.")
    w("    static let glyphNames: [String] = [")
    for i in range(0, 256, 8):
        w("        " + ", ".join('"%s"' % n for n in names[i:i + 8]) + ",")
    w("    ]")
    w("")
    w("    /// The Unicode scalar each byte code shows (0: unused code).")
    w("    static let unicodeScalars: [UInt32] = [")
    for i in range(0, 256, 16):
        w("        " + ", ".join("0x%04X" % u for u in unicode[i:i + 16]) + ",")
    w("    ]")
    w("}")
    w("")
    w("extension FontMetrics {")
    for case, psname, urw in FONTS:
        widths, boxes, header = read_afm(os.path.join(AFM_DIR, urw + ".afm"))
        ascender = int(header.get("Ascender", "0"))
        descender = int(header.get("Descender", "0"))
        if ascender == 0:  # URW files leave these 0; use the extent of 'd' and 'p'
            ascender = boxes["d"][3]
        if descender == 0:
            descender = boxes["p"][1]
        cap = int(header.get("CapHeight", "0")) or boxes["H"][3]
        xh = int(header.get("XHeight", "0")) or boxes["x"][3]
        row = []
        for n in names:
            if n == ".notdef":
                row.append(0)
            else:
                if n not in widths:
                    sys.exit("%s has no glyph %s" % (urw, n))
                row.append(widths[n])
        w("    /// %s (from %s.afm)" % (psname, urw))
        w("    static let %s = FontMetrics(" % case)
        w("        ascender: %d, descender: %d, capHeight: %d, xHeight: %d," % (ascender, descender, cap, xh))
        w("        widths: [")
        for i in range(0, 256, 16):
            w("            " + ", ".join("%d" % v for v in row[i:i + 16]) + ",")
        w("        ])")
    w("}")
    print("\n".join(out))


main()
