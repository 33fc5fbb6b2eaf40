"""A phogov model directory: two standard Hugging Face heads plus a small manifest.

Layout::

    DIR/phogov.json   phogov version, segmenter, labels, topic thresholds, base, max_length
    DIR/ner/          AutoModelForTokenClassification (id2label = NER_TAGS) + tokenizer files
    DIR/topics/       AutoModelForSequenceClassification (multi-label by default) + tokenizer

Why two standard heads instead of one custom joint model: each subdirectory is
a plain HF model that ``AutoModelFor….from_pretrained`` and ``AutoTokenizer``
load with no phogov code (Hub upload, ONNX export, the Trainer, pipelines all
just work), each head can be retrained alone (``phogov train-topics`` swaps in
a user's own label set), and nothing breaks when transformers changes. The
price is a second encoder pass at prediction time.

A directory may hold only one head: a topic-only model predicts every word
``O``; an entity-only model has no topic labels.

This module loads a directory and runs it. Shipping a copy is ``phogov.export``;
base models for fine-tuning are ``phogov.training.base_model`` (both still
importable from here by their old names).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from phogov.encoding import (
    POOL_MULTI_LABEL,
    POOL_SINGLE_LABEL,
    SubwordEncoder,
    cap_model_max_length,
    pad_batch,
    pool_windows,
)
from phogov.errors import ModelLoadError
from phogov.hub import could_be_hub_id, download
from phogov.manifest import check_manifest
from phogov.segment import DEFAULT_SEGMENTER
from phogov.types import NER_TAGS, TOPIC_LABELS
from phogov.version import __version__

MANIFEST = "phogov.json"
FORMAT_VERSION = 1
DEFAULT_BASE = "vinai/phobert-base"
MULTI_LABEL = "multi_label_classification"
SINGLE_LABEL = "single_label_classification"
_WEIGHTS = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json")


# One lock for every model load in the process: concurrent first calls (threads of a
# web server) would otherwise each load the model, and transformers' lazy imports are
# not safe to race (``ImportError`` from threads importing the same module at once).
_LOAD_LOCK = threading.RLock()


@dataclass
class ModelInfo:
    """The content of ``phogov.json``."""

    heads: list[str] = field(default_factory=lambda: ["ner", "topics"])
    ner_labels: list[str] = field(default_factory=lambda: list(NER_TAGS))
    topic_labels: list[str] = field(default_factory=lambda: list(TOPIC_LABELS))
    topic_problem_type: str = MULTI_LABEL
    topic_thresholds: dict[str, float] = field(default_factory=dict)
    segmenter: str = DEFAULT_SEGMENTER
    base_model: str = DEFAULT_BASE
    max_length: int = 256
    stride: int = 128
    phogov_version: str = __version__
    format_version: int = FORMAT_VERSION
    created: str = field(default_factory=lambda: date.today().isoformat())
    metrics: dict[str, Any] = field(default_factory=dict)
    # Rules beside the model (phogov.combine): per-label policy; empty = the pure model.
    combine: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelInfo:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def resolve_device(device: Any = None) -> Any:
    """``None`` → the GPU when there is one, else the CPU."""
    import torch

    if device is None:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


class PhogovModel:
    """The NER and topic heads with their tokenizer; ``predict_words`` is the hot path."""

    def __init__(
        self,
        tokenizer: Any,
        ner: Any | None = None,
        topics: Any | None = None,
        info: ModelInfo | None = None,
        device: Any = None,
    ) -> None:
        if ner is None and topics is None:
            raise ValueError("a phogov model needs at least one head (ner or topics)")
        self.tokenizer = tokenizer
        self.ner = ner
        self.topics = topics
        self.info = info or ModelInfo()
        self.info.heads = [h for h, m in (("ner", ner), ("topics", topics)) if m is not None]
        self.device = resolve_device(device)
        for m in (ner, topics):
            if m is not None:
                m.to(self.device).eval()
        cap_model_max_length(tokenizer, self._max_positions())
        self.encoder = SubwordEncoder(
            tokenizer, min(self.info.max_length, tokenizer.model_max_length), self.info.stride
        )
        self.path: Path | None = None

    # ------------------------------------------------------------------ metadata

    @property
    def ner_labels(self) -> list[str]:
        """Tag names in the NER head's order (``["O"]`` for a topic-only model)."""
        if self.ner is None:
            return ["O"]
        id2label = self.ner.config.id2label
        return [id2label[i] for i in range(len(id2label))]

    @property
    def topic_labels(self) -> list[str]:
        if self.topics is None:
            return []
        id2label = self.topics.config.id2label
        return [id2label[i] for i in range(len(id2label))]

    @property
    def multi_label(self) -> bool:
        return self.topics is None or self.topics.config.problem_type != SINGLE_LABEL

    @property
    def thresholds(self) -> dict[str, float]:
        """Per-label topic thresholds tuned on dev (0.5 when a label had no dev positives).

        A single-label model keeps its argmax instead: use :meth:`choose_topics`.
        """
        tuned = self.info.topic_thresholds
        return {lab: float(tuned.get(lab, 0.5)) for lab in self.topic_labels}

    @thresholds.setter
    def thresholds(self, values: dict[str, float]) -> None:
        self.info.topic_thresholds = {k: float(v) for k, v in values.items()}

    @property
    def segmenter(self) -> str:
        return self.info.segmenter

    @property
    def max_length(self) -> int:
        return self.encoder.max_length

    def _max_positions(self) -> int | None:
        for m in (self.ner, self.topics):
            if m is not None:
                return getattr(m.config, "max_position_embeddings", None)
        return None

    # ------------------------------------------------------------------ prediction

    def predict_words(
        self, batch: list[list[str]], batch_size: int = 32
    ) -> tuple[list[np.ndarray], np.ndarray]:
        """Per sentence: word × NER-tag probabilities (softmax) and topic probabilities.

        Sentences are word lists (PhoBERT forms such as ``Thành_ủy``). Windows of
        all sentences are sorted by length and run in batches, so padding is small;
        long sentences are windowed and merged (``phogov.encoding``). Topic
        probabilities are sigmoid (multi-label) or softmax (single-label) of the
        windows' pooled logits; empty sentences get zero rows.
        """
        import torch

        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        per_sentence = [self.encoder.encode(words) for words in batch]
        items = [(i, k) for i, wins in enumerate(per_sentence) for k in range(len(wins))]
        items.sort(key=lambda ik: -len(per_sentence[ik[0]][ik[1]].input_ids))
        ner_out: dict[tuple[int, int], np.ndarray] = {}
        top_out: dict[tuple[int, int], np.ndarray] = {}
        with torch.inference_mode():
            for b in range(0, len(items), batch_size):
                chunk = items[b : b + batch_size]
                feats = [per_sentence[i][k].features() for i, k in chunk]
                arrays = pad_batch(feats, self.encoder.pad_id, with_labels=False)
                inputs = {k: torch.from_numpy(v).to(self.device) for k, v in arrays.items()}
                if self.ner is not None:
                    logits = self.ner(**inputs).logits.float().cpu().numpy()
                    for (i, k), row in zip(chunk, logits):
                        ner_out[(i, k)] = row
                if self.topics is not None:
                    logits = self.topics(**inputs).logits.float().cpu().numpy()
                    for (i, k), row in zip(chunk, logits):
                        top_out[(i, k)] = row
        n_tags, n_topics = len(self.ner_labels), len(self.topic_labels)
        word_probs: list[np.ndarray] = []
        topic_probs = np.zeros((len(batch), n_topics), dtype=np.float32)
        pool = POOL_MULTI_LABEL if self.multi_label else POOL_SINGLE_LABEL
        for i, wins in enumerate(per_sentence):
            if not wins:
                word_probs.append(np.zeros((len(batch[i]), n_tags), dtype=np.float32))
                continue
            if self.ner is None:
                word_probs.append(np.ones((len(batch[i]), 1), dtype=np.float32))
            else:
                merged = SubwordEncoder.merge(wins, [ner_out[(i, k)] for k in range(len(wins))])
                word_probs.append(_softmax(merged))
            if self.topics is not None:
                pooled = pool_windows([top_out[(i, k)] for k in range(len(wins))], pool)
                topic_probs[i] = _sigmoid(pooled) if self.multi_label else _softmax(pooled)
        return word_probs, topic_probs

    def choose_topics(self, probs: np.ndarray) -> list[str]:
        """The topics one probability row stands for: labels at or above their threshold
        (multi-label), or the single most probable label (single-label models)."""
        labels = self.topic_labels
        if not labels:
            return []
        if not self.multi_label:
            return [labels[int(np.argmax(probs))]]
        th = self.thresholds
        return [lab for lab, p in zip(labels, probs) if p >= th[lab]]

    def predict_topics(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Topic probabilities of whole raw texts, read as ``train-topics`` trained them:
        all words of the text in order, windowed when longer than ``max_length``."""
        if self.topics is None:
            raise ValueError("this model has no topic head")
        docs = [document_words(t, self.segmenter) for t in texts]
        return self.predict_words(docs, batch_size)[1]

    # ------------------------------------------------------------------ persistence

    def save(self, out_dir: str | os.PathLike[str]) -> Path:
        """Write the model directory (each head a standard HF dir with tokenizer files)."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        for name, model in (("ner", self.ner), ("topics", self.topics)):
            if model is None:
                continue
            sub = out / name
            model.save_pretrained(sub)
            self.tokenizer.save_pretrained(sub)
        info = asdict(self.info)
        info["ner_labels"] = self.ner_labels if self.ner is not None else []
        info["topic_labels"] = self.topic_labels
        info["topic_thresholds"] = self.thresholds
        info["max_length"] = self.max_length
        info["stride"] = self.encoder.stride
        info["phogov_version"] = __version__
        (out / MANIFEST).write_text(
            json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        from phogov.card import write_card

        write_card(out)
        self.path = out
        return out


def document_words(text: str, segmenter: str = DEFAULT_SEGMENTER) -> list[str]:
    """All PhoBERT words of a raw text, sentence after sentence (a document's model input)."""
    from phogov.text import sentences

    return [w.form for s in sentences(text, segmenter) for w in s.words]


# ---------------------------------------------------------------------- loading a model dir


def load_model(name_or_dir: str | os.PathLike[str], device: Any = None) -> PhogovModel:
    """Load a phogov model directory (cached per resolved path, device and manifest time).

    ``name_or_dir``: a directory made by ``phogov train``, a model bundled with
    phogov, or a Hugging Face repo id holding such a directory.
    """
    with _LOAD_LOCK:  # the first caller loads; the others wait and get the cached model
        path = _resolve_model_dir(name_or_dir)
        _require(path / MANIFEST, path)
        dev = str(resolve_device(device))
        return _load_cached(str(path), dev, (path / MANIFEST).stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load_cached(path: str, device: str, _mtime: int) -> PhogovModel:
    import torch
    from transformers import (
        AutoModelForSequenceClassification,
        AutoModelForTokenClassification,
        AutoTokenizer,
    )

    root = Path(path)
    info = _read_manifest(root)
    heads = {"ner": AutoModelForTokenClassification, "topics": AutoModelForSequenceClassification}
    models: dict[str, Any] = {}
    for name in info.heads:
        if name not in heads:
            raise ModelLoadError(f"{root / MANIFEST} names an unknown head {name!r}")
        sub = root / name
        _require(sub / "config.json", root)
        if not any((sub / w).is_file() for w in _WEIGHTS):
            _require(sub / _WEIGHTS[0], root)
    tok_dir = root / info.heads[0]
    _require(tok_dir / "tokenizer_config.json", root)
    with _transformers_quiet():
        for name in info.heads:
            # float32 whatever the stored dtype: the bundled model is stored in fp16 to
            # stay small, and fp16 matmuls on CPU are slow or unsupported.
            models[name] = _quiet_load(heads[name], root / name, f"the {name} head in {root}",
                                       dtype=torch.float32)
        tokenizer = _quiet_load(AutoTokenizer, tok_dir, f"the tokenizer in {tok_dir}")
    model = PhogovModel(tokenizer, models.get("ner"), models.get("topics"), info, device)
    model.path = root
    return model


def _read_manifest(root: Path) -> ModelInfo:
    manifest = root / MANIFEST
    _require(manifest, root)
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelLoadError(f"{manifest} is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ModelLoadError(f"{manifest} must hold a JSON object")
    check_manifest(data, manifest)
    if int(data.get("format_version", FORMAT_VERSION)) > FORMAT_VERSION:
        raise ModelLoadError(
            f"{root} was written by a newer phogov (format {data['format_version']}); "
            f"this is phogov {__version__}: upgrade phogov to load it"
        )
    info = ModelInfo.from_dict(data)
    if not info.heads:
        raise ModelLoadError(f"{manifest} lists no heads")
    return info


def _require(file: Path, root: Path) -> None:
    if not file.is_file():
        raise ModelLoadError(
            f"{root} is not a phogov model directory: {file} is missing "
            "(a model directory is made by `phogov train` or `phogov train-topics`)"
        )


@contextmanager
def _transformers_quiet() -> Iterator[None]:
    """No progress bars or load reports when loading a finished model for prediction."""
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bars:
            hf_logging.enable_progress_bar()


def _quiet_load(cls: Any, path: Path | str, what: str, **kwargs: Any) -> Any:
    """``cls.from_pretrained`` with transformers' exception turned into one clear line."""
    try:
        return cls.from_pretrained(str(path), **kwargs)
    except Exception as exc:  # noqa: BLE001 - any loader failure becomes one message
        raise ModelLoadError(f"could not load {what}: {type(exc).__name__}: {exc}") from None


def _resolve_model_dir(name_or_dir: str | os.PathLike[str]) -> Path:
    path = Path(name_or_dir).expanduser()
    if path.is_dir():
        return path.resolve()
    if path.exists():
        raise ModelLoadError(f"{path} is a file; a phogov model is a directory with {MANIFEST}")
    name = str(name_or_dir)
    try:
        from importlib import resources

        bundled = Path(str(resources.files("phogov.data"))) / "bundled" / name
        if bundled.is_dir():
            return bundled.resolve()
    except (ModuleNotFoundError, TypeError):
        pass
    missing = (
        f"no phogov model at {path}: the directory does not exist "
        "(give a directory made by `phogov train`, or a Hugging Face repo id)"
    )
    if not could_be_hub_id(name, path):
        raise ModelLoadError(missing)
    try:
        return Path(download(name, f"phogov model {name!r}"))
    except ModelLoadError as exc:  # lead with the likelier mistake: a mistyped local path
        raise ModelLoadError(f"{missing}; as a Hugging Face repo id: {exc}") from None


# ---------------------------------------------------------------------- moved names

# Names that lived here before the split (issue 11), still importable from here.
# Lazy: phogov.training imports this module, so this module cannot import it eagerly.
_MOVED = {
    "export_model": "phogov.export",
    "copy_to_dtype": "phogov.export",
    "load_backbone_for_training": "phogov.training.base_model",
    "load_base_tokenizer": "phogov.training.base_model",
    "load_tokenizer": "phogov.training.base_model",  # old name of load_base_tokenizer
}


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        import importlib

        module = importlib.import_module(_MOVED[name])
        return getattr(module, "load_base_tokenizer" if name == "load_tokenizer" else name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------- maths


def _softmax(x: np.ndarray) -> np.ndarray:
    z = x - x.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return (1.0 / (1.0 + np.exp(-x))).astype(np.float32)
