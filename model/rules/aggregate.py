"""Run every labelling family over a document and resolve their overlaps.

The families emit candidate spans, overlaps kept, each stamped with the
labelling function that made it (``Span.source``). One swappable aggregator
then turns a document's candidates into the final non-overlapping entities:

* ``priority`` (the default): a priority vote, skweak's simplest aggregator.
  MONEY and PERCENT first, because a number with a currency or ``%`` is
  unambiguous and their patterns are the most precise; then OFFICIAL, because a
  personal name next to a title is rarely anything else; ORG last, as its
  head-noun patterns are the broadest. Within one family the longer span wins
  (the guideline's "longest specific name wins"), then the earlier one.
* ``label_model``: a generative label model (``phogov.rules.label_model``) that
  weighs each function's votes by an accuracy fitted by EM on unlabelled news.

The default stays ``priority``: the two tie on the dev and seeds gold (the
families do not overlap there), and it needs no fitted file (see README,
"Labelling functions and their aggregation"). ``using(name)`` switches the
default for a block of code (the CLI's ``--aggregator``) without threading an
argument through every caller.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from phogov.rules import money, officials, orgs, percent, topics
from phogov.titles import titles_cover_orgs
from phogov.types import Span

PRIORITY = {"MONEY": 0, "PERCENT": 0, "OFFICIAL": 1, "ORG": 2}

# A document's candidates, one list per sentence → its entities, one list per sentence.
Aggregator = Callable[[list[list[Span]]], list[list[Span]]]

AGGREGATORS: tuple[str, ...] = ("priority", "label_model")
DEFAULT_AGGREGATOR = "priority"
_current: contextvars.ContextVar[str] = contextvars.ContextVar(
    "phogov_aggregator", default=DEFAULT_AGGREGATOR
)


@dataclass
class RuleResult:
    """What the rules say about one sentence (offsets in the sentence view text)."""

    entities: list[Span]
    topic_scores: dict[str, float]
    topics: list[str]


def family(source: str) -> str:
    """``orgs.head_noun`` → ``orgs``: the rule module a labelling function lives in."""
    return source.split(".", 1)[0]


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep a non-overlapping subset by priority, then length, then position."""
    ranked = sorted(spans, key=lambda s: (PRIORITY.get(s.label, 9), -(s.end - s.start), s.start))
    kept: list[Span] = []
    for span in ranked:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def priority_vote(doc: list[list[Span]]) -> list[list[Span]]:
    """The priority aggregator: each sentence on its own (it needs no document context)."""
    return [resolve_overlaps(spans) for spans in doc]


def check_aggregator(name: str) -> str:
    """``name`` if it is an aggregator, else a ValueError listing the choices."""
    if name not in AGGREGATORS:
        raise ValueError(f"unknown aggregator {name!r}; choose one of {', '.join(AGGREGATORS)}")
    return name


def get_aggregator(name: str | None = None) -> Aggregator:
    """The aggregator called ``name`` (None: the current default, see :func:`using`)."""
    name = check_aggregator(_current.get() if name is None else name)
    if name == "priority":
        return priority_vote
    from phogov.rules.label_model import bundled_label_model

    return bundled_label_model().aggregate


def current_aggregator() -> str:
    """The aggregator that calls without an explicit one use here."""
    return _current.get()


@contextlib.contextmanager
def using(name: str) -> Iterator[None]:
    """Make ``name`` the default aggregator inside the ``with`` block."""
    token = _current.set(check_aggregator(name))
    try:
        yield
    finally:
        _current.reset(token)


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
    for fam in FAMILIES:
        for span in by_family[fam]:
            if not span.source:
                span.source = fam
            found.append(span)
    return found


def document_candidates(sentence_texts: list[str]) -> list[list[Span]]:
    """Every family's candidates for each sentence of one document, in order.

    The one place that keeps the document memories (officials met earlier, the
    organisations the document introduces), so that ``label_document``, ``lf-report``
    and the label model's fit see the same spans.
    """
    memory = officials.DocMemory()
    org_memory = orgs.document_memory(list(sentence_texts))
    return [candidates(text, memory, org_memory) for text in sentence_texts]


def find_entities(
    text: str, memory: officials.DocMemory, org_memory: orgs.OrgMemory | None = None, *,
    aggregator: str | Aggregator | None = None,
) -> list[Span]:
    """All entity families on one normalised sentence; ``memory`` carries officials onward,
    ``org_memory`` the organisations the document introduces."""
    agg = aggregator if callable(aggregator) else get_aggregator(aggregator)
    return agg([candidates(text, memory, org_memory)])[0]


def label_document(
    sentence_texts: list[str], *, aggregator: str | Aggregator | None = None
) -> list[RuleResult]:
    """Label the normalised sentences of one document, in order (topics use the order too)."""
    agg = aggregator if callable(aggregator) else get_aggregator(aggregator)
    entities = [titles_cover_orgs(text, ents)
                for text, ents in zip(sentence_texts, agg(document_candidates(sentence_texts)))]
    topic_scores = topics.score_document(sentence_texts)
    return [
        RuleResult(
            ents,
            scores,
            [t for t in topics.TOPIC_LABELS if scores[t] >= topics.THRESHOLD],
        )
        for ents, scores in zip(entities, topic_scores)
    ]
