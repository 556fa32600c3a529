import Foundation

/// Names compared the way Danish names are written with and without Danish letters: "Søren
/// Sørensen", "Soeren Sorensen" and "Soren Sorensen" are one name. The probable duplicates are
/// found by it (`Duplicates`).
///
/// The folding, in order:
/// 1. lower case; æ → ae, ø → oe, å → aa (Foundation's diacritic folding does not touch them: they
///    are letters of their own, not accented ones);
/// 2. every other accent removed by Foundation's folding (`.diacriticInsensitive`, ICU's data in
///    the toolchain's Foundation): é → e, ü → u, ä → a, ö → o;
/// 3. the name split into words (spaces, hyphens, commas, full stops);
/// 4. in each word, the spellings without Danish letters made one: ae → a, oe → o, ue → u, and a
///    letter written twice once (aa → a, ss → s). Both "soeren" and "soren" become "soren";
///    "Aase" and "Åse" become "ase"; "Hanssen" and "Hansen" become "hansen".
///
/// Step 4 folds more than a search would (Michael and Michal become one): it only ever makes a
/// hint for a team leader, never a merge, and the rule also asks for the same birth date.
public enum DanishName {
    /// The name's words, folded.
    public static func words(_ name: String) -> [String] {
        var s = name.lowercased()
        for (letter, spelled) in [("æ", "ae"), ("ø", "oe"), ("å", "aa")] { s = s.replacingOccurrences(of: letter, with: spelled) }
        s = s.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return s.split { !$0.isLetter }.map { collapse(String($0)) }.filter { !$0.isEmpty }
    }

    /// One word's spellings without Danish letters made one (step 4).
    static func collapse(_ word: String) -> String {
        var w = word
        for (digraph, letter) in [("ae", "a"), ("oe", "o"), ("ue", "u")] { w = w.replacingOccurrences(of: digraph, with: letter) }
        var out = "", last: Character?
        for ch in w where ch != last { out.append(ch); last = ch }
        return out
    }

    /// The name as one key: its folded words in order of the alphabet, so "Sørensen, Søren" and
    /// "Søren Sørensen" are the same name.
    public static func key(_ name: String) -> String { words(name).sorted().joined(separator: " ") }

    /// Whether two names are probably the same person's: the same key; or the same first and last
    /// word (a middle name given in one and not the other); or one letter apart (added, left out
    /// or changed: a typing error) in keys of six letters or more.
    public static func similar(_ a: String, _ b: String) -> Bool {
        similar(words: words(a), words(b))
    }

    static func similar(words a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let ka = a.sorted().joined(separator: " "), kb = b.sorted().joined(separator: " ")
        if ka == kb { return true }
        if a.count >= 2, b.count >= 2, a.first == b.first, a.last == b.last { return true }
        return min(ka.count, kb.count) >= 6 && oneEditApart(Array(ka), Array(kb))
    }

    /// Whether `a` becomes `b` by adding, removing or changing one character.
    static func oneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
        if a.count == b.count { return zip(a, b).filter { $0 != $1 }.count == 1 }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count - short.count == 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }
}
