#ifndef MFC_CNCURSESW_SHIM_H
#define MFC_CNCURSESW_SHIM_H
/* The wide-character API is hidden unless this is set (SwiftPM drops pkg-config's -D flags). */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Declared here because Glibc hides them without _XOPEN_SOURCE. */
int wcwidth(wchar_t c);
int setupterm(const char *term, int filedes, int *errret);

/* Accessors for what Swift cannot import (function-like or casting macros). */
static inline attr_t mfc_attr_normal(void) { return A_NORMAL; }
static inline attr_t mfc_attr_bold(void) { return A_BOLD; }
static inline attr_t mfc_attr_reverse(void) { return A_REVERSE; }
static inline attr_t mfc_attr_underline(void) { return A_UNDERLINE; }
static inline mmask_t mfc_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t mfc_button1(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t mfc_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t mfc_wheel_down(void) { return BUTTON5_PRESSED; }
/* The standard screen of the current terminal (Swift 6 rejects the global). */
static inline WINDOW *mfc_stdscr(void) { return stdscr; }
/* tigetstr's "absent" and "cancelled" results. */
static inline int mfc_capability_present(const char *value) {
    return value != NULL && value != (const char *)-1;
}
#endif
