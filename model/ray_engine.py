"""Ray Data: predict() over a Ray Dataset, on one machine or a Ray cluster.

:func:`predict_dataset` is the Python entry point: ``map_batches`` with a pool of actors,
each loading the model once (``ActorPoolStrategy`` through ``concurrency=``) and then
predicting batch after batch. :func:`predict_stream` is what ``phogov predict --engine
ray`` runs: the driver streams the inputs, hands them to Ray a chunk at a time, and
writes results as they come back (resumable like the local engine, see
``phogov.corpus``). Needs the ``ray`` extra: ``pip install 'phogov[ray]'``.

Results are the same JSON as the single-process path: ``result`` holds ``predict()``'s
dict for one document, serialised (Arrow needs one schema for every row; entities of
different labels carry different keys).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

RESULT_COLUMNS = ("id", "result", "error")


def _require_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(f"the Ray engine needs the ray extra ({exc.name} is missing): "
                           "pip install 'phogov[ray]'") from None
    return ray


class PhogovActor:
    """One Ray actor: the model loaded once, then batches of documents predicted."""

    def __init__(self, settings: dict[str, Any], id_column: str = "id",
                 text_column: str = "text", threads: int | None = None,
                 grouped: bool = False) -> None:
        import torch

        from phogov.predictor import RULES

        if threads:
            torch.set_num_threads(int(threads))
        self.settings = settings
        self.id_column, self.text_column = id_column, text_column
        self.grouped = grouped
        if settings.get("model") != RULES:  # load now, once per actor
            from phogov.predictor import resolve_model
            from phogov.runtime import load_runtime_model

            load_runtime_model(resolve_model(settings.get("model")), settings.get("runtime"),
                               device="cpu")

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        from phogov.corpus import predict_batch

        for column in (self.id_column, self.text_column):
            if column not in batch:
                raise ValueError(f"the dataset has no {column!r} column (columns: "
                                 f"{', '.join(batch)}); pass id_column= / text_column=")
        if self.grouped:  # rows are whole batches, formed by the driver
            done = [d for ids, texts in zip(batch[self.id_column], batch[self.text_column])
                    for d in predict_batch([(str(i), str(t)) for i, t in zip(ids, texts)],
                                           self.settings)]
        else:
            ids = [str(i) for i in batch[self.id_column]]
            texts = [str(t) for t in batch[self.text_column]]
            done = predict_batch(list(zip(ids, texts)), self.settings)
        return {"id": [d[0] for d in done],
                "result": [json.dumps(d[1], ensure_ascii=False) if d[1] is not None else None
                           for d in done],
                "error": [d[2] for d in done]}


def predict_dataset(ds: Any, model: str | None = None, *, runtime: str | None = None,
                    pure: bool = False, id_column: str = "id", text_column: str = "text",
                    actors: int = 2, cpus_per_actor: float = 1, batch_docs: int = 16,
                    batch_size: int = 32) -> Any:
    """A Ray Dataset of ``{id, result, error}`` rows, one per row of ``ds``.

    ``ds`` has a text column and an id column (names configurable). ``result`` is the
    JSON of ``predict()``'s answer for that text (``json.loads`` it), ``error`` is None
    or the reason that one document failed. ``actors`` actors each load the model once
    and use ``cpus_per_actor`` torch threads. Lazy, like every Ray transform: write it
    (``.write_json``/``.write_parquet``) or iterate it to run it.

    With the int8 and onnx runtimes, scores can differ in the second or third decimal
    from a run where other documents share the batch (dynamic quantisation scales
    activations per batch); the labels practically never do, and fp32 is unaffected.
    """
    from phogov.runtime import requested_runtime

    _require_ray()
    settings = {"model": _portable(model), "runtime": requested_runtime(runtime),
                "pure": pure, "batch_size": batch_size}
    return _map(ds, settings, id_column, text_column, actors, cpus_per_actor, batch_docs)


def _map(ds: Any, settings: dict[str, Any], id_column: str, text_column: str, actors: int,
         cpus_per_actor: float, batch_docs: int, grouped: bool = False) -> Any:
    kwargs = {"settings": settings, "id_column": id_column, "text_column": text_column,
              "threads": max(1, int(cpus_per_actor)), "grouped": grouped}
    return ds.map_batches(PhogovActor, fn_constructor_kwargs=kwargs,
                          batch_size=1 if grouped else batch_docs, batch_format="numpy",
                          concurrency=actors, num_cpus=cpus_per_actor)


def _portable(model: str | os.PathLike[str] | None) -> str | None:
    """A model name every actor can resolve: local paths made absolute (actors do not run
    in the driver's directory); None stays None, so each node finds its own bundled
    model or ``$PHOGOV_MODEL``; ids and ``"rules"`` as given."""
    if model is None:
        return None
    path = Path(model).expanduser()
    return str(path.resolve()) if path.exists() else str(model)


def init_ray(address: str | None = None, num_cpus: int | None = None) -> Any:
    """Connect to ``address`` (or ``$RAY_ADDRESS``), else start a local Ray; quiet."""
    ray = _require_ray()
    if not ray.is_initialized():
        address = address or os.environ.get("RAY_ADDRESS") or None
        kwargs: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
        if address is None:
            kwargs.update(include_dashboard=False, num_cpus=num_cpus)
        ray.init(address=address, **kwargs)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    return ray


def predict_stream(todo: Iterator[tuple[str, str]], settings: dict[str, Any],
                   address: str | None = None, actors: int = 2, chunk: int = 2000,
                   batch_docs: int = 16) -> Iterator[list[tuple[str, Any, str | None]]]:
    """Results for ``(id, text)`` pairs, batch by batch, computed by Ray actors.

    The driver holds at most ``chunk`` documents; each chunk is one Ray Dataset whose
    rows are whole batches of ``batch_docs`` documents, the batches the local engine
    forms: the output is the same, to the last digit, with every runtime.
    """
    from phogov.corpus import batched
    from phogov.runtime import requested_runtime

    ray = init_ray(address)
    settings = {**settings, "model": _portable(settings.get("model")),
                "runtime": requested_runtime(settings.get("runtime"))}
    chunk = max(1, -(-chunk // batch_docs)) * batch_docs  # whole batches per chunk
    for part in batched(todo, chunk):
        groups = [{"id": [i for i, _ in b], "text": [t for _, t in b]}
                  for b in batched(part, batch_docs)]
        out = _map(ray.data.from_items(groups), settings, "id", "text", actors, 1, batch_docs,
                   grouped=True)
        for rows in out.iter_batches(batch_size=batch_docs, batch_format="numpy"):
            # an all-null column comes back as NaNs: only strings are results or errors
            yield [(str(i), json.loads(r) if isinstance(r, str) else None,
                    e if isinstance(e, str) else None)
                   for i, r, e in zip(rows["id"], rows["result"], rows["error"])]
