#!/usr/bin/env python3
"""IPC benchmarks for qlite, measured in one run on 127.0.0.1, printed as ratios.

- loopback floor: `sockperf ping-pong --tcp` (Debian package sockperf), 16-byte
  messages; sockperf reports half the round trip, doubled here;
- qlite<->qlite sync round trips per second for a trivial call (`h"1"` and
  ``h(`abs;1)``), and their ratio to the floor;
- async messages per second: one million ``neg[h](`abs;1)`` then a chaser `h""`;
- a 10-million-float vector round trip (``h(`abs;v)``) in GB/s (80 MB each way);
- for comparison, the same server driven by pykx's client (pykx 4.2.0, unlicensed
  mode) when .build/interop-venv-pykx exists (`python3 -m venv .build/interop-venv-pykx;
  .build/interop-venv-pykx/bin/pip install pykx==4.2.0`).

Usage: benchmarks/ipc/bench.py [path/to/qlite]   (default .build/release/qlite)
Every process is bounded by a timeout and killed at the end.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QLITE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/qlite")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def wait_listening(port, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def sockperf_rtt_us(seconds=5):
    if not shutil.which("sockperf"):
        return None
    port = free_port()
    srv = subprocess.Popen(["sockperf", "server", "--tcp", "-i", "127.0.0.1", "-p", str(port)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        out = subprocess.run(["sockperf", "ping-pong", "--tcp", "-i", "127.0.0.1", "-p", str(port),
                              "-t", str(seconds), "-m", "16"], capture_output=True, text=True,
                             timeout=seconds + 20).stdout
        avg = re.search(r"Latency is ([0-9.]+) usec", out)
        p50 = re.search(r"percentile 50\.000 =\s+([0-9.]+)", out)
        return (2 * float(avg.group(1)), 2 * float(p50.group(1))) if avg and p50 else None
    finally:
        srv.kill()
        srv.wait(5)


CLIENT = r"""
h:hopen `::PORT
\t do[N; h"1"]
\t do[N; h(`abs;1)]
\t do[1000000; neg[h](`abs;1)]; h""
v:10000000?1.0
r:h(`abs;v)
\t r:h(`abs;v)
\t r:h(`abs;v)
exit 0
"""


PYKX_CLIENT = r"""
import os, sys, time
os.environ.setdefault("PYKX_UNLICENSED", "true")
import pykx as kx
q = kx.SyncQConnection("127.0.0.1", int(sys.argv[1]), timeout=10, no_ctx=True)
n = 20000
q("1")
t = time.time()
for _ in range(n):
    q("1")
print((time.time() - t) / n * 1e6)
"""


def pykx_rtt_us(port):
    py = os.path.join(ROOT, ".build/interop-venv-pykx/bin/python")
    if not os.path.exists(py):
        return None
    out = subprocess.run([py, "-c", PYKX_CLIENT, str(port)], capture_output=True, text=True, timeout=300)
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def main():
    floor = sockperf_rtt_us()
    port = free_port()
    server = subprocess.Popen([QLITE, "-p", str(port)], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_listening(port):
            sys.exit("qlite server did not start")
        n = 100000
        script = CLIENT.replace("PORT", str(port)).replace("N;", f"{n};")
        out = subprocess.run([QLITE], input=script, capture_output=True, text=True, timeout=600)
        ms = [int(x) for x in out.stdout.split()]
        if len(ms) != 5:
            sys.exit("unexpected client output: " + out.stdout + out.stderr)
        pykx = pykx_rtt_us(port)
    finally:
        server.kill()
        server.wait(5)
    sync_str, sync_fn, async_ms, big1, big2 = ms
    rtt_str = sync_str * 1000 / n
    rtt_fn = sync_fn * 1000 / n
    big = min(big1, big2)
    print(f"qlite: {QLITE}")
    if floor:
        print(f"sockperf ping-pong floor (TCP, 16 B): {floor[0]:.1f} us round trip (avg), {floor[1]:.1f} us (median)")
    else:
        print("sockperf not installed: no floor (apt-get install sockperf)")
    for name, rtt in (('h"1"', rtt_str), ("h(`abs;1)", rtt_fn)):
        line = f"sync {name}: {1e6 / rtt:,.0f} round trips/s, {rtt:.1f} us each"
        if floor:
            line += f", {rtt / floor[0]:.2f}x the floor avg, {rtt / floor[1]:.2f}x the median"
        print(line)
    print(f"async: 1,000,000 messages + chaser in {async_ms} ms = {1e9 / max(async_ms, 1):,.0f} messages/s")
    if pykx:
        print(f'pykx client, sync q("1") against the same server: {pykx:.1f} us each, {1e6 / pykx:,.0f}/s '
              f'(qlite client h"1": {rtt_str:.1f} us)')
    else:
        print("pykx client: skipped (no .build/interop-venv-pykx)")
    print(f"10M floats round trip: {big} ms = {2 * 80e6 / (big / 1000) / 1e9:.2f} GB/s (160 MB moved)")


main()
