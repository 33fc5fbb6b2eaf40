"""Normalise Vietnamese text for rules and model, keeping a map back to the raw text.

Text arrives as NFC or NFD, with old or new tone placement (``hoà``/``hòa``,
``Uỷ``/``Ủy``), CRLF, doubled spaces, zero-width and control characters. Rules
and the model only ever see the normalised *view*; every view character
remembers the raw characters it came from, so spans found in the view map back
to exact offsets in the caller's string.

Code points that cannot be encoded at all (lone surrogates such as ``"\\ud800"``,
or the ``\\udcXX`` that Python makes of a non-UTF-8 byte in a command-line
argument) become U+FFFD in the view, one for one: the segmenter and tokenizer
then see an ordinary symbol, and offsets still index the caller's text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Characters dropped from the view: zero-width, BOM, soft hyphen, bidi marks.
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f"}
_SPACES = {"\t", "\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
           "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000"}
REPLACEMENT = "\ufffd"  # stands in the view for a code point UTF-8 cannot encode
_LINEBREAKS = {"\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"}

# Tone marks as combining characters (NFD).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Open syllables where the two styles disagree: old style puts the tone on the
# second vowel (hoà, thuỷ), we put it on the first (hòa, thủy), the form most
# Vietnamese news uses today. With a final consonant both styles agree.
# The tone must end the syllable: no letter and no further mark after it, so
# hoặc / luận (dot below + breve/circumflex on the 2nd vowel) are left alone.
_OLD_STYLE = re.compile(
    r"([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_]|[\u0300-\u036f])"
)
_QU_GI = re.compile(r"(?i)(?:q|g)$")


def _canonical_tone(syllable_nfd: str) -> str:
    """Move a tone from the 2nd to the 1st vowel of open oa/oe/uy (not after q/gi)."""

    def fix(m: re.Match[str]) -> str:
        before = syllable_nfd[: m.start()]
        if m.group(1) in "uU" and _QU_GI.search(before):
            return m.group(0)  # quý, quỳnh: u is a glide, the tone is already right
        return m.group(1) + m.group(3) + m.group(2)

    return _OLD_STYLE.sub(fix, syllable_nfd)


@dataclass(frozen=True)
class View:
    """A normalised string and, per character, the raw [start, end) it came from."""

    raw: str
    text: str
    raw_start: tuple[int, ...]
    raw_end: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span to a raw span (end exclusive)."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the normalised text")
        return self.raw_start[start], self.raw_end[end - 1]


_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+|\s+|.", re.DOTALL)


def normalize(raw: str) -> View:
    """Return the view of ``raw``: NFC, canonical tones, one space for runs of
    horizontal whitespace, ``\\n`` for any line break, invisible characters dropped."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _WORD.finditer(raw):
        chunk, pos = m.group(0), m.start()
        if chunk[0].isspace() or chunk[0] in _DROP:
            _whitespace(chunk, pos, out, starts, ends)
            continue
        if len(chunk) == 1 and (chunk in _DROP or unicodedata.category(chunk) in ("Cc", "Cf")):
            continue
        if len(chunk) == 1 and "\ud800" <= chunk <= "\udfff":
            out.append(REPLACEMENT)
            starts.append(pos)
            ends.append(pos + 1)
            continue
        _letters(chunk, pos, out, starts, ends)
    return View(raw, "".join(out), tuple(starts), tuple(ends))


def _whitespace(chunk: str, pos: int, out: list[str], starts: list[int], ends: list[int]) -> None:
    for i, ch in enumerate(chunk):
        if ch in _DROP:
            continue
        norm = "\n" if ch in _LINEBREAKS else " "
        if ch == "\n" and out and out[-1] == "\n" and i > 0 and chunk[i - 1] == "\r":
            ends[-1] = pos + i + 1  # CRLF is one break
            continue
        if norm == " " and out and out[-1] == " ":
            ends[-1] = pos + i + 1
            continue
        if norm == "\n" and out and out[-1] == " ":
            out.pop(), starts.pop(), ends.pop()
        out.append(norm)
        starts.append(pos + i)
        ends.append(pos + i + 1)


def _letters(chunk: str, pos: int, out: list[str], starts: list[int], ends: list[int]) -> None:
    """NFC-compose a run of letters, keeping which raw characters make each output char."""
    chars, spans = _letters_plan(chunk)
    out.extend(chars)
    starts.extend(pos + a for a, _ in spans)
    ends.extend(pos + b for _, b in spans)


@functools.lru_cache(maxsize=65536)
def _letters_plan(chunk: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The output characters of a letter run and the raw span of each, relative to the run.

    Cached: news repeats a small vocabulary of words, and this is the hot loop of
    normalisation (weak-labelling tens of thousands of articles goes through it).
    """
    # Group raw chars into clusters: a base char followed by its combining marks.
    clusters: list[tuple[int, int]] = []
    for i, ch in enumerate(chunk):
        if clusters and unicodedata.combining(ch):
            clusters[-1] = (clusters[-1][0], i + 1)
        else:
            clusters.append((i, i + 1))
    decomposed = [unicodedata.normalize("NFD", chunk[a:b]) for a, b in clusters]
    fixed = _canonical_tone("".join(decomposed))
    # Re-split the fixed NFD string into the same clusters (tone moves keep the count).
    pieces: list[str] = []
    k = 0
    for _ in decomposed:
        j = k + 1
        while j < len(fixed) and unicodedata.combining(fixed[j]):
            j += 1
        pieces.append(fixed[k:j])
        k = j
    if k != len(fixed):  # should not happen; fall back to plain NFC per cluster
        pieces = decomposed
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for (a, b), piece in zip(clusters, pieces):
        for ch in unicodedata.normalize("NFC", piece):
            chars.append(ch)
            spans.append((a, b))
    return tuple(chars), tuple(spans)
