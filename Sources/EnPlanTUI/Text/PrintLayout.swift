import EnPlanDomain

/// A document's lines laid out on A4 pages as PostScript, for CUPS (`lp`): Courier 10 pt, 60 lines
/// a page, the municipality's name and "Side n af m" at the top of each page. Text is written in
/// ISO Latin-1 (æ, ø, å, é, ü …); a character outside it prints as "?". PostScript with a
/// standard font keeps the text a text in the PDF a cups-pdf queue makes (and in any printer's
/// own interpreter), where a filter's embedded subset fonts did not.
///
/// Pages break by the document's shape (`DocumentText`), never blindly at 60 lines:
/// - a section's heading is never left at the foot of a page: a heading followed on its page by
///   fewer than `linesAfterHeading` lines of its section (or by fewer than all of a shorter
///   section) goes to the next page;
/// - a block (a decision with its appeal guidance) that fits on one page is not split;
/// - every line is printed exactly once, in order; a page is never empty, and never longer than
///   `linesPerPage`; what cannot be kept (a block longer than a page, or one that would leave its
///   heading alone on a page) is cut as before.
public enum PrintLayout {
    public static let linesPerPage = 60
    /// The lines of its section a heading needs under it on its page.
    public static let linesAfterHeading = 3

    /// The pages, as ranges of the document's lines: consecutive, covering every line once.
    public static func pages(_ document: DocumentText, linesPerPage: Int = linesPerPage) -> [Range<Int>] {
        let count = document.lines.count, size = max(1, linesPerPage)
        guard count > 0 else { return [0..<0] }
        // What may not be split by a page break: a heading with the first lines of its section,
        // and each block, when the run fits on a page at all.
        let keeps = (document.sections.map { $0.heading.lowerBound..<min($0.body.upperBound, $0.heading.upperBound + linesAfterHeading) }
                     + document.blocks).filter { !$0.isEmpty && $0.count <= size }
        var pages: [Range<Int>] = []
        var start = 0
        while start < count {
            var end = min(start + size, count)
            // Break before a run the break would split; moving the break up may split another
            // (a heading kept with the block under it), so again until none is split. A run that
            // starts the page fits on it whole, and is never split by moving up: a block that
            // would need that (one too long to share a page with the heading above it) is cut
            // instead, so a heading is never left alone. The page is never empty.
            var cut = Set<Int>()
            while let i = keeps.indices.first(where: { !cut.contains($0) && keeps[$0].lowerBound > start && keeps[$0].lowerBound < end && end < keeps[$0].upperBound }) {
                let before = keeps[i].lowerBound
                if keeps.contains(where: { $0.lowerBound == start && $0.upperBound > before }) { cut.insert(i) } else { end = before }
            }
            pages.append(start..<end)
            start = end
        }
        return pages
    }

    /// The document laid out (`pages`) as PostScript.
    public static func postScript(_ document: DocumentText, header: String, title: String, strings s: Strings) -> String {
        postScript(pages: pages(document).map { Array(document.lines[$0]) }, header: header, title: title, strings: s)
    }

    static func postScript(pages: [[String]], header: String, title: String, strings s: Strings) -> String {
        var ps = """
        %!PS-Adobe-3.0
        %%Title: \(latin1(title))
        %%Creator: EnPlan
        %%Pages: \(pages.count)
        %%DocumentMedia: A4 595 842 0 () ()
        %%EndComments
        /F /Courier findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall
          /Encoding ISOLatin1Encoding def currentdict end definefont pop
        /L { 56 exch moveto show } def

        """
        for (i, page) in pages.enumerated() {
            ps += "%%Page: \(i + 1) \(i + 1)\n<< /PageSize [595 842] >> setpagedevice\n/F 8 selectfont\n"
            let pageNo = s.pick("Side \(i + 1) af \(pages.count)", "Page \(i + 1) of \(pages.count)")
            ps += "(\(latin1(header))) 800 L\n(\(latin1(pageNo))) 480 800 moveto show\n/F 10 selectfont\n"
            var y = 770
            for line in page {
                ps += "(\(latin1(line))) \(y) L\n"
                y -= 12
            }
            ps += "showpage\n"
        }
        return ps + "%%EOF\n"
    }

    /// A PostScript string's body in Latin-1: ( ) \ escaped, what Latin-1 lacks as "?", the rest
    /// as octal escapes (the file itself stays ASCII).
    static func latin1(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "(", ")", "\\": out += "\\" + String(u)
            case " "..."~": out.unicodeScalars.append(u)
            default:
                let v = u.value
                if (0xA0...0xFF).contains(v) { out += "\\" + String(v, radix: 8) }
                else if u == "•" { out += "\\267" }          // the bullet as Latin-1's middle dot
                else if u == "“" || u == "”" { out += "\"" }
                else if u == "–" || u == "—" { out += "-" }
                else { out += "?" }
            }
        }
        return out
    }
}
