"""A small generative label model over the rules' candidate spans (Dawid–Skene, fitted by EM).

Why: the priority vote trusts every labelling function (LF) by its family's
rank. A label model instead estimates, from unlabelled text alone, how far
each LF can be trusted, from the way LFs agree and disagree, and weighs their
votes accordingly (Dawid & Skene 1979; the idea behind Snorkel's and skweak's
aggregators). skweak's HMM would install with the pinned stack but drags in
spaCy and works over spaCy token docs; this model works over the span
candidates phogov already has and needs only numpy.

The model. In one sentence every distinct candidate ``(start, end, label)`` is
an *item*, right or wrong (a hidden binary variable). LFs vote on items:

* for it (``True``), if the LF proposed exactly this span with this label;
* against it (``False``), if the LF proposed a different span or label that
  overlaps it (it claims those characters for something else);
* not at all (abstains) otherwise.

Each LF ``j`` has one accuracy ``a_j``: each of its votes is right with
probability ``a_j``, independently given the truth (the "one-coin" model). The
prior of an item being right is fixed at 1/2, so an item's posterior log-odds
is the sum of ``±log(a_j / (1 - a_j))`` over its votes: a weighted vote whose
weights are learned. EM estimates the accuracies under a Beta prior (it
expects LFs to be right 80 % of the time) from the items with two or more
votes only: an item voted on by one LF alone says nothing about anyone's
accuracy. Accuracies are kept in [0.5, 0.999] so that no LF's vote flips
meaning. With few overlaps the accuracies stay near the prior, and
``fitted.items_with_several_votes`` in the JSON says how many there were.

(A first version modelled five classes and the abstains, Snorkel-style. With
many LFs of the same label that fire on disjoint spans, EM turned whole LFs
into the "not an entity" class: its patterns, not its labels, were what the
latent classes learned. The binary item model cannot do that.)

Decoding keeps, per sentence, the non-overlapping set of items that
maximises ``sum(2 * q - 1)`` (expected right minus expected wrong; an item
alone is kept when its posterior is at least 1/2), ties broken toward the
priority vote's choice (two equally trusted LFs in conflict: the priority
vote's winner).

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

from phogov.types import Span

FORMAT = "phogov-label-model/2"
DATA_FILE = "label_model.json"
# Beta prior on each LF's accuracy: right with this probability a priori, worth
# PRIOR_STRENGTH pseudo-votes (weak beside a few hundred shared votes).
PRIOR_ACCURACY = 0.8
PRIOR_STRENGTH = 10.0
ACCURACY_RANGE = (0.5, 0.999)


def _family(source: str) -> str:
    return source.split(".", 1)[0]


def _logit(a: float) -> float:
    return math.log(a / (1.0 - a))


# --------------------------------------------------------------------------- items and votes


@dataclass
class Item:
    """One distinct ``(start, end, label)`` candidate of a sentence and the LFs' votes on it."""

    start: int
    end: int
    label: str
    votes: dict[str, bool]  # source → for (True) / against (False); abstainers are absent
    spans: list[Span] = field(default_factory=list)  # the candidates that are this item


def sentence_items(spans: Sequence[Span]) -> list[Item]:
    """The items of one sentence's candidates, with each LF's vote (see the module doc)."""
    by_key: dict[tuple[int, int, str], Item] = {}
    for s in spans:
        key = (s.start, s.end, s.label)
        by_key.setdefault(key, Item(s.start, s.end, s.label, {})).spans.append(s)
    items = sorted(by_key.values(), key=lambda it: (it.start, it.end, it.label))
    for item in items:
        for s in spans:
            src = s.source or "?"
            if (s.start, s.end, s.label) == (item.start, item.end, item.label):
                item.votes[src] = True
            elif s.start < item.end and item.start < s.end:
                item.votes.setdefault(src, False)
    return items


# --------------------------------------------------------------------------- the model


@dataclass
class LabelModel:
    """One accuracy per LF; ``votes``/``shared`` say how much each estimate rests on."""

    accuracy: dict[str, float]
    default: float = PRIOR_ACCURACY
    votes: dict[str, int] = field(default_factory=dict)  # votes seen per LF when fitting
    shared: dict[str, int] = field(default_factory=dict)  # of those, on items others voted on
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        return sorted(self.accuracy)

    def key(self, source: str) -> str | None:
        """The fitted LF whose accuracy ``source`` uses: itself, else its family, else none."""
        if source in self.accuracy:
            return source
        return _family(source) if _family(source) in self.accuracy else None

    def accuracy_of(self, source: str) -> float:
        """The LF's accuracy; an unseen LF borrows its family's, else the default."""
        key = self.key(source)
        return self.default if key is None else self.accuracy[key]

    # ------------------------------------------------------------------ inference

    def posteriors(self, items: Sequence[Item]) -> np.ndarray:
        """``q[i]``: the probability that item ``i`` is right."""
        logits = np.array([
            sum(_logit(self.accuracy_of(src)) * (1 if vote else -1)
                for src, vote in item.votes.items())
            for item in items
        ], dtype=float)
        return 1.0 / (1.0 + np.exp(-logits))

    def decode(self, spans: Sequence[Span]) -> list[Span]:
        """The non-overlapping items of one sentence with the largest expected gain."""
        items = sentence_items(spans)
        if not items:
            return []
        choices = [(2.0 * float(q) - 1.0, item.spans[0])
                   for item, q in zip(items, self.posteriors(items)) if q >= 0.5]
        return _best_non_overlapping(choices)

    def aggregate(self, doc: list[list[Span]]) -> list[list[Span]]:
        """The aggregator interface of ``phogov.rules.aggregate``: sentence by sentence."""
        return [self.decode(spans) for spans in doc]

    # ------------------------------------------------------------------ fitting

    @classmethod
    def fit(
        cls, items: Sequence[Item], iterations: int = 200, tol: float = 1e-9,
        prior_accuracy: float = PRIOR_ACCURACY, prior_strength: float = PRIOR_STRENGTH,
    ) -> LabelModel:
        """EM for the accuracies from the items with two or more votes (see the module doc)."""
        if not items:
            raise ValueError("cannot fit a label model on no candidate spans")
        sources = sorted({src for it in items for src in it.votes})
        col = {s: j for j, s in enumerate(sources)}
        shared_items = [it for it in items if len(it.votes) >= 2]
        # sign[i, j]: +1 for, -1 against, 0 abstain
        sign = np.zeros((len(shared_items), len(sources)))
        for i, it in enumerate(shared_items):
            for src, vote in it.votes.items():
                sign[i, col[src]] = 1.0 if vote else -1.0
        a0, b0 = prior_strength * prior_accuracy, prior_strength * (1.0 - prior_accuracy)
        lo, hi = ACCURACY_RANGE
        acc = np.full(len(sources), prior_accuracy)
        n_votes = np.abs(sign).sum(axis=0)
        done = 0
        while done < iterations:
            done += 1
            q = 1.0 / (1.0 + np.exp(-(sign @ np.log(acc / (1.0 - acc)))))  # E step
            right = ((sign > 0) * q[:, None] + (sign < 0) * (1.0 - q)[:, None]).sum(axis=0)
            new = np.clip((right + a0) / (n_votes + a0 + b0), lo, hi)  # M step
            change = float(np.abs(new - acc).max()) if len(acc) else 0.0
            acc = new
            if change <= tol:
                break
        votes = {s: 0 for s in sources}
        for it in items:
            for src in it.votes:
                votes[src] += 1
        return cls({s: float(acc[col[s]]) for s in sources}, prior_accuracy, votes,
                   {s: int(n_votes[col[s]]) for s in sources},
                   {"items": len(items), "items_with_several_votes": len(shared_items),
                    "iterations": done, "prior_accuracy": prior_accuracy,
                    "prior_strength": prior_strength})

    # ------------------------------------------------------------------ saving

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "accuracy": {s: round(self.accuracy[s], 6) for s in self.sources},
            "default": self.default,
            "votes": dict(sorted(self.votes.items())),
            "shared_votes": dict(sorted(self.shared.items())),
            "fitted": self.info,
        }

    @classmethod
    def from_json(cls, obj: Any, where: str = "label model") -> LabelModel:
        """Read what :meth:`to_json` wrote; any mismatch is a ValueError naming ``where``."""
        if not isinstance(obj, dict) or obj.get("format") != FORMAT:
            raise ValueError(f"{where}: not a {FORMAT} file")
        lo, hi = ACCURACY_RANGE

        def accuracy(x: Any, name: str) -> float:
            if isinstance(x, bool) or not isinstance(x, (int, float)) or not lo <= x <= hi:
                raise ValueError(f"{where}: {name} must be a number in [{lo}, {hi}], got {x!r}")
            return float(x)

        def counts(x: Any, name: str) -> dict[str, int]:
            if not isinstance(x, dict) or not all(isinstance(n, int) for n in x.values()):
                raise ValueError(f"{where}: {name} must map LF names to counts")
            return {str(s): n for s, n in x.items()}

        table = obj.get("accuracy")
        if not isinstance(table, dict):
            raise ValueError(f"{where}: accuracy must map LF names to numbers")
        return cls({str(s): accuracy(a, f"accuracy[{s!r}]") for s, a in table.items()},
                   accuracy(obj.get("default"), "default"),
                   counts(obj.get("votes", {}), "votes"),
                   counts(obj.get("shared_votes", {}), "shared_votes"),
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
    """Items of every sentence of unlabelled documents (document memories kept)."""
    from phogov.rules.aggregate import document_candidates
    from phogov.text import sentences

    items: list[Item] = []
    for text in texts:
        for spans in document_candidates([s.text for s in sentences(text, "pyvi")]):
            items.extend(sentence_items(spans))
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
