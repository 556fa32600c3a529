import EnPlanDomain

/// A document's lines laid out on A4 pages as PostScript, for CUPS (`lp`): Courier 10 pt, 60 lines
/// a page, the municipality's name and "Side n af m" at the top of each page. Text is written in
/// ISO Latin-1 (æ, ø, å, é, ü …); a character outside it prints as "?". PostScript with a
/// standard font keeps the text a text in the PDF a cups-pdf queue makes (and in any printer's
/// own interpreter), where a filter's embedded subset fonts did not.
public enum PrintLayout {
    public static let linesPerPage = 60

    public static func postScript(lines: [String], header: String, title: String, strings s: Strings) -> String {
        let pages = stride(from: 0, to: max(lines.count, 1), by: linesPerPage).map { Array(lines[$0..<min($0 + linesPerPage, lines.count)]) }
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
