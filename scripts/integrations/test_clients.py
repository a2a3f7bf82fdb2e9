#!/usr/bin/env python3
"""Exercises the verl and TRL clients against a live `verireason serve` (no pytest needed).

    python3 scripts/integrations/test_clients.py .build/debug/verireason

Starts the server on a free port with datasets/examples.jsonl, runs the clients' pure-Python
parts against it, stops it, and exits non-zero if any check failed.
"""

import asyncio
import json
import os
import re
import subprocess
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)


def start_server(binary):
    """Starts `serve --port 0` and returns (process, base URL) once it prints its address."""
    process = subprocess.Popen(
        [binary, "serve", "--port", "0", "--problems", os.path.join(ROOT, "datasets/examples.jsonl")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    seen = []
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        seen.append(line)
        match = re.search(r"listening on (http://\S+)", line)
        if match:
            return process, match.group(1)
    process.kill()
    raise RuntimeError("server did not report its address:\n" + "".join(seen))


def completions():
    with open(os.path.join(ROOT, "datasets/example-completions.jsonl")) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    counter = [row["completion"] for row in rows if row["id"] == "counter4"]
    return {"correct": counter[0], "wrong": counter[1], "broken": counter[2], "forging": counter[4]}


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    process, url = start_server(sys.argv[1])
    os.environ["VERIREASON_REWARD_URL"] = url
    import trl_reward
    import verl_reward
    from _client import RewardServiceError, problem_item

    texts = completions()
    with open(os.path.join(ROOT, "datasets/examples.jsonl")) as f:
        counter_problem = next(p for p in map(json.loads, f) if p["id"] == "counter4")
    checks = []

    def check(name, function):
        try:
            function()
            checks.append((name, None))
        except Exception:
            checks.append((name, traceback.format_exc()))

    def verl_four_kinds():
        results = {k: verl_reward.compute_score("verireason", v, "counter4", {}) for k, v in texts.items()}
        assert abs(results["correct"]["score"] - 2.1) < 1e-9, results["correct"]
        assert results["correct"]["passed"] == 1.0
        assert 0.1 < results["wrong"]["score"] < 1.3, results["wrong"]
        assert results["broken"]["score"] == 0.0, results["broken"]
        assert results["forging"]["score"] == 0.0 and results["forging"]["failure_code"] == 2.0, results["forging"]

    def verl_inline_and_batch():
        inline = dict(counter_problem, id="inline")
        scores = verl_reward.compute_score_batch(
            ["a", "b"], [texts["correct"], texts["wrong"]], [inline, json.dumps(inline)], [{}, {}]
        )
        assert [s["passed"] for s in scores] == [1.0, 0.0], scores

    def verl_unknown_problem_raises():
        try:
            verl_reward.compute_score("x", texts["correct"], "no-such-problem")
        except RewardServiceError as error:
            assert "no-such-problem" in str(error), error
        else:
            raise AssertionError("an unknown problem id must raise")

    def trl_plain_and_conversational():
        completions_list = [texts["correct"], [{"role": "assistant", "content": texts["wrong"]}], texts["forging"]]
        rewards = trl_reward.verireason_reward(
            prompts=["p"] * 3, completions=completions_list, problem_id=["counter4"] * 3
        )
        assert len(rewards) == 3 and abs(rewards[0] - 2.1) < 1e-9 and 0 < rewards[1] < 1.3 and rewards[2] == 0, rewards

    def trl_async_and_chunks():
        trl_reward.CHUNK = 2  # five samples -> three concurrent requests
        try:
            rewards = asyncio.run(
                trl_reward.verireason_reward_async(
                    prompts=["p"] * 5, completions=[texts["correct"]] * 5, problem_id=["counter4"] * 5
                )
            )
        finally:
            trl_reward.CHUNK = 16
        assert rewards == [2.1] * 5, rewards

    def trl_missing_column():
        try:
            trl_reward.verireason_reward(prompts=["p"], completions=["x"])
        except KeyError:
            pass
        else:
            raise AssertionError("a missing problem column must raise")

    def pure_helpers():
        assert problem_item("counter4", "c") == {"problem_id": "counter4", "completion": "c"}
        assert problem_item('{"id": "x"}', "c") == {"problem": {"id": "x"}, "completion": "c"}
        assert trl_reward.completion_text([{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]) == "a"

    try:
        for name, function in [
            ("verl: correct, wrong, non-compiling, forging", verl_four_kinds),
            ("verl: inline problems, batch form", verl_inline_and_batch),
            ("verl: unknown problem raises with the reason", verl_unknown_problem_raises),
            ("trl: plain and conversational completions", trl_plain_and_conversational),
            ("trl: async, chunked over the thread pool", trl_async_and_chunks),
            ("trl: missing problem column", trl_missing_column),
            ("helpers", pure_helpers),
        ]:
            check(name, function)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()

    failed = [(name, error) for name, error in checks if error]
    for name, error in checks:
        print(("FAIL " if error else "ok   ") + name)
        if error:
            print(error)
    print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
