"""Literal prefilters for regexes: skip a ``search`` when the text cannot match.

Python's ``re`` has no multi-literal acceleration: a pattern that opens with a lookbehind
(``(?<!\\w)``) and ``IGNORECASE`` is tried at every position of the text, so a lexicon of a
few hundred cues costs a few hundred full scans per sentence. Most cues open with a literal
word, though, and a match must contain one of the pattern's *literal openings* (the
alternatives ``(?:quy|qui) hoạch`` → ``quy hoạch``, ``qui hoạch``). Checking those with
``str.__contains__`` on the lower-cased text is a necessary condition only, so the regex still
decides, and results are unchanged; a pattern with no usable opening always runs.

The openings are read from the parse tree of ``re`` (``re._parser``, ``sre_parse`` before
3.11); if that private module changes shape the prefilter degrades to "always run".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:  # Python >= 3.11
    from re import _constants as _k  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _k  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_MAX_ALTERNATIVES = 256
_MIN_LENGTH = 2  # a one-letter opening would filter nothing
_MAX_CLASS = 8  # expand a character class ([-–—], [yi]) of at most this many characters

# ``re.IGNORECASE`` also equates a few characters whose ``str.lower()`` differ (dotless ı
# and i, long ſ and s, …). Folding them on both sides keeps the prefilter exact for them.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "ẛ": "ṡ", "µ": "μ", "ς": "σ"})
# str.lower() turns "İ" into two characters (i + combining dot); re compares it as "i".
_PRE_FOLD = str.maketrans({"İ": "i"})

Alt = tuple[str, bool]  # (literal text so far, whether the literal still continues)


def fold(text: str) -> str:
    """The case-folded text that ``openings(..., ignorecase=True)`` are checked against."""
    return text.translate(_PRE_FOLD).lower().translate(_FOLD)


def _item(op: Any, av: Any) -> list[Alt]:
    """The literal alternatives one parse item can start with; ``("", False)``: unknown."""
    if op is _k.LITERAL:
        return [(chr(av), True)]
    if op in (_k.AT, _k.ASSERT, _k.ASSERT_NOT):
        return [("", True)]  # zero-width: contributes nothing, the literal goes on
    if op is _k.IN:
        chars: list[str] = []
        for sub_op, sub_av in av:
            if sub_op is _k.LITERAL:
                chars.append(chr(sub_av))
            elif sub_op is _k.RANGE and sub_av[1] - sub_av[0] < _MAX_CLASS:
                chars.extend(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            else:
                return [("", False)]  # negation, categories, wide ranges
        return [(c, True) for c in chars] if len(chars) <= _MAX_CLASS else [("", False)]
    if op is _k.BRANCH:
        return [alt for seq in av[1] for alt in _seq(seq)]
    if op is _k.SUBPATTERN:
        _group, add_flags, del_flags, seq = av
        if add_flags or del_flags:
            return [("", False)]
        return _seq(seq)
    if op in (_k.MAX_REPEAT, _k.MIN_REPEAT, getattr(_k, "POSSESSIVE_REPEAT", None)):
        lo, hi, seq = av
        inner = _seq(seq)
        if lo == hi == 1:
            return inner
        once = inner if hi == 1 else [(s, False) for s, _ in inner]
        return ([("", True)] if lo == 0 else []) + once
    return [("", False)]


def _seq(items: Iterable[tuple[Any, Any]]) -> list[Alt]:
    alts: list[Alt] = [("", True)]
    for op, av in items:
        if not any(go for _, go in alts):
            break
        nxt: list[Alt] = []
        for text, go in alts:
            if not go:
                nxt.append((text, False))
                continue
            nxt.extend((text + more, more_go) for more, more_go in _item(op, av))
        alts = list(dict.fromkeys(nxt))
        if len(alts) > _MAX_ALTERNATIVES:
            return [("", False)]
    return alts


def openings(pattern: str, ignorecase: bool) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` contains, or None (no usable set).

    With ``ignorecase`` they are folded (see :func:`fold`), to be looked up in folded text.
    """
    try:
        tree = _sre_parse.parse(pattern, re.IGNORECASE if ignorecase else 0)
        alts = _seq(list(tree))
    except Exception:  # noqa: BLE001 - a private parser's change of shape only costs speed
        return None
    lits = {fold(t) if ignorecase else t for t, _ in alts}
    if any(len(t) < _MIN_LENGTH for t in lits):
        return None
    # drop a literal that contains a shorter one of the set: the shorter already covers it
    kept = [t for t in lits if not any(o != t and o in t for o in lits)]
    return tuple(sorted(kept))


_WORD = re.compile(r"\w+")


class LiteralIndex:
    r"""Which of many patterns may match a text, from their literal openings, in one pass.

    Every pattern given must only match at a word start (open with ``(?<!\w)``), so each of
    its openings starts at a word start of the text. An opening of several words
    (``quy hoạch``) needs its first word there exactly; an opening of one word (``thuế``)
    needs the word there to start with it. The index looks words (and their prefixes) up in
    dictionaries and confirms with ``startswith``: a few dictionary probes per word of the
    text instead of one scan per pattern. A pattern with no openings, or with one that does
    not open with a word character, is always a candidate.
    """

    def __init__(self, entries: list[tuple[tuple[str, ...] | None, bool]]) -> None:
        """``entries[i]``: (``openings(pattern_i, ignorecase)``, ignorecase)."""
        self.always: set[int] = set()
        # per case mode (0: as written, 1: folded): first word -> [(opening, pattern index)]
        self.exact: tuple[dict[str, list[tuple[str, int]]], ...] = ({}, {})
        # per case mode: one-word opening -> [pattern index]
        self.prefix: tuple[dict[str, list[int]], ...] = ({}, {})
        self.longest_prefix = [0, 0]
        for i, (lits, ignorecase) in enumerate(entries):
            first = [_WORD.match(t) for t in lits] if lits is not None else []
            if lits is None or not all(first):
                self.always.add(i)
                continue
            for t, m in zip(lits, first):
                word = m.group()
                if len(word) < len(t):
                    self.exact[ignorecase].setdefault(word, []).append((t, i))
                else:
                    self.prefix[ignorecase].setdefault(t, []).append(i)
                    self.longest_prefix[ignorecase] = max(self.longest_prefix[ignorecase], len(t))

    def candidates(self, text: str, folded: str | None = None) -> set[int]:
        """Indexes of the patterns that may match ``text`` (``folded`` = ``fold(text)``).

        Each distinct word is looked up once; an opening is confirmed anywhere in the text
        (``in``), a necessary condition that is cheaper than tracking word positions.
        """
        out = set(self.always)
        for mode, haystack in ((0, text), (1, folded if folded is not None else fold(text))):
            exact, prefix, longest = self.exact[mode], self.prefix[mode], self.longest_prefix[mode]
            if not (exact or prefix):
                continue
            for word in set(_WORD.findall(haystack)):
                hits = exact.get(word)
                if hits:
                    out.update(i for lit, i in hits if i not in out and lit in haystack)
                for k in range(_MIN_LENGTH, min(len(word), longest) + 1):
                    more = prefix.get(word[:k])
                    if more:
                        out.update(more)
        return out
