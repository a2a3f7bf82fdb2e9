"""TRL reward function backed by `verireason serve`.

    from trl import GRPOTrainer
    from trl_reward import verireason_reward
    trainer = GRPOTrainer(model=..., reward_funcs=[verireason_reward], train_dataset=dataset, ...)

TRL passes every dataset column to reward functions as keyword arguments; the column named by
VERIREASON_PROBLEM_COLUMN (default "problem_id") names each sample's problem (an id, or an inline
problem as a dict or JSON text). Completions may be plain text or conversational
([{"role": "assistant", "content": ...}]). The batch is split into chunks scored concurrently on
a thread pool; `verireason_reward_async` awaits the same work without blocking an event loop.
"""

import asyncio
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _client import RewardServiceError, post_json, problem_item  # noqa: E402

__all__ = ["verireason_reward", "verireason_reward_async", "completion_text", "RewardServiceError"]

CHUNK = int(os.environ.get("VERIREASON_CHUNK", "16"))
_executor = ThreadPoolExecutor(max_workers=int(os.environ.get("VERIREASON_CLIENT_THREADS", "8")))


def completion_text(completion):
    """The text of a completion: a string as is, or the last assistant message's content."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list):
        for message in reversed(completion):
            if isinstance(message, dict) and message.get("role", "assistant") == "assistant":
                content = message.get("content", "")
                if isinstance(content, list):  # multimodal-style parts
                    return "".join(part.get("text", "") for part in content if isinstance(part, dict))
                return content
    raise TypeError(f"cannot read a completion of type {type(completion).__name__}")


def _items(completions, kwargs):
    column = os.environ.get("VERIREASON_PROBLEM_COLUMN", "problem_id")
    labels = kwargs.get(column)
    if labels is None:
        raise KeyError(f"the dataset needs a '{column}' column (or set VERIREASON_PROBLEM_COLUMN)")
    if len(labels) != len(completions):
        raise ValueError(f"{len(completions)} completions but {len(labels)} values in '{column}'")
    return [problem_item(label, completion_text(c)) for label, c in zip(labels, completions)]


def _score_chunk(items):
    return [float(r["reward"]) for r in post_json("/v1/score", {"items": items})["results"]]


def verireason_reward(prompts, completions, **kwargs):
    """TRL reward function: one float per completion, in order."""
    items = _items(completions, kwargs)
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    rewards = []
    for part in _executor.map(_score_chunk, chunks):
        rewards.extend(part)
    return rewards


async def verireason_reward_async(prompts, completions, **kwargs):
    """The same, for trainers that await async reward functions."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, lambda: verireason_reward(prompts, completions, **kwargs))
