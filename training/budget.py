"""Training time spent by a pretraining run, carried across resumed runs, and the stop
it puts to the Trainer (``max_minutes`` of wall time, ``max_cpu_minutes`` of CPU time).
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

logger = logging.getLogger(__name__)

BUDGET_FILE = "budget.json"  # in each checkpoint: training minutes spent up to it


def passive_openmp() -> str | None:
    """Make OpenMP threads sleep instead of spin while they wait (``OMP_WAIT_POLICY``),
    unless the caller chose; returns the policy in force (None: torch came first).

    libgomp reads the variable once, when torch loads it, so this only works before
    ``import torch``. Measured on this project's shared 2-core machine (load ~10, the
    v1 4-layer model, batch 32 × 128): 4.5 CPU-s and 13.6 s a step with spinning
    threads (unset: 3.7 / 11.9), 1.1 CPU-s and 3.1 s with sleeping ones — a spinning
    thread burns its share of the cores waiting for a descheduled sibling. With it,
    CPU time measures work, which ``max_cpu_minutes`` relies on.
    """
    import sys

    if "torch" in sys.modules:
        return os.environ.get("OMP_WAIT_POLICY")
    return os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


class Budget:
    """Training time spent: wall and CPU seconds, carried over resumed runs.

    CPU time (``time.process_time``: this process, all threads) is the fairer measure
    on a shared machine, where a busy neighbour stretches wall time but not the work
    done — provided idle OpenMP threads sleep rather than spin (``passive_openmp``).
    Both include periodic evaluation and checkpointing.
    """

    def __init__(self, prior: dict[str, float] | None = None) -> None:
        prior = prior or {}
        self.cpu0 = float(prior.get("cpu_seconds", 0.0))
        self.wall0 = float(prior.get("train_seconds", 0.0))
        self.start()

    def start(self) -> None:
        self.t_cpu, self.t_wall = time.process_time(), time.time()

    def cpu_seconds(self) -> float:
        return self.cpu0 + time.process_time() - self.t_cpu

    def train_seconds(self) -> float:
        return self.wall0 + time.time() - self.t_wall

    def as_dict(self) -> dict[str, float]:
        return {"cpu_seconds": round(self.cpu_seconds(), 2),
                "train_seconds": round(self.train_seconds(), 2)}

    @classmethod
    def of_checkpoint(cls, checkpoint: str | None) -> Budget:
        path = Path(checkpoint) / BUDGET_FILE if checkpoint else None
        if path is not None and path.is_file():
            return cls(json.loads(path.read_text(encoding="utf-8")))
        return cls()


def budget_callback(budget: Budget, started: float, max_minutes: float | None,
                     max_cpu_minutes: float | None):
    """Stops (and saves) at either budget; writes the budget spent into each checkpoint."""
    from transformers import TrainerCallback

    class BudgetCallback(TrainerCallback):
        def on_train_begin(self, args, state, control, **kwargs):
            budget.start()  # the checkpoint loading before this is not training

        def on_step_end(self, args, state, control, **kwargs):
            over_wall = max_minutes is not None and time.time() - started > max_minutes * 60
            over_cpu = max_cpu_minutes is not None and budget.cpu_seconds() > max_cpu_minutes * 60
            if over_wall or over_cpu:
                logger.info("budget spent (%s) at step %d", "wall" if over_wall else "cpu",
                            state.global_step)
                control.should_training_stop = True
                control.should_save = True
            return control

        def on_save(self, args, state, control, **kwargs):
            ckpt = Path(args.output_dir) / f"checkpoint-{state.global_step}"
            if ckpt.is_dir():
                (ckpt / BUDGET_FILE).write_text(json.dumps(budget.as_dict()) + "\n")
            return control

    return BudgetCallback()
