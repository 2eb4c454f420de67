"""pykx 4.2.0 (KX, unlicensed mode) client against a qlite server over 127.0.0.1:
sync string, functional call, async then chaser, remote error. Exit 0 when all pass."""
import os
import socket
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("PYKX_UNLICENSED", "true")
import pykx as kx

QLITE = sys.argv[1]
failures = []


def check(name, got, want):
    ok = got == want
    print(("ok   " if ok else "FAIL ") + "pykx: " + name + ("" if ok else f": got {got!r}, want {want!r}"))
    if not ok:
        failures.append(name)


s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
with tempfile.NamedTemporaryFile("w", suffix=".q", delete=False) as f:
    f.write("add:{x+y}\nasyncs:0\nnote:{asyncs::asyncs+1}\n")
    script = f.name
server = subprocess.Popen([QLITE, script, "-p", str(port)], stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    deadline = time.time() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            if time.time() > deadline:
                sys.exit("qlite server did not start")
            time.sleep(0.05)
    # no_ctx: pykx would otherwise send its own helper queries first.
    q = kx.SyncQConnection("127.0.0.1", port, timeout=10, no_ctx=True)
    check("sync string 1+1", q("1+1").py(), 2)
    check("functional add[2;3]", q("add", 2, 3).py(), 5)
    for _ in range(3):
        q("note", 1, wait=False)
    check("async then chaser", q("asyncs").py(), 3)
    try:
        q("1+`a")
        check("remote error", "no error", "type")
    except kx.QError as e:
        check("remote error", str(e), "type")
    q.close()
finally:
    server.kill()
    server.wait(5)
    os.unlink(script)
print("interop pykx:", "FAILED " + ", ".join(failures) if failures else "all passed")
sys.exit(1 if failures else 0)
