"""Shared HTTP plumbing for the verireason reward clients (standard library only).

Both clients post to a running `verireason serve`. The base URL comes from the environment
variable VERIREASON_REWARD_URL (default http://127.0.0.1:8000); several comma-separated URLs
spread requests over several servers, which is how the stateless service scales out.
"""

import itertools
import json
import os
import threading
import time
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000"
# Clients of OpenRLHF and verl give up after 180 s; the server's deadline is 120 s.
TIMEOUT_SECONDS = float(os.environ.get("VERIREASON_REWARD_TIMEOUT", "170"))
RETRIES = int(os.environ.get("VERIREASON_REWARD_RETRIES", "8"))

_lock = threading.Lock()
_cycle = None
_cycle_source = None


class RewardServiceError(RuntimeError):
    """The service refused the request (4xx) or stayed unreachable after the retries."""


def base_urls():
    """The configured server URLs, without trailing slashes."""
    raw = os.environ.get("VERIREASON_REWARD_URL", DEFAULT_URL)
    urls = [u.strip().rstrip("/") for u in raw.split(",") if u.strip()]
    if not urls:
        raise RewardServiceError("VERIREASON_REWARD_URL is empty")
    return urls


def next_url():
    """Round-robin over the configured servers (re-read when the variable changes)."""
    global _cycle, _cycle_source
    urls = base_urls()
    with _lock:
        if _cycle is None or _cycle_source != urls:
            _cycle, _cycle_source = itertools.cycle(urls), urls
        return next(_cycle)


def problem_item(label, completion):
    """A /v1/score item: `label` is a problem id, an inline problem dict, or its JSON text."""
    if isinstance(label, dict):
        return {"problem": label, "completion": completion}
    if not isinstance(label, str):
        raise TypeError(f"problem label must be an id string or a problem dict, got {type(label).__name__}")
    text = label.strip()
    if text.startswith("{"):
        return {"problem": json.loads(text), "completion": completion}
    return {"problem_id": text, "completion": completion}


def post_json(path, payload, timeout=None):
    """POST `payload` as JSON and return the decoded answer.

    503 (queue full) and connection errors are retried with backoff, honouring Retry-After;
    4xx answers raise at once with the server's reason, since retrying cannot fix them.
    """
    data = json.dumps(payload).encode()
    delay = 0.5
    last_error = None
    for attempt in range(RETRIES + 1):
        url = next_url() + path
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout or TIMEOUT_SECONDS) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            body = error.read().decode(errors="replace")
            if error.code == 503 or error.code >= 500:
                last_error = f"{url}: HTTP {error.code}: {body}"
                retry_after = error.headers.get("Retry-After")
                wait = float(retry_after) if retry_after else delay
            else:
                raise RewardServiceError(f"{url}: HTTP {error.code}: {body}") from None
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last_error = f"{url}: {error}"
            wait = delay
        if attempt < RETRIES:
            time.sleep(wait)
            delay = min(delay * 2, 10)
    raise RewardServiceError(f"reward service unavailable after {RETRIES + 1} attempts: {last_error}")
