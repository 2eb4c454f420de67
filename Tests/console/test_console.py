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
    def __init__(self, home, args=(), rows=20, cols=80, cwd=None):
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = {"TERM": "xterm", "LANG": "C.UTF-8", "HOME": home, "PATH": os.environ.get("PATH", "")}
        self.child = pexpect.spawn(BINARY, list(args), dimensions=(rows, cols), env=env, cwd=cwd)
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


def test_completion_of_file_after_load(home):
    with open(os.path.join(home, "myscript.q"), "w") as f:
        f.write("loaded:1\n")
    c = Console(home, cwd=home)
    try:
        c.send("\\l mysc\t")
        c.wait_for(lambda: c.last_line() == "q)\\l myscript.q")
        c.send("\r")
        c.run("loaded", "1")
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


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def send_async(port, lines):
    """A second qlite, non-interactive, sends async messages to the console's port."""
    script = f"h:hopen `:127.0.0.1:{port}\n" + "".join(f"neg[h]{q}\n" for q in lines) + 'h""\nexit 0\n'
    import subprocess
    subprocess.run([BINARY, "-q"], input=script.encode(), timeout=20, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def console_with_port(home, rows=20, cols=80):
    port = free_port()
    return Console(home, args=["-p", str(port)], rows=rows, cols=cols), port


def test_async_output_on_empty_line(home):
    c, port = console_with_port(home)
    try:
        send_async(port, ['"show 42"'])
        c.wait_for(lambda: "42" in c.lines() and c.last_line() == "q)")
        assert c.screen.cursor.x == 2
    finally:
        c.close()


def test_async_output_above_half_typed_line(home):
    c, port = console_with_port(home)
    try:
        c.send("select from trade where sym=`IBM")
        c.send("\x1b[D\x1b[D\x1b[D")  # cursor three left of the end
        c.wait_for(lambda: c.last_line() == "q)select from trade where sym=`IBM")
        send_async(port, ['"-1 \\"callback 43\\""'])
        c.wait_for(lambda: "callback 43" in c.lines())
        nb = c.nonblank()
        assert nb[-1] == "q)select from trade where sym=`IBM", nb
        assert nb[-2] == "callback 43", nb
        assert c.screen.cursor.x == len("q)select from trade where sym=`IBM") - 3
        c.send("X\r")  # typing goes on at the cursor
        c.wait_for(lambda: any("q)select from trade where sym=`XIBM" in l for l in c.lines()))
    finally:
        c.close()


def test_async_output_with_wrapped_line(home):
    c, port = console_with_port(home, rows=20, cols=40)
    try:
        typed = "a long line that wraps past the forty column edge"
        c.send(typed)
        c.wait_for(lambda: any(l.startswith("q)a long") for l in c.lines()))
        send_async(port, ['"-1 \\"first\\""', '"-1 \\"second\\""'])
        c.wait_for(lambda: "second" in c.lines())
        c.pump(0.3)
        nb = c.nonblank()
        full = "q)" + typed
        rows = [full[:40].rstrip(), full[40:].rstrip()]
        assert nb[-2:] == rows, nb
        assert nb.count(rows[0]) == 1, nb  # no stale first row left behind
        assert nb[-3] == "second", nb
    finally:
        c.close()


def test_async_burst_keeps_utf8_line(home):
    c, port = console_with_port(home)
    try:
        c.send("s:\"héllo wörld €\"")
        c.wait_for(lambda: c.last_line() == 'q)s:"héllo wörld €"')
        send_async(port, [f'"-1 \\"msg {i}\\""' for i in range(40)])
        c.wait_for(lambda: "msg 39" in c.lines())
        c.pump(0.2)
        assert c.last_line() == 'q)s:"héllo wörld €"', c.nonblank()
        c.send("\r")
        c.run("count s", "17")
    finally:
        c.close()


def test_async_output_during_history_search(home):
    c, port = console_with_port(home)
    try:
        c.run("til 3", "0 1 2")
        c.send("\x12ti")  # Ctrl-R, search for "ti"
        # libedit shows the match on the edit line and the search below it
        c.wait_for(lambda: c.nonblank()[-2:] == ["q)til 3", "bck:ti"])
        send_async(port, ['"-1 \\"during search\\""'])
        c.wait_for(lambda: "during search" in c.lines())
        c.pump(0.2)
        nb = c.nonblank()
        assert nb[-3:] == ["during search", "q)til 3", "bck:ti"], nb
        assert nb.count("q)til 3") == 2, nb  # the entered line and the redrawn one, nothing stale
    finally:
        c.close()


def test_ctrl_c_interrupts_blocked_sync_call(home):
    import socket
    import threading
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    held = []

    def accept_and_stall():
        conn, _ = server.accept()
        conn.recv(64)
        conn.sendall(b"\x03")  # handshake accepted; no reply to any query ever comes
        held.append(conn)

    threading.Thread(target=accept_and_stall, daemon=True).start()
    c = Console(home)
    try:
        c.run(f"h:hopen {port}", f"q)h:hopen {port}")
        c.send('h"1+1"\r')
        c.pump(0.5)
        c.send("\x03")
        c.wait_for(lambda: any(l.endswith("'stop") for l in c.lines()))
        c.run("2+2", "4")
    finally:
        c.close()
        for conn in held:
            conn.close()
        server.close()


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
