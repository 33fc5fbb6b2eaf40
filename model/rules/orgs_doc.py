"""Names a document introduces as organisations, tagged wherever they recur.

News introduces a body once with its description or full name and then uses a
short name: ``cơ sở Anh ngữ quốc tế SITC`` … ``vụ SITC``; ``Cơ quan điều tra
(CQĐT)`` … ``tại CQĐT``; ``Tổng công ty Thủy sản Việt Nam (Seaprodex VN)`` …
``Seaprodex``. A short name alone is too ambiguous to tag on sight, but once the
document has presented it as an organisation the guideline tags it wherever it
occurs (ANNOTATION.md, ORG: "Tag the organisation's name wherever it occurs"),
also before the introduction (a headline). Only coined or foreign-looking names
(``brand_like``) become aliases, never ordinary Vietnamese words or places.
"""

from __future__ import annotations

from collections.abc import Sequence

from phogov.rules import lexicon_orgs as lex
from phogov.rules.orgs import LABEL, _Parser, find_sentence
from phogov.rules.orgs_tokens import GAZ, brand_like, tokenize
from phogov.types import Span

# Labelling functions whose spans present a short name as an organisation.
_INTRODUCING = frozenset(
    {"orgs.bracket_abbr", "orgs.generic_head", "orgs.acronym", "orgs.corporate"}
)
SOURCE = "orgs.doc_alias"


def _alias_forms(name: str) -> set[str]:
    """``Seaprodex VN`` → itself and ``Seaprodex`` (a country tag may be dropped later)."""
    toks = tokenize(name)
    forms = {name}
    if len(toks) >= 2 and GAZ.match(toks, len(toks) - 1) and toks[-1].text in ("VN", "Nam"):
        forms.add(name[: toks[-1].start].rstrip())
    if len(toks) >= 3 and " ".join(t.text for t in toks[-2:]) == "Việt Nam":
        forms.add(name[: toks[-2].start].rstrip())
    return forms


def _usable(alias: str) -> bool:
    toks = tokenize(alias)
    return bool(toks) and all(t.capword for t in toks if t.word) and brand_like(toks[0].text) and (
        alias not in lex.NON_ORG_ACRONYMS and GAZ.match(toks, 0) is None and len(alias) >= 2
    )


class OrgMemory:
    """The ORG spans of one document's sentences plus the aliases they introduce."""

    def __init__(self, sentence_texts: Sequence[str]) -> None:
        self._found: dict[str, list[Span]] = {}
        aliases: set[str] = set()
        for text in sentence_texts:
            spans = self._found.setdefault(text, find_sentence(text))
            for span in spans:
                if span.source in _INTRODUCING:
                    aliases.update(a for a in _alias_forms(span.text) if _usable(a))
        self.aliases: frozenset[str] = frozenset(aliases)
        self._alias_toks = sorted(
            (tuple(t.text for t in tokenize(a)) for a in self.aliases), key=len, reverse=True
        )

    def find(self, text: str) -> list[Span]:
        """The sentence's own ORG spans plus recurring aliases outside them."""
        found = self._found.get(text)
        spans = list(found if found is not None else find_sentence(text))
        if not self._alias_toks:
            return spans
        p = _Parser(text)
        taken = [(s.start, s.end) for s in spans]
        i = 0
        while i < p.n:
            hit = self._alias_at(p, i)
            if hit is None:
                i += 1
                continue
            start, end = p.t[i].start, p.t[hit - 1].end
            if all(end <= a or start >= b for a, b in taken):
                spans.append(Span(start, end, LABEL, text[start:end], source=SOURCE))
                taken.append((start, end))
            i = hit
        return sorted(spans, key=lambda s: s.start)

    def _alias_at(self, p: _Parser, i: int) -> int | None:
        t = p.t
        if p._in_code(i) or (i > 0 and t[i - 1].end == t[i].start and t[i - 1].word):
            return None
        if i > 0 and t[i].joined and brand_like(t[i - 1].text) and not t[i - 1].text.isupper():
            return None  # ``Eginhard Vietz``: part of a longer foreign name (a person's)
        for parts in self._alias_toks:
            end = i + len(parts)
            if end > p.n or any(t[i + k].text != parts[k] for k in range(len(parts))):
                continue
            if any(t[i + k].start != t[i + k - 1].end and not t[i + k].joined
                   for k in range(1, len(parts))):
                continue
            if end < p.n and t[end].start == t[end - 1].end and t[end].word:
                continue  # glued to more letters: a longer word
            if (i > 0 and t[i - 1].text == "@") or (
                    end + 1 < p.n and t[end].text == "." and t[end].start == t[end - 1].end
                    and t[end + 1].start == t[end].end and t[end + 1].word):
                continue  # ``info@Vietz.com``: an address
            return end
        return None
