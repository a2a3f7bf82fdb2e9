"""verl custom reward function backed by `verireason serve`.

verl calls `compute_score(data_source, solution_str, ground_truth, extra_info)` for each
response; `ground_truth` (the dataset's `reward_model.ground_truth`) names the problem by id, or
carries it inline as a dict or JSON text in the project's problem-file row format. The answer is
a dict whose "score" is the reward and whose other keys verl logs as reward_extra_info.

    export VERIREASON_REWARD_URL=http://127.0.0.1:8000
    python3 -m verl.trainer.main_ppo ... \
        custom_reward_function.path=scripts/integrations/verl_reward.py \
        custom_reward_function.name=compute_score
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _client import RewardServiceError, post_json, problem_item  # noqa: E402

__all__ = ["compute_score", "compute_score_batch", "RewardServiceError"]


def _as_result(record):
    """verl's dict form: "score" is the reward; the rest are logged per sample."""
    return {
        "score": float(record["reward"]),
        "passed": 1.0 if record["passed"] else 0.0,
        "pass_fraction": float(record.get("pass_fraction", 0.0)),
        "format": float(record["format"]),
        "compiles": float(record["compiles"]),
        "functional": float(record["functional"]),
        "structural": float(record["structural"]),
        "failure_code": float(record.get("failure_code", 0)),
    }


def compute_score(data_source, solution_str, ground_truth, extra_info=None):
    """Reward of one response (verl's NaiveRewardManager calls this per sample)."""
    answer = post_json("/v1/score", {"items": [problem_item(ground_truth, solution_str)]})
    return _as_result(answer["results"][0])


def compute_score_batch(data_sources, solution_strs, ground_truths, extra_infos=None):
    """Rewards of a whole batch in one request (verl's BatchRewardManager)."""
    items = [problem_item(truth, text) for truth, text in zip(ground_truths, solution_strs)]
    answer = post_json("/v1/score", {"items": items})
    return [_as_result(record) for record in answer["results"]]
