"""Run every labelling family over a document and resolve their overlaps.

Precedence (a priority vote, skweak's simplest aggregator): MONEY and PERCENT
first, because a number with a currency or ``%`` is unambiguous and their
patterns are the most precise; then OFFICIAL, because a personal name next to
a title is rarely anything else; ORG last, as its head-noun patterns are the
broadest. Within one family the longer span wins (the guideline's "longest
specific name wins"), then the earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass

from phogov.rules import money, officials, orgs, percent, topics
from phogov.types import Span

PRIORITY = {"MONEY": 0, "PERCENT": 0, "OFFICIAL": 1, "ORG": 2}


@dataclass
class RuleResult:
    """What the rules say about one sentence (offsets in the sentence view text)."""

    entities: list[Span]
    topic_scores: dict[str, float]
    topics: list[str]


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep a non-overlapping subset by priority, then length, then position."""
    ranked = sorted(spans, key=lambda s: (PRIORITY.get(s.label, 9), -(s.end - s.start), s.start))
    kept: list[Span] = []
    for span in ranked:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


FAMILIES = ("money", "percent", "officials", "orgs")


def candidates(
    text: str, memory: officials.DocMemory, org_memory: orgs.OrgMemory | None = None
) -> list[Span]:
    """Every family's spans on one normalised sentence, overlaps kept, each with its ``source``.

    A family that does not name the function inside it is stamped with its own name,
    so every span says which labelling function made it.
    """
    by_family = {
        "money": money.find(text),
        "percent": percent.find(text),
        "officials": officials.find(text, memory),
        "orgs": orgs.find(text, org_memory),
    }
    found: list[Span] = []
    for family in FAMILIES:
        for span in by_family[family]:
            if not span.source:
                span.source = family
            found.append(span)
    return found


def find_entities(
    text: str, memory: officials.DocMemory, org_memory: orgs.OrgMemory | None = None
) -> list[Span]:
    """All entity families on one normalised sentence; ``memory`` carries officials onward,
    ``org_memory`` the organisations the document introduces."""
    return resolve_overlaps(candidates(text, memory, org_memory))


def label_document(sentence_texts: list[str]) -> list[RuleResult]:
    """Label the normalised sentences of one document, in order (topics use the order too)."""
    memory = officials.DocMemory()
    org_memory = orgs.document_memory(sentence_texts)
    topic_scores = topics.score_document(sentence_texts)
    return [
        RuleResult(
            find_entities(text, memory, org_memory),
            scores,
            [t for t in topics.TOPIC_LABELS if scores[t] >= topics.THRESHOLD],
        )
        for text, scores in zip(sentence_texts, topic_scores)
    ]
