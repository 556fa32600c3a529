/// A document for a person to read (the plan for the citizen, the citizen's access report): its
/// lines, each one terminal-safe line (`TerminalSafe.field`), and what its maker knows of its
/// shape, so that paper is laid out by the document's structure rather than by guessing from its
/// text: where a section's heading is and how far its section goes, and which runs of lines
/// belong together (a decision with its appeal guidance).
///
/// Invariants:
/// - every range is inside `0..<lines.count`; a heading and a block are never empty (a body may be);
/// - a section's `body` starts where its `heading` ends; sections are in order and do not overlap;
/// - `text` is `TerminalSafe.lines(lines)`, the text the screen, the outbox and `plan export` give.
public struct DocumentText: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        /// The heading's lines (a title and, in plain text, its underline).
        public var heading: Range<Int>
        /// The section's own lines after the heading, up to (not with) the blank lines before the
        /// next heading or the end of the section.
        public var body: Range<Int>
    }

    public private(set) var lines: [String] = []
    /// Runs of lines to keep on one page when they fit on one.
    public private(set) var blocks: [Range<Int>] = []
    private var closed: [Section] = []
    private var openSection: Range<Int>?

    /// The sections, in order; the last one open goes to the last line that is not blank.
    public var sections: [Section] { closed + (openSection.map { [section($0, to: lines.count)] } ?? []) }

    public init() {}

    /// A document of lines without headings or blocks.
    public init(lines: [String]) { for l in lines { append(l) } }

    /// The document as text, one line each, ending with a newline.
    public var text: String { TerminalSafe.lines(lines) }

    /// Adds a line (made one terminal-safe line: a stored line break shows as " ¶ "; the makers
    /// wrap a long text's paragraphs into lines of their own first, `TextWidth.wrap`).
    public mutating func append(_ line: String) { lines.append(TerminalSafe.oneLine(line)) }

    /// Starts a section with its heading's lines; the section before it (if any) ends here.
    public mutating func heading(_ headingLines: [String]) {
        endSection()
        let start = lines.count
        for l in headingLines { append(l) }
        openSection = start < lines.count ? start..<lines.count : nil
    }

    /// Ends the open section: the lines that follow belong to no section (a letter's closing words).
    public mutating func endSection() {
        guard let open = openSection else { return }
        openSection = nil
        closed.append(section(open, to: lines.count))
    }

    /// The lines from `start` (a `lines.count` taken before adding them) up to now are one block,
    /// kept together on one page if it fits (a decision with its appeal guidance).
    public mutating func keepTogether(from start: Int) {
        if start < lines.count { blocks.append(max(0, start)..<lines.count) }
    }

    /// A section from its heading to `end`, without the blank lines before `end`.
    private func section(_ heading: Range<Int>, to end: Int) -> Section {
        var end = end
        while end > heading.upperBound && lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
        return Section(heading: heading, body: heading.upperBound..<end)
    }
}
