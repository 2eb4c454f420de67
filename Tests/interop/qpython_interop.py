"""qPython 2.0.0 (exxeleron, PyPI) client against a qlite server over 127.0.0.1:
sync string, functional call, async then chaser, remote error, async messages pushed
to the client. Exit status 0 when every check passed."""
import os
import socket
import subprocess
import sys
import tempfile
import time

import numpy
from qpython import qconnection
from qpython.qtype import QException

QLITE = sys.argv[1]
failures = []


def check(name, got, want):
    ok = got == want
    print(("ok   " if ok else "FAIL ") + "qPython: " + name + ("" if ok else f": got {got!r}, want {want!r}"))
    if not ok:
        failures.append(name)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


SERVER = """add:{x+y}
asyncs:0
note:{asyncs::asyncs+1}
later:{(neg .z.w)(`tick;x)}
"""

port = free_port()
with tempfile.NamedTemporaryFile("w", suffix=".q", delete=False) as f:
    f.write(SERVER)
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
    q = qconnection.QConnection(host="127.0.0.1", port=port, timeout=10)
    q.open()
    check("handshake capability", q.protocol_version, 3)
    check("sync string 1+1", int(q.sendSync("1+1")), 2)
    check("functional (`add;2;3)", int(q.sendSync(numpy.string_("add"), 2, 3)), 5)
    for _ in range(3):
        q.sendAsync(numpy.string_("note"), 1)
    check("async then chaser", int(q.sendSync("asyncs")), 3)
    try:
        q.sendSync("1+`a")
        check("remote error", "no error", "type")
    except QException as e:
        text = e.args[0]  # qPython keeps the error text as bytes
        check("remote error", text.decode() if isinstance(text, bytes) else text, "type")
    q.sendAsync(numpy.string_("later"), 7)
    msg = q.receive(data_only=True)
    check("async message pushed to the client", [msg[0], int(msg[1])], [b"tick", 7])
    q.close()
finally:
    server.kill()
    server.wait(5)
    os.unlink(script)
print("interop qPython:", "FAILED " + ", ".join(failures) if failures else "all passed")
sys.exit(1 if failures else 0)
