// Generated from themes/*.theme by scripts/builtin-themes.sh (make themes): do not edit.
// ThemeTests.testBuiltInThemesEqualTheFiles keeps it equal to the files.
extension Theme {
    /// The shipped themes, by name, compiled into the binary: a binary copied alone still has them.
    public static let builtIn: [String: String] = [
        "default": #"""
        # EnPlan's default theme: the terminal's own background (-1), colour only where it carries meaning.
        normal   = default default
        title    = white blue bold
        bar      = black cyan
        key      = black cyan bold
        header   = default default bold underline
        selected = black cyan
        match    = yellow default bold underline
        alert    = red default bold
        dim      = brightblack default
        error    = white red bold
        input    = default default underline
        overlay  = default default
        frame    = cyan default bold
        """#,
        "high-contrast": #"""
        # Maximum contrast: bright colours on black, for low vision and bright rooms.
        normal   = brightwhite black
        title    = black brightyellow bold
        bar      = black brightwhite
        key      = black brightwhite bold
        header   = brightyellow black bold underline
        selected = black brightyellow bold
        match    = black brightcyan bold
        alert    = brightred black bold reverse
        dim      = white black
        error    = brightwhite red bold
        input    = brightwhite black underline
        overlay  = brightwhite black
        frame    = brightyellow black bold
        """#,
        "light": #"""
        # For light terminal backgrounds.
        normal   = black white
        title    = white blue bold
        bar      = black 252
        key      = blue 252 bold
        header   = black white bold underline
        selected = white blue
        match    = magenta white bold underline
        alert    = red white bold
        dim      = 244 white
        error    = white red bold
        input    = black 230 underline
        overlay  = black 255
        frame    = blue white bold
        """#,
        "monochrome": #"""
        # No colour at all: attributes only. Used for NO_COLOR and terminals without colours.
        normal   = default default
        title    = default default reverse bold
        bar      = default default reverse
        key      = default default bold
        header   = default default bold underline
        selected = default default reverse
        match    = default default underline bold
        alert    = default default bold
        dim      = default default dim
        error    = default default bold reverse
        input    = default default underline
        overlay  = default default
        frame    = default default bold
        """#,
    ]
}
