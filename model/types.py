"""Result types shared by rules, the model and the evaluation.

Spans carry offsets into whatever string they were found in; ``phogov.text``
is the only place that moves them between the normalised view and raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

ENTITY_LABELS: tuple[str, ...] = ("OFFICIAL", "ORG", "MONEY", "PERCENT")
TOPIC_LABELS: tuple[str, ...] = ("PARTY", "ECONOMY", "GOVERNANCE", "SECURITY", "SOCIETY", "EVENT")


@dataclass
class Span:
    """An entity: ``text == source[start:end]`` in the string it was found in."""

    start: int
    end: int
    label: str
    text: str
    score: float = 1.0
    values: list[float] | None = None
    unit: str | None = None
    titles: list[str] | None = None
    # Where each title was found, [start, end) in the same string as ``start``/``end``
    # (``titles[i] == source[title_spans[i][0]:title_spans[i][1]]``), set by the rule
    # that found it, so that raw offsets never have to be searched for again.
    title_spans: list[tuple[int, int]] | None = None
    # The labelling function that produced the span (``"orgs.committee"``, ``"model"``):
    # provenance for ``phogov lf-report`` and the aggregators; not part of ``to_dict``.
    source: str = ""

    def shifted(self, start: int, end: int, text: str) -> Span:
        """The same entity at other offsets (used when mapping view → raw)."""
        return replace(self, start=start, end=end, text=text)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "score": float(self.score),
        }
        if self.label in ("MONEY", "PERCENT"):
            out["values"] = list(self.values or [])
            if self.label == "MONEY":
                out["unit"] = self.unit
        if self.label == "OFFICIAL":
            out["titles"] = list(self.titles or [])
            if self.title_spans is not None:
                out["title_spans"] = [[a, b] for a, b in self.title_spans]
        return out


@dataclass
class TopicScore:
    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": float(self.score)}


@dataclass
class SentencePrediction:
    start: int
    end: int
    text: str
    topics: list[TopicScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "topics": [t.to_dict() for t in self.topics],
        }


@dataclass
class Prediction:
    entities: list[Span] = field(default_factory=list)
    sentences: list[SentencePrediction] = field(default_factory=list)
    topics: list[TopicScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "sentences": [s.to_dict() for s in self.sentences],
            "topics": [t.to_dict() for t in self.topics],
        }


# IOB2 tags over PhoBERT words, in the order the model's id2label uses.
NER_TAGS: tuple[str, ...] = ("O",) + tuple(
    f"{p}-{label}" for label in ENTITY_LABELS for p in ("B", "I")
)
