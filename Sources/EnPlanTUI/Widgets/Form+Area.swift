import EnPlanDomain

/// A text area (`Form.Kind.area`): a value of several lines shown in `areaRows` rows of the box's
/// width. Its lines are the value's paragraphs (split at "\n") wrapped at spaces, a word wider
/// than the box broken; the cursor is a character offset as in any text field, and ↑/↓ move it
/// to the same column of the line above or below.
extension Form {
    /// Whether the focused field is a text area.
    var isArea: Bool { fields.indices.contains(focus) && fields[focus].kind.isArea }

    /// The lines `value` shows as in a box `width` columns wide, as ranges of character offsets (a
    /// line break belongs to no line; a space where a line is wrapped ends the line before).
    static func areaLines(_ value: String, width: Int) -> [Range<Int>] {
        let chars = Array(value)
        let width = max(2, width)
        var lines: [Range<Int>] = []
        var start = 0, col = 0, lastSpace: Int?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" {
                lines.append(start..<i)
                i += 1; start = i; col = 0; lastSpace = nil
                continue
            }
            let w = TextWidth.columns(c)
            if c == " ", col + w > width {
                // A space where the line is full ends it (drawn as nothing): the next word starts the next.
                lines.append(start..<(i + 1))
                i += 1; start = i; col = 0; lastSpace = nil
                continue
            }
            if col + w > width, i > start {
                // Wrap after the line's last space, else (one long word) right here.
                let end = lastSpace.map { $0 + 1 } ?? i
                lines.append(start..<end)
                start = end; lastSpace = nil
                col = TextWidth.columns(String(chars[start..<i]))
                continue
            }
            if c == " " { lastSpace = i }
            col += w; i += 1
        }
        lines.append(start..<chars.count)
        return lines
    }

    /// The line the cursor at `offset` is on (at a wrap, the start of the next line).
    static func areaLine(of offset: Int, in lines: [Range<Int>]) -> Int {
        lines.lastIndex { $0.lowerBound <= offset } ?? 0
    }

    /// The width ↑/↓ reckon an area's lines at: the box's (`inputWidth`; a window too narrow for
    /// it draws a narrower box, where ↑/↓ still move by these lines).
    var areaWidth: Int { inputWidth }

    /// The character offsets of the line the cursor is on in the focused area (its end: before the
    /// line break, or before the space a wrapped line ends with).
    func areaLineBounds() -> Range<Int> {
        let value = fields[focus].value
        let lines = Form.areaLines(value, width: areaWidth)
        let line = lines[Form.areaLine(of: cursor, in: lines)]
        let wrapped = line.upperBound < value.count && Array(value)[line.upperBound] != "\n"
        return line.lowerBound..<(wrapped && line.upperBound > line.lowerBound ? line.upperBound - 1 : line.upperBound)
    }

    /// Moves the cursor one line up or down in the focused area, to the same column or the
    /// line's end; false at the first or last line (the focus then moves to another field).
    mutating func areaMove(by delta: Int) -> Bool {
        let value = fields[focus].value
        let lines = Form.areaLines(value, width: areaWidth)
        let here = Form.areaLine(of: cursor, in: lines)
        let there = here + delta
        guard lines.indices.contains(there) else { return false }
        let chars = Array(value)
        let column = TextWidth.columns(String(chars[lines[here].lowerBound..<min(cursor, chars.count)]))
        var offset = lines[there].lowerBound, used = 0
        while offset < lines[there].upperBound {
            let w = TextWidth.columns(chars[offset])
            if used + w > column { break }
            used += w; offset += 1
        }
        // Not past a wrapped line's end (that is the next line's start).
        if offset == lines[there].upperBound, there + 1 < lines.count, lines[there + 1].lowerBound == offset, offset > lines[there].lowerBound {
            offset -= 1
        }
        cursor = offset
        return true
    }

    /// Draws a text area's rows from `row` in a box `width` columns wide; returns where the cursor
    /// goes (row, column) when the area is focused. The focused area is scrolled so the cursor's
    /// line shows; "▲"/"▼" beside the box say there is more above or below.
    func renderArea(_ f: Field, focused: Bool, into canvas: inout Canvas, row: Int, col: Int, width: Int) -> (Int, Int)? {
        let lines = Form.areaLines(f.value, width: width)
        let chars = Array(f.value)
        let here = focused ? Form.areaLine(of: cursor, in: lines) : 0
        let top = max(0, here - areaRows + 1)
        let role: Role = focused ? .selected : .input
        for k in 0..<areaRows {
            let i = top + k
            var text = lines.indices.contains(i) ? String(chars[lines[i]]) : ""
            // The space a line was wrapped at is not drawn (it would not fit).
            if TextWidth.columns(text) > width, text.last == " " { text.removeLast() }
            canvas.put(TextWidth.fit(text, to: width), row: row + k, col: col, role: role, width: width)
        }
        if top > 0 { canvas.put("▲", row: row + min(1, areaRows - 1), col: col + width + 1, role: .dim) }
        if top + areaRows < lines.count { canvas.put("▼", row: row + areaRows - 1, col: col + width + 1, role: .dim) }
        guard focused else { return nil }
        let column = TextWidth.columns(String(chars[lines[here].lowerBound..<min(cursor, chars.count)]))
        return (row + here - top, col + min(width - 1, column))
    }
}
