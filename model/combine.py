"""Rules beside the model, as spaCy's EntityRuler sits beside its statistical NER.

A policy says, per entity label, whose spans count and who wins an overlap:

- ``"model"``: the model's spans only; ``"rules"``: the rules' only;
- ``"rules+model"``: both, the rules winning where they overlap;
- ``"model+rules"``: both, the model winning where they overlap.

And for topics: ``"model"`` (the model's thresholded topics), ``"union"``
(the model's plus the rules') or ``"rules"`` (the rules' alone). The policy lives
in a model directory's ``phogov.json`` (``"combine"``), chosen on dev gold by
``phogov tune-combine``; a directory without one is the pure model.
"""

from __future__ import annotations

from collections.abc import Mapping

from phogov.types import ENTITY_LABELS, Span

ENTITY_POLICIES = ("model", "rules", "rules+model", "model+rules")
TOPIC_POLICIES = ("model", "union", "rules")
TOPICS_KEY = "topics"


def validate(policy: Mapping[str, str], where: str = "combine") -> dict[str, str]:
    """The policy with defaults filled (``model``), or ValueError naming the bad entry."""
    out = {label: "model" for label in ENTITY_LABELS}
    out[TOPICS_KEY] = "model"
    for key, value in policy.items():
        allowed = TOPIC_POLICIES if key == TOPICS_KEY else ENTITY_POLICIES
        if key != TOPICS_KEY and key not in ENTITY_LABELS:
            raise ValueError(f"{where}: unknown label {key!r} (expected one of "
                             f"{', '.join(ENTITY_LABELS)} or {TOPICS_KEY!r})")
        if value not in allowed:
            raise ValueError(f"{where}: {key} policy {value!r} is not one of {', '.join(allowed)}")
        out[key] = value
    return out


def is_pure(policy: Mapping[str, str]) -> bool:
    """Whether the policy uses the model alone (then the rules need not run)."""
    return all(v == "model" for v in validate(policy).values())


def merge_entities(model: list[Span], rules: list[Span], policy: Mapping[str, str]) -> list[Span]:
    """One sentence's spans from both sources under ``policy``: sorted, never overlapping.

    First come the spans each label's policy puts first (rules before model when
    both sources lead for different labels: a rule span is a precise pattern), then
    the second source's spans that overlap nothing already kept.
    """
    pol = validate(policy)
    rules_first, rules_second = _by_rank(rules, "rules", "model", pol)
    model_first, model_second = _by_rank(model, "model", "rules", pol)
    kept: list[Span] = []
    for span in rules_first + model_first + rules_second + model_second:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _by_rank(spans: list[Span], own: str, other: str,
             pol: Mapping[str, str]) -> tuple[list[Span], list[Span]]:
    """Of one source's spans, those its labels' policies put first (``own`` or
    ``own+other``) and those they add second (``other+own``); the rest are dropped."""
    first: list[Span] = []
    second: list[Span] = []
    for span in spans:
        p = pol.get(span.label, "model")
        if p in (own, f"{own}+{other}"):
            first.append(span)
        elif p == f"{other}+{own}":
            second.append(span)
    return first, second


def merge_topics(model: list[str], rules: list[str], policy: Mapping[str, str]) -> list[str]:
    """The sentence's topics under the ``topics`` policy, model order first."""
    chosen = validate(policy)[TOPICS_KEY]
    if chosen == "union":
        return model + [t for t in rules if t not in model]
    if chosen == "rules":
        return list(rules)
    return list(model)
