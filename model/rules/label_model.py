"""A small generative label model over the rules' candidate spans (Dawid–Skene, fitted by EM).

Why: the priority vote trusts every labelling function (LF) by its family's
rank. A label model instead estimates, from unlabelled text alone, how far
each LF can be trusted, from the way LFs agree and disagree, and weighs their
votes accordingly (Dawid & Skene 1979; the idea behind Snorkel's and skweak's
aggregators). skweak's HMM would install with the pinned stack but drags in
spaCy and works over spaCy token docs; this model works over the span
candidates phogov already has and needs only numpy.

The model. In one sentence every distinct candidate span ``(start, end)`` is an
*item* with a hidden true class ``y`` in ``CLASSES`` (an entity label, or ``O``:
not an entity with these boundaries). Each LF ``j`` votes on each item:

* the label it gave, if it proposed exactly this span;
* ``O`` if it proposed a different span overlapping this one (it claims the
  characters for something else);
* nothing (abstains) otherwise; abstains are not modelled.

Votes are independent given ``y`` and each LF ``j`` has one accuracy
``a_j`` (the "one-coin" Dawid–Skene model): it votes the true class with
probability ``a_j``, any other class alike otherwise. EM alternates posteriors
over ``y`` (E) and MAP updates of the class prior and the accuracies under a
Beta prior that expects LFs to be better than chance (M). Only items on which
two or more LFs vote carry information about accuracies (see ``fit``); with few
such overlaps the accuracies stay near the prior, and ``fitted`` in the JSON
says how many there were.
Decoding keeps, per sentence, the non-overlapping set
of items that maximises ``sum(2 * q(label) - 1)`` (expected right minus expected
wrong; an item alone is kept when its best label has posterior > 0.5).

An LF unseen when fitting (a newly added function) uses its family's accuracy
(``orgs`` for ``orgs.new_rule``), else the prior accuracy.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from phogov.types import ENTITY_LABELS, Span

NONE = "O"
CLASSES: tuple[str, ...] = (*ENTITY_LABELS, NONE)
FORMAT = "phogov-label-model/1"
DATA_FILE = "label_model.json"
# Dirichlet prior on each row of an LF's matrix: when it votes it is right with
# this probability a priori, worth PRIOR_STRENGTH pseudo-items (it keeps rows
# defined for classes an LF never meets, and is weak beside a real fit).
PRIOR_ACCURACY = 0.8
PRIOR_STRENGTH = 10.0


def _family(source: str) -> str:
    return source.split(".", 1)[0]


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


# --------------------------------------------------------------------------- items and votes


@dataclass
class Item:
    """One distinct candidate span of a sentence and every LF's vote on it."""

    start: int
    end: int
    votes: dict[str, str]  # source → class name (abstaining sources are absent)
    spans: list[Span] = field(default_factory=list)  # the candidates with exactly this span


def sentence_items(spans: Sequence[Span]) -> list[Item]:
    """The items of one sentence's candidates, with each LF's vote (see the module doc)."""
    by_key: dict[tuple[int, int], Item] = {}
    for s in spans:
        by_key.setdefault((s.start, s.end), Item(s.start, s.end, {})).spans.append(s)
    sources = list(dict.fromkeys(s.source or "?" for s in spans))
    items = sorted(by_key.values(), key=lambda it: (it.start, it.end))
    for item in items:
        for src in sources:
            own = [s for s in spans if (s.source or "?") == src]
            exact = [s for s in own if (s.start, s.end) == (item.start, item.end)]
            if exact:
                item.votes[src] = exact[0].label
            elif any(s.start < item.end and item.start < s.end for s in own):
                item.votes[src] = NONE
    return items


# --------------------------------------------------------------------------- the model

ABSTAIN = "-"
SYMBOLS: tuple[str, ...] = (*CLASSES, ABSTAIN)  # what an LF can "say" about an item


def _prior_matrix(accuracy: float, coverage: float) -> np.ndarray:
    """A prior confusion matrix: votes with ``coverage``, then right with ``accuracy``."""
    k = len(CLASSES)
    m = np.full((k, k + 1), coverage * (1.0 - accuracy) / (k - 1))
    np.fill_diagonal(m, coverage * accuracy)
    m[:, k] = 1.0 - coverage
    return m


@dataclass
class LabelModel:
    """A class prior and, per LF, ``P(symbol | true class)``: rows CLASSES, columns SYMBOLS."""

    prior: np.ndarray
    confusion: dict[str, np.ndarray]
    default: np.ndarray
    votes: dict[str, int] = field(default_factory=dict)  # votes seen per LF when fitting
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        return sorted(self.confusion)

    def key(self, source: str) -> str | None:
        """The fitted LF whose matrix ``source`` uses: itself, else its family, else none."""
        if source in self.confusion:
            return source
        return _family(source) if _family(source) in self.confusion else None

    def matrix(self, source: str) -> np.ndarray:
        """The LF's matrix; an unseen LF borrows its family's, else the default."""
        key = self.key(source)
        return self.default if key is None else self.confusion[key]

    def accuracy(self, source: str) -> float:
        """``P(its vote is the true class | it votes)`` under the model (its expected precision)."""
        m = self.matrix(source)
        voting = float(np.dot(self.prior, 1.0 - m[:, -1]))
        return float(np.dot(self.prior, np.diag(m[:, :-1]))) / voting

    # ------------------------------------------------------------------ inference

    def posteriors(self, items: Sequence[Item]) -> np.ndarray:
        """``q[i, y]``: the posterior of each class for each item.

        Every fitted LF that voted neither itself nor through a member of its
        family (``orgs.head_noun`` for a model fitted on ``orgs``) abstained.
        """
        index = {c: k for k, c in enumerate(SYMBOLS)}
        abstain = {s: np.log(m[:, -1]) for s, m in self.confusion.items()}
        base = np.log(self.prior) + sum(abstain.values(), np.zeros(len(CLASSES)))
        logq = np.tile(base, (len(items), 1))
        for i, item in enumerate(items):
            for key in {self.key(src) for src in item.votes} - {None}:
                logq[i] -= abstain[key]
            for src, vote in item.votes.items():
                logq[i] += np.log(self.matrix(src)[:, index[vote]])
        logq -= logq.max(axis=1, keepdims=True)
        q = np.exp(logq)
        return q / q.sum(axis=1, keepdims=True)

    def decode(self, spans: Sequence[Span]) -> list[Span]:
        """The non-overlapping items of one sentence with the largest expected gain."""
        items = sentence_items(spans)
        if not items:
            return []
        q = self.posteriors(items)
        choices: list[tuple[float, Span]] = []
        for item, post in zip(items, q):
            best = int(np.argmax(post[:-1]))
            label = CLASSES[best]
            gain = 2.0 * float(post[best]) - 1.0
            if gain <= 0:
                continue
            # the candidate carrying this label keeps its values/titles/source
            span = next((s for s in item.spans if s.label == label), None)
            if span is None:  # no LF proposed this label here: relabel a copy
                first = item.spans[0]
                span = Span(first.start, first.end, label, first.text, source=first.source)
            choices.append((gain, span))
        return _best_non_overlapping(choices)

    def aggregate(self, doc: list[list[Span]]) -> list[list[Span]]:
        """The aggregator interface of ``phogov.rules.aggregate``: sentence by sentence."""
        return [self.decode(spans) for spans in doc]

    # ------------------------------------------------------------------ fitting

    @classmethod
    def fit(
        cls, items: Sequence[Item], iterations: int = 200, tol: float = 1e-8,
        prior_accuracy: float = PRIOR_ACCURACY, prior_strength: float = PRIOR_STRENGTH,
    ) -> LabelModel:
        """EM from unlabelled items, started from the (soft) majority vote.

        Abstaining is part of the likelihood, as in Snorkel's generative model:
        that ``money`` says nothing about an item is evidence that it is not MONEY.
        """
        if not items:
            raise ValueError("cannot fit a label model on no candidate spans")
        sources = sorted({src for it in items for src in it.votes})
        index = {c: k for k, c in enumerate(SYMBOLS)}
        k = len(CLASSES)
        votes = np.full((len(items), len(sources)), k, dtype=np.int64)  # k = abstain
        col = {s: j for j, s in enumerate(sources)}
        for i, it in enumerate(items):
            for src, v in it.votes.items():
                votes[i, col[src]] = index[v]
        # start: the soft majority vote of the non-abstaining LFs
        q = np.full((len(items), k), 1e-2)
        for j in range(len(sources)):
            voted = votes[:, j] < k
            q[voted, votes[voted, j]] += 1.0
        q /= q.sum(axis=1, keepdims=True)
        coverage = float((votes < k).mean())
        pseudo = prior_strength * _prior_matrix(prior_accuracy, coverage)
        previous = -math.inf
        loglik = -math.inf
        theta = np.empty((len(sources), k, k + 1))
        done = 0
        while done < iterations:
            done += 1
            # M step
            prior = (q.sum(axis=0) + 1.0) / (len(items) + k)
            for j in range(len(sources)):
                counts = pseudo.copy()
                for v in range(k + 1):
                    counts[:, v] += q[votes[:, j] == v].sum(axis=0)
                theta[j] = counts / counts.sum(axis=1, keepdims=True)
            # E step
            logq = np.tile(np.log(prior), (len(items), 1))
            for j in range(len(sources)):
                logq += np.log(theta[j][:, votes[:, j]]).T
            top = logq.max(axis=1, keepdims=True)
            loglik = float((top[:, 0] + np.log(np.exp(logq - top).sum(axis=1))).sum())
            q = np.exp(logq - top)
            q /= q.sum(axis=1, keepdims=True)
            if abs(loglik - previous) <= tol * max(1.0, abs(loglik)):
                break
            previous = loglik
        n_votes = {s: int((votes[:, col[s]] < k).sum()) for s in sources}
        total = max(1, sum(n_votes.values()))
        default = sum(theta[col[s]] * n_votes[s] for s in sources) / total
        several = int(((votes < k).sum(axis=1) >= 2).sum())
        return cls(prior, {s: theta[col[s]] for s in sources}, default, n_votes,
                   {"items": len(items), "items_with_several_votes": several,
                    "iterations": done, "log_likelihood": loglik,
                    "prior_accuracy": prior_accuracy, "prior_strength": prior_strength})

    # ------------------------------------------------------------------ saving

    def to_json(self) -> dict[str, Any]:
        def rows(m: np.ndarray) -> list[list[float]]:
            return [[float(f"{x:.6g}") for x in r] for r in m]

        return {
            "format": FORMAT,
            "classes": list(CLASSES),
            "symbols": list(SYMBOLS),
            "prior": [float(f"{x:.6g}") for x in self.prior],
            "accuracy": {s: round(self.accuracy(s), 4) for s in self.sources},
            "confusion": {s: rows(self.confusion[s]) for s in self.sources},
            "default": rows(self.default),
            "votes": dict(sorted(self.votes.items())),
            "fitted": self.info,
        }

    @classmethod
    def from_json(cls, obj: Any, where: str = "label model") -> LabelModel:
        """Read what :meth:`to_json` wrote; any mismatch is a ValueError naming ``where``."""
        if not isinstance(obj, dict) or obj.get("format") != FORMAT:
            raise ValueError(f"{where}: not a {FORMAT} file")
        if obj.get("classes") != list(CLASSES) or obj.get("symbols") != list(SYMBOLS):
            raise ValueError(f"{where}: classes/symbols differ from {list(SYMBOLS)}")
        k = len(CLASSES)

        def matrix(m: Any, name: str) -> np.ndarray:
            try:
                a = np.asarray(m, dtype=float)
            except (TypeError, ValueError):
                a = np.zeros(0)
            if a.shape != (k, k + 1) or not (a > 0).all():
                raise ValueError(f"{where}: {name} must be {k}×{k + 1} positive numbers")
            return a / a.sum(axis=1, keepdims=True)

        prior = np.asarray(obj.get("prior"), dtype=float)
        if prior.shape != (k,) or not (prior > 0).all():
            raise ValueError(f"{where}: prior must be {k} positive numbers")
        confusion = {str(s): matrix(m, f"confusion[{s!r}]")
                     for s, m in dict(obj.get("confusion") or {}).items()}
        return cls(prior / prior.sum(), confusion, matrix(obj.get("default"), "default"),
                   {str(s): int(n) for s, n in dict(obj.get("votes") or {}).items()},
                   dict(obj.get("fitted") or {}))

    def save(self, path: str | Path) -> Path:
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")
        return out

    @classmethod
    def load(cls, path: str | Path) -> LabelModel:
        try:
            obj = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{exc.lineno}: bad JSON: {exc.msg}") from None
        return cls.from_json(obj, str(path))


def _best_non_overlapping(choices: list[tuple[float, Span]]) -> list[Span]:
    """Weighted interval scheduling: the non-overlapping spans with the largest total gain.

    Equal totals are broken toward the priority vote's order (family rank, length).
    """
    from phogov.rules.aggregate import PRIORITY

    def tiebreak(s: Span) -> float:
        return 1e-6 * (3 - PRIORITY.get(s.label, 3)) + 1e-9 * (s.end - s.start)

    ranked = sorted(choices, key=lambda c: (c[1].end, c[1].start))
    ends = [c[1].end for c in ranked]
    best: list[tuple[float, list[Span]]] = [(0.0, [])]
    for i, (gain, span) in enumerate(ranked):
        # the last earlier choice that ends at or before this one starts
        p = max((k + 1 for k in range(i) if ends[k] <= span.start), default=0)
        take = (best[p][0] + gain + tiebreak(span), best[p][1] + [span])
        best.append(max(best[i], take, key=lambda t: t[0]))
    return sorted(best[-1][1], key=lambda s: s.start)


# --------------------------------------------------------------------------- corpus and bundle


def corpus_items(texts: Iterable[str]) -> list[Item]:
    """Items of every sentence of unlabelled documents (officials' document memory kept)."""
    from phogov.rules import officials
    from phogov.rules.aggregate import candidates
    from phogov.text import sentences

    items: list[Item] = []
    for text in texts:
        memory = officials.DocMemory()
        for sent in sentences(text, "pyvi"):
            items.extend(sentence_items(candidates(sent.text, memory)))
    return items


def fit_from_corpus(
    corpus: Sequence[str | Path], out: str | Path, docs: int | None = 600, seed: int = 13,
) -> tuple[LabelModel, dict[str, Any]]:
    """Fit on a random sample of ``docs`` unlabelled documents and save the JSON to ``out``."""
    from phogov.training.gold_io import read_text_inputs

    start = time.time()
    documents = read_text_inputs(list(corpus))
    if not documents:
        raise ValueError(f"no documents in {', '.join(map(str, corpus))}")
    if docs is not None and docs < len(documents):
        documents = random.Random(seed).sample(documents, docs)
    items = corpus_items(text for _id, text in documents)
    model = LabelModel.fit(items)
    stats = {"documents": len(documents), "items": len(items),
             "iterations": model.info["iterations"], "seconds": time.time() - start}
    model.info.update({"corpus": [Path(c).name for c in corpus], "documents": len(documents),
                       "seed": seed, "command": "phogov fit-label-model"})
    model.save(out)
    return model, stats


@lru_cache(maxsize=1)
def bundled_label_model() -> LabelModel:
    """The label model fitted on the bundled news sample (``phogov/data/label_model.json``)."""
    path = Path(str(resources.files("phogov.data"))) / DATA_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"no fitted label model at {path}; run `phogov fit-label-model --out {path}`"
        )
    return LabelModel.load(path)
