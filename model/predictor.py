"""predict(): raw text in, entities with raw offsets and topics out.

Two backends share everything but the labeller: ``"rules"`` (the weak labeller)
and a model directory (the fine-tuned PhoBERT). Both see the same normalised
sentences and words from ``phogov.text``; spans come back in sentence view
offsets and are mapped to the caller's raw text here, through ``Sentence.to_raw``.
"""

from __future__ import annotations

import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from phogov.repair import mask_symbol_tags, repair_numeric
from phogov.spans import ids_to_tags
from phogov.text import Sentence, sentences, tags_to_spans
from phogov.types import (
    TOPIC_LABELS,
    Prediction,
    SentencePrediction,
    Span,
    TopicScore,
)

RULES = "rules"
ENV_MODEL = "PHOGOV_MODEL"
BUNDLED_NAME = "phogov-mini"


@dataclass
class SentenceAnalysis:
    """A backend's answer for one sentence, offsets in ``Sentence.text``."""

    entities: list[Span]
    topic_scores: dict[str, float]
    topics: list[str]


Backend = Callable[[list[list[Sentence]], int], list[list[SentenceAnalysis]]]


# --------------------------------------------------------------------------- model resolution


def bundled_model_dir() -> Path | None:
    """The model shipped inside the package, if this build has one."""
    try:
        path = Path(str(resources.files("phogov.data"))) / "bundled" / BUNDLED_NAME
    except (ModuleNotFoundError, TypeError):
        return None
    return path if (path / "phogov.json").is_file() else None


def resolve_model(model: str | os.PathLike[str] | None) -> str:
    """The argument, else ``$PHOGOV_MODEL``, else the bundled model, else a clear error."""
    if model is not None:
        return str(model)
    if os.environ.get(ENV_MODEL):
        return os.environ[ENV_MODEL]
    bundled = bundled_model_dir()
    if bundled is not None:
        return str(bundled)
    raise RuntimeError(
        "no phogov model given and none is bundled with this install. Pass model=DIR "
        f"(a directory made by `phogov train`), set ${ENV_MODEL}, or use model='rules' "
        "for the rule-based labeller."
    )


def load(model: str | os.PathLike[str] | None = None, device: Any = None,
         runtime: str | None = None) -> Any:
    """Load (and cache) a model as ``predict`` would resolve it; warms it up for later calls."""
    name = resolve_model(model)
    if name == RULES:
        raise ValueError("'rules' is not a model to load; pass model='rules' to predict()")
    return _load_named(name, device, runtime)


def _load_named(name: str, device: Any = None, runtime: str | None = None) -> Any:
    """The model in its runtime; the error names ``$PHOGOV_MODEL`` when ``name`` came from it."""
    from phogov.modeling import ModelLoadError
    from phogov.runtime import load_runtime_model

    try:
        return load_runtime_model(name, runtime, device)
    except ModelLoadError as exc:
        if os.environ.get(ENV_MODEL) != name:
            raise
        raise ModelLoadError(f"${ENV_MODEL}={name!r} is not a usable model: {exc}") from None


def get_backend(model: str, pure: bool = False,
                runtime: str | None = None) -> tuple[Backend, str]:
    """A backend callable and the segmenter its words must come from.

    A model directory whose ``phogov.json`` has a ``combine`` policy runs the rules
    beside the model (``phogov.combine``) unless ``pure`` asks for the model alone.
    ``runtime``: fp32, int8, onnx or auto (``phogov.runtime``; None = ``$PHOGOV_RUNTIME``).
    """
    if model == RULES:
        return _rules_backend, "pyvi"
    from phogov.combine import is_pure, validate

    loaded = _load_named(model, runtime=runtime)
    backend = _model_backend(loaded)
    policy = loaded.info.combine or {}
    if not pure and policy and not is_pure(policy):
        backend = _combined_backend(backend, validate(policy, f"{model}: phogov.json combine"))
    return backend, loaded.segmenter


# --------------------------------------------------------------------------- backends


def _rules_backend(docs: list[list[Sentence]], batch_size: int) -> list[list[SentenceAnalysis]]:
    from phogov.rules.aggregate import label_document

    out = []
    for doc in docs:
        results = label_document([s.text for s in doc])
        out.append([SentenceAnalysis(r.entities, r.topic_scores, r.topics) for r in results])
    return out


def _model_backend(loaded: Any) -> Backend:
    def run(docs: list[list[Sentence]], batch_size: int) -> list[list[SentenceAnalysis]]:
        flat = [s for doc in docs for s in doc]
        word_probs, topic_probs = loaded.predict_words(
            [[w.form for w in s.words] for s in flat], batch_size=batch_size
        )
        labels = loaded.ner_labels
        analyses: list[SentenceAnalysis] = []
        for k, sent in enumerate(flat):
            probs = word_probs[k]
            best = probs.argmax(axis=-1) if len(probs) else []
            tags = mask_symbol_tags([w.form for w in sent.words], ids_to_tags(best, labels))
            scores = [float(probs[j, int(i)]) for j, i in enumerate(best)]
            spans = [
                Span(a, b, label, sent.text[a:b], score)
                for a, b, label, score in tags_to_spans(sent, tags, scores)
            ]
            tscores = {lab: float(p) for lab, p in zip(loaded.topic_labels, topic_probs[k])}
            chosen = loaded.choose_topics(topic_probs[k]) if len(flat[k].words) else []
            analyses.append(SentenceAnalysis(_enrich(sent.text, spans), tscores, chosen))
        it = iter(analyses)
        return [[next(it) for _ in doc] for doc in docs]

    return run


def _combined_backend(model_backend: Backend, policy: dict[str, str]) -> Backend:
    """The model and the rules on the same sentences, merged per ``policy``."""
    from phogov.combine import merge_entities, merge_topics

    def run(docs: list[list[Sentence]], batch_size: int) -> list[list[SentenceAnalysis]]:
        by_model = model_backend(docs, batch_size)
        by_rules = _rules_backend(docs, batch_size)
        out = []
        for m_doc, r_doc in zip(by_model, by_rules):
            doc = []
            for m, r in zip(m_doc, r_doc):
                topics = merge_topics(m.topics, r.topics, policy)
                # a topic the rules decide alone carries the rules' score
                scores = (dict(r.topic_scores) if policy.get("topics") == "rules"
                          else dict(m.topic_scores))
                for t in topics:
                    if t not in m.topics:
                        scores[t] = max(scores.get(t, 0.0), r.topic_scores.get(t, 1.0))
                doc.append(SentenceAnalysis(merge_entities(m.entities, r.entities, policy),
                                            scores, topics))
            out.append(doc)
        return out

    return run


def _enrich(text: str, spans: list[Span]) -> list[Span]:
    """Values for MONEY/PERCENT and titles for OFFICIAL on model-predicted spans.

    A model MONEY/PERCENT span that is not exactly one value expression (it took
    in a hedge such as ``khoảng``, stopped short of the currency, or cut one
    amount in two) becomes the value expression it overlaps, as the guideline
    draws the span; one that overlaps none is dropped (``phogov.repair``).
    """
    from phogov.titles import title_spans_of_all

    out = repair_numeric(text, spans)
    officials = [s for s in out if s.label == "OFFICIAL"]
    for span, found in zip(officials, title_spans_of_all(text, officials)):
        # one pass for the sentence: linear in officials (issue 10)
        span.title_spans = found
        span.titles = [text[a:b] for a, b in found]
    return out


# --------------------------------------------------------------------------- the face


def _doc_topics(sents: list[SentencePrediction]) -> list[TopicScore]:
    """A document is about a topic when enough of its topical sentences are.

    The score is the share of sentences with any topic that carry this one; a
    topic is kept from a share of 15 % (a single sentence in short documents).
    """
    topical = [s for s in sents if s.topics]
    if not topical:
        return []
    counts: dict[str, int] = {}
    for s in topical:
        for t in s.topics:
            counts[t.label] = counts.get(t.label, 0) + 1
    floor = max(1, round(0.15 * len(topical)))
    kept = [TopicScore(lab, n / len(topical)) for lab, n in counts.items() if n >= floor]
    return sorted(kept, key=lambda t: (-t.score, TOPIC_LABELS.index(t.label)
                                       if t.label in TOPIC_LABELS else 99))


_VI_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
                         re.IGNORECASE)


def _warn_if_not_vietnamese(text: str, index: int) -> None:
    text = unicodedata.normalize("NFC", text)  # NFD Vietnamese is Vietnamese too
    letters = sum(ch.isalpha() for ch in text)
    if letters >= 40 and len(_VI_LETTERS.findall(text)) < 0.03 * letters:
        warnings.warn(
            f"text {index} does not look like Vietnamese (almost no Vietnamese letters); "
            "phogov's rules and models are built for Vietnamese and will find little",
            stacklevel=3,
        )


def predict(
    texts: str | Sequence[str],
    model: str | os.PathLike[str] | None = None,
    batch_size: int = 32,
    pure: bool = False,
    runtime: str | None = None,
) -> dict[str, Any] | list[dict[str, Any]]:
    """Entities and topics of one text (→ dict) or many (→ list of dicts).

    ``model``: a model directory or Hugging Face id made by ``phogov train``,
    ``"rules"`` for the weak labeller, or None for ``$PHOGOV_MODEL`` / the bundled model.
    A model whose directory names a ``combine`` policy (the bundled one does) runs the
    rules beside it; ``pure=True`` asks for the fine-tuned model alone.
    ``runtime``: ``"fp32"``, ``"int8"``, ``"onnx"`` or ``"auto"`` (the fastest present,
    the default; also ``$PHOGOV_RUNTIME``), see ``phogov.runtime``.
    Offsets index the caller's text as given: ``text[e["start"]:e["end"]] == e["text"]``.
    """
    single = isinstance(texts, str)
    batch = [texts] if single else texts
    if not single and not isinstance(texts, Sequence):
        raise TypeError(f"predict() takes a str or a list of str, got {type(texts).__name__}")
    for i, t in enumerate(batch):
        if not isinstance(t, str):
            raise TypeError(f"predict() takes str input; item {i} is {type(t).__name__}")
    results = [p.to_dict()
               for p in predict_documents(list(batch), model, batch_size, pure, runtime)]
    return results[0] if single else results


def predict_documents(
    texts: list[str], model: str | os.PathLike[str] | None = None, batch_size: int = 32,
    pure: bool = False, runtime: str | None = None,
) -> list[Prediction]:
    """Like :func:`predict` but returns :class:`Prediction` objects."""
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    backend, segmenter = get_backend(resolve_model(model), pure, runtime)
    for i, t in enumerate(texts):
        _warn_if_not_vietnamese(t, i)
    docs = [sentences(t, segmenter) for t in texts]
    analysed = backend(docs, batch_size)
    out = []
    for doc, analyses in zip(docs, analysed):
        pred = Prediction()
        for sent, res in zip(doc, analyses):
            pred.entities.extend(sent.span_to_raw(e) for e in res.entities)
            topic_list = [TopicScore(t, res.topic_scores.get(t, 1.0)) for t in res.topics]
            pred.sentences.append(
                SentencePrediction(sent.raw_start, sent.raw_end, sent.raw_text, topic_list)
            )
        pred.topics = _doc_topics(pred.sentences)
        out.append(pred)
    return out


SentencePredictor = Callable[[list[list[str]]], list[list[tuple[list[Span], list[str]]]]]


def sentence_predictor(model: str | None, batch_size: int = 32, pure: bool = False,
                       runtime: str | None = None) -> SentencePredictor:
    """For evaluation: documents given as their sentence texts, one answer per sentence.

    Each given sentence text is analysed as its own piece of the document (it is
    split further only if it holds several sentences), keeping document memory.
    """
    backend, segmenter = get_backend(resolve_model(model), pure, runtime)

    def run(documents: list[list[str]]) -> list[list[tuple[list[Span], list[str]]]]:
        docs: list[list[Sentence]] = []
        owners: list[list[int]] = []
        for sent_texts in documents:
            doc: list[Sentence] = []
            owner: list[int] = []
            for k, text in enumerate(sent_texts):
                parts = sentences(text, segmenter)
                doc.extend(parts)
                owner.extend([k] * len(parts))
            docs.append(doc)
            owners.append(owner)
        analysed = backend(docs, batch_size)
        out = []
        for sent_texts, doc, owner, analyses in zip(documents, docs, owners, analysed):
            per: list[tuple[list[Span], list[str]]] = [([], []) for _ in sent_texts]
            for sent, k, res in zip(doc, owner, analyses):
                per[k][0].extend(sent.span_to_raw(e) for e in res.entities)
                per[k][1].extend(t for t in res.topics if t not in per[k][1])
            out.append(per)
        return out

    return run
