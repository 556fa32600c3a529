#ifndef ENPLAN_CNCURSES_SHIM_H
#define ENPLAN_CNCURSES_SHIM_H
/* The wide-character ncurses. SwiftPM drops pkg-config's -D flags, so they are set here. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros Swift cannot import, as functions. */
static inline WINDOW *enplan_stdscr(void) { return stdscr; }
static inline int enplan_lines(void) { return LINES; }
static inline int enplan_cols(void) { return COLS; }
static inline int enplan_has_colors(void) { return has_colors(); }
static inline int enplan_colors(void) { return COLORS; }
static inline attr_t enplan_a_normal(void) { return A_NORMAL; }
static inline attr_t enplan_a_bold(void) { return A_BOLD; }
static inline attr_t enplan_a_reverse(void) { return A_REVERSE; }
static inline attr_t enplan_a_underline(void) { return A_UNDERLINE; }
static inline attr_t enplan_a_dim(void) { return A_DIM; }
static inline int enplan_key_f(int n) { return KEY_F(n); }
static inline int enplan_attr_set(attr_t a, int pair) { return attr_set(a, (short)pair, NULL); }
static inline int enplan_get_wch(wint_t *c) { return get_wch(c); }
static inline int enplan_mvaddnwstr(int y, int x, const wchar_t *s, int n) { return mvaddnwstr(y, x, s, n); }
static inline int enplan_key_code_yes(void) { return KEY_CODE_YES; }

/* Whether the terminal can be used at all, before initscr (which would exit with its own English
   message): 0 usable, 1 unknown to terminfo, 2 cannot move the cursor (TERM=dumb). */
#include <ncursesw/term.h>
static inline int enplan_terminal_problem(const char *name) {
    int err = 0;
    if (setupterm(name, 1, &err) != OK) return 1;
    char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return usable ? 0 : 2;
}
#endif
