#ifndef QLITE_CLIBEDIT_SHIM_H
#define QLITE_CLIBEDIT_SHIM_H
/* libedit's el_set, el_get and history are C variadics, which Swift cannot call.
   One non-variadic wrapper per call shape qlite uses. */
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

typedef char *(*qlite_prompt_fn)(EditLine *);
typedef int (*qlite_getc_fn)(EditLine *, wchar_t *);
typedef unsigned char (*qlite_command_fn)(EditLine *, int);

static inline int qlite_el_prompt(EditLine *e, qlite_prompt_fn f) { return el_set(e, EL_PROMPT, f); }
static inline int qlite_el_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int qlite_el_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int qlite_el_getcfn(EditLine *e, qlite_getc_fn f) { return el_set(e, EL_GETCFN, f); }
static inline int qlite_el_refresh(EditLine *e) { return el_set(e, EL_REFRESH); }
static inline int qlite_el_history(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int qlite_el_addfn(EditLine *e, const char *name, const char *help, qlite_command_fn f) {
  return el_set(e, EL_ADDFN, name, help, f);
}
static inline int qlite_el_bind(EditLine *e, const char *key, const char *name) { return el_set(e, EL_BIND, key, name, NULL); }
static inline int qlite_el_columns(EditLine *e) { int c = 0; return el_get(e, EL_GETTC, "co", &c) == 0 && c > 0 ? c : 80; }
static inline int qlite_el_prep_term(EditLine *e, int on) { return el_set(e, EL_PREP_TERM, on); }
static inline int qlite_history_size(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int qlite_history_unique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int qlite_history_enter(History *h, const char *s) { HistEvent ev; return history(h, &ev, H_ENTER, s); }
static inline int qlite_history_load(History *h, const char *p) { HistEvent ev; return history(h, &ev, H_LOAD, p); }
static inline int qlite_history_save(History *h, const char *p) { HistEvent ev; return history(h, &ev, H_SAVE, p); }
/* Swift 6 treats the C stdio globals as shared mutable state. */
static inline FILE *qlite_stdin(void) { return stdin; }
static inline FILE *qlite_stdout(void) { return stdout; }
static inline FILE *qlite_stderr(void) { return stderr; }
static inline int qlite_flush_stdout(void) { return fflush(stdout); }
/* wcwidth is hidden by glibc's headers unless _XOPEN_SOURCE is set. */
extern int wcwidth(wchar_t);
static inline int qlite_wcwidth(wchar_t c) { return wcwidth(c); }
#endif
