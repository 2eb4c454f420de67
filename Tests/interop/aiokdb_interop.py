"""qlite <-> aiokdb (a pure-Python kdb+ IPC library) over 127.0.0.1.

1. aiokdb's client against a qlite server: sync string, functional call, async then
   chaser, remote error, and async messages the server pushes to the client.
2. a qlite client against aiokdb's own server (aiokdb.server.handle_connection).

Every process and wait is bounded; exit status 0 when every check passed.
"""
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time

import aiokdb
from aiokdb import server as aserver
from aiokdb.client import ClientContext, open_qipc_connection

QLITE = sys.argv[1]
failures = []


def check(name, got, want):
    ok = got == want
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": got {got!r}, want {want!r}"))
    if not ok:
        failures.append(name)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_listening(port, proc, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


SERVER_SCRIPT = """
add:{x+y}
pushes:{[n] do[n; (neg .z.w) (`tick; n)]; n}
asyncs:0
note:{asyncs::asyncs+1}
"""


async def aiokdb_client_against_qlite(port):
    pushed = asyncio.Queue()

    class Ctx(ClientContext):
        async def on_async_message(self, cmd, dotzw):
            pushed.put_nowait(cmd)

    r, w = await open_qipc_connection(host="127.0.0.1", port=port, context=Ctx())
    check("sync string 1+1", (await w.sync_req(aiokdb.cv("1+1"))).aJ(), 2)
    check("functional (`add;2;3)", (await w.sync_req(aiokdb.kk(aiokdb.ks("add"), aiokdb.kj(2), aiokdb.kj(3)))).aJ(), 5)
    for _ in range(3):
        await w.async_msg(aiokdb.kk(aiokdb.ks("note"), aiokdb.kj(1)))
    check("async then chaser", (await w.sync_req(aiokdb.cv("asyncs"))).aJ(), 3)
    try:
        await w.sync_req(aiokdb.cv("1+`a"))
        check("remote error", "no error", "'type")
    except aiokdb.KException as e:
        check("remote error", str(e), "type")
    check("pushes before the reply", (await w.sync_req(aiokdb.kk(aiokdb.ks("pushes"), aiokdb.kj(2)))).aJ(), 2)
    got = [await asyncio.wait_for(pushed.get(), 5) for _ in range(2)]
    check("pushed async messages", [[k.kK()[0].aS(), k.kK()[1].aJ()] for k in got], [["tick", 2], ["tick", 2]])
    w.close()


def part1():
    port = free_port()
    with tempfile.TemporaryFile() as script:
        script.write(SERVER_SCRIPT.encode())
        script.seek(0)
        proc = subprocess.Popen([QLITE, "-p", str(port)], stdin=script,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_listening(port, proc):
            check("qlite server starts", False, True)
            return
        asyncio.run(asyncio.wait_for(aiokdb_client_against_qlite(port), 30))
    finally:
        proc.kill()
        proc.wait(5)


class Ctx(aserver.ServerContext):
    asyncs = 0

    async def on_sync_request(self, cmd, w):
        if cmd.t == 10:
            text = cmd.aS()
            if text == "1+1":
                return aiokdb.kj(2)
            if text == "asyncs":
                return aiokdb.kj(Ctx.asyncs)
            return aiokdb.krr("nyi")
        items = cmd.kK()
        if items[0].aS() == "add":
            return aiokdb.kj(items[1].aJ() + items[2].aJ())
        return aiokdb.krr("nyi")

    async def on_async_message(self, cmd, w):
        Ctx.asyncs += 1


async def qlite_client_against_aiokdb():
    port = free_port()
    srv = await asyncio.start_server(lambda r, w: aserver.handle_connection(Ctx(), r, w), "127.0.0.1", port)
    client = (f"h:hopen `::{port}\n"
              'h"1+1"\n'
              "h(`add;2;3)\n"
              'neg[h]"x:1"\n'
              'neg[h]"x:2"\n'
              'h"asyncs"\n'
              'h"other"\n'
              "exit 0\n")
    proc = await asyncio.create_subprocess_exec(QLITE, stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(client.encode()), 30)
    srv.close()
    check("qlite client: sync, functional, async+chaser", out.decode(), "2\n5\n2\n")
    check("qlite client: remote error", err.decode().splitlines()[:1], ["'nyi"])


part1()
asyncio.run(qlite_client_against_aiokdb())
print("interop aiokdb:", "FAILED " + ", ".join(failures) if failures else "all passed")
sys.exit(1 if failures else 0)
