#!/usr/bin/env python3
"""Console tests in a pseudo-terminal.

Each test starts qlite in a pty (pexpect), renders everything it writes with a VT100
emulator (pyte), and asserts on the screen and cursor, not on raw bytes. Every child
process is bounded by timeouts and killed at the end. Prints 'N passed, M failed'.

usage: test_console.py path/to/qlite
"""
import os
import shutil
import sys
import tempfile
import time
import traceback

import pexpect
import pyte

BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/qlite")


class Console:
    def __init__(self, home, args=(), rows=20, cols=80):
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = {"TERM": "xterm", "LANG": "C.UTF-8", "HOME": home, "PATH": os.environ.get("PATH", "")}
        self.child = pexpect.spawn(BINARY, list(args), dimensions=(rows, cols), env=env)
        self.wait_for(lambda: self.last_line().startswith("q)"))

    def pump(self, seconds=0.1):
        end = time.time() + seconds
        while time.time() < end:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.02))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                return

    def wait_for(self, predicate, timeout=5.0):
        end = time.time() + timeout
        while time.time() < end:
            self.pump(0.05)
            if predicate():
                return
        raise AssertionError("timed out; screen:\n" + "\n".join(self.lines()))

    def lines(self):
        return [l.rstrip() for l in self.screen.display]

    def nonblank(self):
        return [l for l in self.lines() if l]

    def last_line(self):
        nb = self.nonblank()
        return nb[-1] if nb else ""

    def send(self, text):
        self.child.send(text)

    def run(self, line, expect_output):
        self.send(line + "\r")
        self.wait_for(lambda: expect_output in self.lines())

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)


def test_prompt_and_result(home):
    c = Console(home)
    try:
        c.run("x:til 5", "q)x:til 5")
        c.run("x*2", "0 2 4 6 8")
        assert c.last_line() == "q)", c.nonblank()
    finally:
        c.close()


def test_namespace_prompt(home):
    c = Console(home)
    try:
        c.send("\\d .foo\r")
        c.wait_for(lambda: c.last_line() == "q.foo)")
    finally:
        c.close()


def test_completion_of_keyword_and_global(home):
    c = Console(home)
    try:
        c.run("counter:42", "q)counter:42")
        c.send("ti\t")
        c.wait_for(lambda: c.last_line() == "q)til")
        c.send("\x15")  # Ctrl-U clears the line
        c.send("coun\t")
        # `count` and `counter` both match: Tab completes their common prefix...
        c.wait_for(lambda: c.last_line() == "q)count")
        # ...and a second Tab lists them, then redraws the line
        c.send("\t")
        c.wait_for(lambda: any("counter" in l and "count " in l + " " for l in c.lines()))
        c.wait_for(lambda: c.last_line() == "q)count")
    finally:
        c.close()


def test_history_survives_restart(home):
    c = Console(home)
    try:
        c.run("remembered:7", "q)remembered:7")
    finally:
        c.close()
    c = Console(home)
    try:
        c.send("\x1b[A")  # Up arrow recalls the last line of the previous session
        c.wait_for(lambda: c.last_line() == "q)remembered:7")
    finally:
        c.close()


def test_ctrl_c_interrupts_evaluation(home):
    c = Console(home)
    try:
        c.run("kept:1", "q)kept:1")
        c.send("{while[1b;]}[]\r")
        c.pump(0.5)
        c.send("\x03")
        c.wait_for(lambda: any(l.endswith("'stop") for l in c.lines()))
        c.run("kept+1", "2")
    finally:
        c.close()


def test_ctrl_c_clears_half_typed_line(home):
    c = Console(home)
    try:
        c.send("half typed")
        c.wait_for(lambda: c.last_line() == "q)half typed")
        c.send("\x03")
        c.wait_for(lambda: c.last_line() == "q)")
        c.run("1+1", "2")
    finally:
        c.close()


def test_console_size_follows_resize(home):
    c = Console(home, rows=20, cols=80)
    try:
        c.run("\\c", "20 80i")
        c.child.setwinsize(30, 100)
        c.screen.resize(30, 100)
        c.pump(0.2)
        c.run("\\c", "30 100i")
    finally:
        c.close()


def test_exit_status(home):
    c = Console(home)
    try:
        c.send("exit 3\r")
        c.child.expect(pexpect.EOF, timeout=5)
        c.child.close()
        assert c.child.exitstatus == 3, c.child.exitstatus
    finally:
        c.close()


def test_ctrl_d_leaves(home):
    c = Console(home)
    try:
        c.send("\x04")
        c.child.expect(pexpect.EOF, timeout=5)
        c.child.close()
        assert c.child.exitstatus == 0, c.child.exitstatus
    finally:
        c.close()


def main():
    tests = [(n, f) for n, f in globals().items() if n.startswith("test_") and callable(f)]
    only = os.environ.get("ONLY")
    passed = failed = 0
    for name, fn in tests:
        if only and only not in name:
            continue
        home = tempfile.mkdtemp(prefix="qlite-console-")
        try:
            fn(home)
            passed += 1
            print(f"ok   {name}")
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
        finally:
            shutil.rmtree(home, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
