#!/usr/bin/env python3
"""Load test for `verireason serve` on loopback: bounded in clients, time and requests.

    python3 scripts/load-test.py .build/release/verireason [--clients 200] [--seconds 60]

Starts the server on a free loopback port with datasets/examples.jsonl, then runs CLIENTS
concurrent clients (asyncio, one keep-alive HTTP/1.1 connection each) posting one-sample
OpenRLHF requests (`POST /get_reward`, chat-template query) for SECONDS. A share of the samples
(--unique) carry a fresh comment so they miss the verdict cache and really simulate; the rest
repeat, as answers in a GRPO group do. Reports requests/s, p50/p99 latency, errors, 503s and the
iverilog/vvp processes left once the run has drained, then stops the server.
"""

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIMULATOR_NAMES = {"iverilog", "ivl", "vvp", "ivlpp"}


def process_table():
    """{pid: (ppid, name, start time)} from /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        table[int(entry)] = (int(fields[1]), name, fields[19])
    return table


def simulators_under(root):
    """Simulator processes descending from `root`, as (pid, start time): other engineers' runs on a
    shared machine must not count."""
    table = process_table()
    children = {}
    for pid, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, stack = set(), [root]
    while stack:
        for child in children.get(stack.pop(), []):
            stack.append(child)
            if table[child][1] in SIMULATOR_NAMES:
                found.add((child, table[child][2]))
    return found


def still_alive(processes):
    """Those of `processes` (pid, start time) that still run, wherever they were reparented."""
    table = process_table()
    return [pid for pid, start in processes if pid in table and table[pid][2] == start]


def start_server(binary, max_queue, extra):
    command = [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--max-queue", str(max_queue)]
    command += ["--problems", os.path.join(ROOT, "datasets/examples.jsonl")] + extra
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        match = re.search(r"listening on http://([\d.]+):(\d+)", line)
        if match:
            return process, match.group(1), int(match.group(2)), line.strip()
    process.kill()
    raise RuntimeError("server did not start")


def samples():
    """(label, response) pairs from the example completions, for every problem they cover."""
    with open(os.path.join(ROOT, "datasets/example-completions.jsonl")) as f:
        return [(row["id"], row["completion"]) for row in map(json.loads, f) if row.get("completion")]


def make_body(label, response, unique):
    if unique:
        # A comment changes the code's hash, so the verdict cache cannot answer.
        response = response.replace("endmodule", f"// load {random.getrandbits(48):x}\nendmodule", 1)
    prompt = f"<|im_start|>user\nSolve {label}.<|im_end|>\n<|im_start|>assistant\n"
    query = prompt + response + "<|im_end|>"
    return json.dumps({"query": [query], "prompts": [prompt], "labels": [label]}).encode()


async def request(reader, writer, host, port, body):
    head = (
        f"POST /get_reward HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
    ).encode()
    writer.write(head + body)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    payload = await reader.readexactly(length) if length else b""
    return status, payload


async def client(host, port, stop_at, pairs, unique_share, stats, rng, timeout):
    reader = writer = None
    while time.monotonic() < stop_at:
        label, response = rng.choice(pairs)
        body = make_body(label, response, rng.random() < unique_share)
        start = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            status, payload = await asyncio.wait_for(request(reader, writer, host, port, body), timeout)
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            stats["errors"] += 1
            stats["error_kinds"][type(error).__name__] = stats["error_kinds"].get(type(error).__name__, 0) + 1
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.1)
            continue
        elapsed = time.monotonic() - start
        if status == 200:
            answer = json.loads(payload)
            if len(answer.get("rewards", [])) != 1:
                stats["errors"] += 1
                continue
            stats["latencies"].append(elapsed)
            stats["ok"] += 1
        elif status == 503:
            stats["overloaded"] += 1
            stats["overload_latencies"].append(elapsed)
            await asyncio.sleep(0.2)  # back off as the clients in scripts/integrations do
        else:
            stats["errors"] += 1
            stats["error_kinds"][f"HTTP {status}"] = stats["error_kinds"].get(f"HTTP {status}", 0) + 1
    if writer is not None:
        writer.close()


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def run(args, host, port):
    stats = {"ok": 0, "errors": 0, "overloaded": 0, "latencies": [], "overload_latencies": [], "error_kinds": {}}
    pairs = samples()
    start = time.monotonic()
    stop_at = start + args.seconds
    tasks = [
        client(host, port, stop_at, pairs, args.unique, stats, random.Random(args.seed + i), args.timeout)
        for i in range(args.clients)
    ]
    await asyncio.gather(*tasks)
    return stats, time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", help="path to the verireason executable (a release build for numbers)")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--unique", type=float, default=0.5, help="share of samples that miss the cache")
    parser.add_argument("--max-queue", type=int, default=256)
    parser.add_argument("--timeout", type=float, default=170, help="client timeout per request")
    parser.add_argument("--seed", type=int, default=1)
    args, extra = parser.parse_known_args()
    if args.clients > 1000 or args.seconds > 600:
        parser.error("bounded by design: at most 1000 clients and 600 s")
    process, host, port, banner = start_server(args.binary, args.max_queue, extra)
    assert host.startswith("127."), "loopback only"
    seen = set()
    sampling = threading.Event()

    def sample():
        # Every simulator the server starts is recorded, so one orphaned and reparented after the
        # server stops is still found.
        while not sampling.wait(0.1):
            seen.update(simulators_under(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stats, elapsed = asyncio.run(run(args, host, port))
        # Let the last simulations drain before counting what is left over.
        drain_deadline = time.monotonic() + 30
        while simulators_under(process.pid) and time.monotonic() < drain_deadline:
            time.sleep(0.2)
        leftover_running = len(simulators_under(process.pid))
    finally:
        sampling.set()
        sampler.join()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    time.sleep(0.5)
    leftover_after_stop = len(still_alive(seen))
    total = stats["ok"] + stats["errors"] + stats["overloaded"]
    print(f"server: {banner}")
    print(f"clients: {args.clients}, duration: {elapsed:.1f} s, cache-missing share: {args.unique}")
    print(f"requests: {total} ({total / elapsed:.1f}/s), ok: {stats['ok']} ({stats['ok'] / elapsed:.1f}/s)")
    print(
        f"latency (ok): p50 {percentile(stats['latencies'], 50) * 1000:.0f} ms, "
        f"p99 {percentile(stats['latencies'], 99) * 1000:.0f} ms, "
        f"max {max(stats['latencies'], default=0) * 1000:.0f} ms"
    )
    print(f"errors: {stats['errors']} {stats['error_kinds'] or ''}".rstrip())
    overload = stats["overload_latencies"]
    print(
        f"503 overloaded: {stats['overloaded']}"
        + (f" (answered in p50 {percentile(overload, 50) * 1000:.0f} ms, p99 {percentile(overload, 99) * 1000:.0f} ms)" if overload else "")
    )
    print(
        f"simulator processes: {len(seen)} seen during the run, {leftover_running} left after draining, "
        f"{leftover_after_stop} alive after the server stopped"
    )
    return 1 if stats["errors"] or leftover_after_stop else 0


if __name__ == "__main__":
    sys.exit(main())
