#!/usr/bin/env python3
"""A stand-in OpenAI-compatible server for tests of `verireason sample --endpoint` (loopback only).

Answers /v1/chat/completions and /v1/completions with deterministic text that reports what it
was asked (so tests can check the request fields), and can misbehave on demand:
  --fail-first K   answer 503 to the first K requests (retries must absorb it)
  --delay S        wait S seconds before every answer (timeouts)
  --max-n N        return at most N choices, as Ollama does (clients must ask again)
  --status CODE    always answer CODE with an error body (non-retryable errors)
Prints the port it listens on (and writes it to --port-file), then serves until killed or until
--lifetime seconds have passed, so a crashed test cannot leave it behind.
usage: mock_openai_server.py [--port 0] [--port-file F] [--lifetime 300] [...]
"""
import argparse
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, default=0)
p.add_argument("--fail-first", type=int, default=0)
p.add_argument("--delay", type=float, default=0)
p.add_argument("--max-n", type=int, default=0)
p.add_argument("--status", type=int, default=0)
p.add_argument("--port-file")
p.add_argument("--lifetime", type=float, default=300)
args = p.parse_args()
lock = threading.Lock()
count = {"requests": 0}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def answer(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        request = json.loads(self.rfile.read(length) or b"{}")
        with lock:
            count["requests"] += 1
            number = count["requests"]
        if args.delay:
            time.sleep(args.delay)
        if args.status:
            return self.answer(args.status, {"error": {"message": "mock refuses: model not found"}})
        if number <= args.fail_first:
            return self.answer(503, {"error": {"message": "mock overloaded"}})
        chat = self.path.endswith("/chat/completions")
        if not chat and not self.path.endswith("/completions"):
            return self.answer(404, {"error": {"message": f"no route {self.path}"}})
        n = int(request.get("n", 1))
        if args.max_n:
            n = min(n, args.max_n)
        said = request["messages"][-1]["content"] if chat else request.get("prompt", "")
        seen = {k: request.get(k) for k in ("model", "temperature", "top_p", "max_tokens", "seed", "top_k",
                                          "repetition_penalty")}
        seen["auth"] = self.headers.get("Authorization")
        seen["request"] = number
        choices = []
        for i in range(n):
            text = f"echo {said} #{i} " + json.dumps(seen, sort_keys=True)
            choices.append({"index": i, "finish_reason": "stop",
                            **({"message": {"role": "assistant", "content": text}} if chat else {"text": text})})
        self.answer(200, {"object": "chat.completion" if chat else "text_completion", "choices": choices,
                          "usage": {"completion_tokens": 7 * n}})


server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
port = server.server_address[1]
if args.port_file:
    with open(args.port_file + ".tmp", "w") as f:
        f.write(f"{port}\n")
    os.replace(args.port_file + ".tmp", args.port_file)
print(port, flush=True)
threading.Timer(args.lifetime, lambda: os._exit(0)).start()
server.serve_forever()
