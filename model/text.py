"""The one place that maps raw text ↔ normalised view ↔ sentences ↔ syllables ↔ words.

Every unit carries offsets into its sentence's normalised text; ``Sentence.to_raw``
turns them into offsets into the caller's raw string. The span ↔ tag and raw ↔ view
mappings themselves live in ``phogov.spans``; ``spans_to_tags``/``tags_to_spans``
here apply them to a sentence's words or syllables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from phogov import spans as _spans
from phogov.normalize import View, normalize
from phogov.segment import DEFAULT_SEGMENTER, get_segmenter
from phogov.types import Span

# A syllable: a number with Vietnamese separators (234.000, 16,5), a run of
# letters, or any other single visible character (punctuation, %, emoji).
_SYLLABLE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
# Sentence end inside a line (ANNOTATION.md): . ! ? … then whitespace then an upper-case letter.
_SENT_END = re.compile(r"[.!?…](?=[ ]+(\w))")


# Rule tokens (what every labelling function reads, ``rule_tokens``): a word of letters,
# joined across an inner dot or ampersand (``TP.HCM``, ``GD&ĐT``, the scraping artefact
# ``LĐ-TB&amp;XH``), a number with Vietnamese separators (``234.000``, ``16,5``; digits
# are never glued to letters, so a footnote mark in ``Khánh Hòa153`` is not part of a
# name), or any other visible character.
_RULE_TOKEN = re.compile(r"[^\W\d_]+(?:(?:\.|&amp;|&)[^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")


@dataclass(frozen=True)
class RuleToken:
    """A token of a sentence's view text, as the rules read it.

    ``kind`` is cap, abbr, lower, num or punct; ``low`` is the lower-case form with
    ``&amp;`` read as ``&`` and every dash as ``-``; ``joined``: nothing or one space
    separates it from the previous token.
    """

    start: int
    end: int
    text: str
    kind: str
    low: str
    joined: bool

    @property
    def word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def capword(self) -> bool:
        return self.word and self.text[0].isupper()


def _token_kind(word: str) -> str:
    first = word[0]
    if first.isdigit():
        return "num"
    if not first.isalpha():
        return "punct"
    if not first.isupper():
        return "lower"
    letters = [c for c in word if c.isalpha()]
    if len(letters) == 1:
        return "cap"  # ``Y`` of ``Y tế``, the initial of ``Nguyễn Văn A``
    uppers = sum(c.isupper() for c in letters[1:])
    return "abbr" if uppers * 2 >= len(letters) - 1 else "cap"


def _token_low(word: str) -> str:
    low = word.lower().replace("&amp;", "&")
    return "-" if low in ("–", "—") else low  # all dashes join name parts alike


@lru_cache(maxsize=8192)
def rule_tokens(text: str) -> tuple[RuleToken, ...]:
    """The tokens of ``text`` that every rule reads (officials, titles, coreference,
    organisations): computed once per sentence text, shared by all of them."""
    out: list[RuleToken] = []
    prev_end = 0
    for m in _RULE_TOKEN.finditer(text):
        word = m.group(0)
        out.append(RuleToken(m.start(), m.end(), word, _token_kind(word), _token_low(word),
                             text[prev_end:m.start()] in ("", " ")))
        prev_end = m.end()
    return tuple(out)


def rule_token_texts(phrase: str) -> list[str]:
    """The token strings of a lexicon phrase, split as ``rule_tokens`` splits text."""
    return _RULE_TOKEN.findall(phrase)


@dataclass(frozen=True)
class Word:
    """A PhoBERT word: ``form`` joins its syllables with ``_``; offsets in the sentence view."""

    start: int
    end: int
    form: str
    first_syllable: int
    last_syllable: int


@dataclass
class Sentence:
    """One sentence of a document: its view text and the way back to raw offsets."""

    doc_view: View
    start: int  # offsets in the document view
    end: int
    segmenter: str = DEFAULT_SEGMENTER
    _words: list[Word] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The normalised sentence text that rules and the model read."""
        return self.doc_view.text[self.start : self.end]

    @property
    def raw_start(self) -> int:
        return self.doc_view.raw_start[self.start]

    @property
    def raw_end(self) -> int:
        return self.doc_view.raw_end[self.end - 1]

    @property
    def raw_text(self) -> str:
        return self.doc_view.raw[self.raw_start : self.raw_end]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``self.text`` to offsets into the raw document."""
        return _spans.view_to_raw(self.doc_view, self.start + start, self.start + end)

    def span_to_raw(self, span: Span) -> Span:
        """``span`` (offsets in ``self.text``) as the caller wrote it: its offsets, text
        and titles moved into the raw document."""
        raw = self.doc_view.raw
        a, b = self.to_raw(span.start, span.end)
        out = span.shifted(a, b, raw[a:b])
        if span.title_spans is not None:
            moved = [self.to_raw(ta, tb) for ta, tb in span.title_spans]
            out.title_spans = moved
            out.titles = [raw[ta:tb] for ta, tb in moved]
        return out

    @cached_property
    def syllables(self) -> list[tuple[int, int]]:
        """Syllables and punctuation as [start, end) in ``self.text``."""
        return [(m.start(), m.end()) for m in _SYLLABLE.finditer(self.text)]

    @property
    def words(self) -> list[Word]:
        """PhoBERT-style words, each a run of whole syllables."""
        if self._words is None:
            self._words = segment_words(self.text, self.syllables, self.segmenter)
        return self._words


def split_sentences(view_text: str) -> list[tuple[int, int]]:
    """Sentence spans in a view text, exactly as ANNOTATION.md defines them."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in view_text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        cut = 0
        pieces: list[tuple[int, int]] = []
        for m in _SENT_END.finditer(line):
            if m.group(1).isupper():
                pieces.append((cut, m.end()))
                cut = m.end()
        pieces.append((cut, len(line)))
        for a, b in pieces:
            chunk = line[a:b]
            stripped = chunk.strip()
            if not stripped:
                continue
            a += len(chunk) - len(chunk.lstrip())
            spans.append((line_start + a, line_start + a + len(stripped)))
    return spans


def sentences(raw: str, segmenter: str = DEFAULT_SEGMENTER) -> list[Sentence]:
    """Split a raw document into sentences (words are segmented lazily)."""
    if not isinstance(raw, str):
        raise TypeError(f"text must be a str, got {type(raw).__name__}")
    view = normalize(raw)
    return [Sentence(view, a, b, segmenter) for a, b in split_sentences(view.text)]


def syllable_spans(raw: str) -> list[tuple[int, int]]:
    """Syllables of a raw string as raw offsets (the evaluation's fixed tokenisation)."""
    view = normalize(raw)
    return [view.to_raw(a, b) for a, b in (m.span() for m in _SYLLABLE.finditer(view.text))]


def segment_words(
    text: str, syllables: list[tuple[int, int]], segmenter: str = DEFAULT_SEGMENTER
) -> list[Word]:
    """Group syllables into words as the segmenter does, realigned to ``text``.

    The segmenter's output is matched back to ``text`` character by character
    (ignoring spaces and its ``_`` joins); where it rewrote or lost characters,
    the affected syllables fall back to one word each, so no character is lost.
    """
    owner = [-1] * len(text)  # segmenter token index per character of text
    tokens = get_segmenter(segmenter)(text) if syllables else []
    pos = 0
    for t_index, token in enumerate(tokens):
        for ch in token:
            if ch == "_" and (pos >= len(text) or text[pos] != "_"):
                continue
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos < len(text) and text[pos] == ch:
                owner[pos] = t_index
                pos += 1
            else:  # rewritten character: resynchronise on the next match
                nxt = text.find(ch, pos)
                if nxt != -1 and nxt - pos < 4:
                    owner[nxt] = t_index
                    pos = nxt + 1
    words: list[Word] = []
    i = 0
    while i < len(syllables):
        j = i
        a, b = syllables[i]
        tok = owner[a]
        if tok >= 0 and text[a:b].isalpha():
            # extend over following letter syllables of the same segmenter token
            while (
                j + 1 < len(syllables)
                and text[syllables[j + 1][0] : syllables[j + 1][1]].isalpha()
                and owner[syllables[j + 1][0]] == tok
                and all(owner[k] == tok for k in range(*syllables[j + 1]))
                and all(owner[k] == tok for k in range(*syllables[j]))
            ):
                j += 1
        form = "_".join(text[s:e] for s, e in syllables[i : j + 1])
        words.append(Word(syllables[i][0], syllables[j][1], form, i, j))
        i = j + 1
    return words


def segmented_sentences(raw: str, segmenter: str = DEFAULT_SEGMENTER) -> list[str]:
    """PhoBERT-style input lines (``Bí_thư Thành_ủy chủ_trì``), one per sentence."""
    return [" ".join(w.form for w in s.words) for s in sentences(raw, segmenter)]


def spans_to_tags(
    sentence: Sentence, spans: list[tuple[int, int, str]], unit: str = "word"
) -> list[str]:
    """IOB2 tags for the words (or syllables) of a sentence from spans in ``sentence.text``.

    A unit is inside a span when its first character is; a span that starts
    inside a unit starts at that unit (the model can only say whole words):
    ``phogov.spans`` alignment ``"expand"``.
    """
    return _spans.spans_to_tags(_units(sentence, unit), sorted(spans), alignment="expand")


def tags_to_spans(
    sentence: Sentence, tags: list[str], scores: list[float] | None = None, unit: str = "word"
) -> list[tuple[int, int, str, float]]:
    """Spans (start, end, label, mean score) in ``sentence.text`` from IOB2 unit tags.

    An ``I-X`` that does not continue an ``X`` starts a new span (lenient decoding,
    ``phogov.spans.tags_to_spans``), so the model never loses an entity to a bad first tag.
    """
    units = _units(sentence, unit)
    if len(tags) != len(units):
        raise ValueError(f"{len(tags)} tags for {len(units)} {unit}s")
    return _spans.tags_to_spans(units, tags, scores)


def _units(sentence: Sentence, unit: str) -> list[tuple[int, int]]:
    if unit == "word":
        return [(w.start, w.end) for w in sentence.words]
    if unit == "syllable":
        return sentence.syllables
    raise ValueError(f"unit must be 'word' or 'syllable', got {unit!r}")
