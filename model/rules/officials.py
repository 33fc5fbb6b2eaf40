"""Weak labels for OFFICIAL: personal names of people presented as office holders.

A name is tagged when the sentence presents its bearer as an official, or an
earlier sentence of the same document did (``DocMemory``). Each way of
presenting is one labelling function, and the span it makes says so in
``Span.source`` (``officials.<function>``, for ``phogov lf-report``):

* ``dong_chi``: ``đồng chí`` + name;
* ``title_before``: a title from the lexicon right before the name (``Bí thư
  Thành ủy Trần Lưu Quang``, ``Đại biểu Nguyễn Văn A``, ``đại tá Lê B``);
* ``title_after``: a title after the name, after a comma, a dash or in brackets
  (``Vũ Quyết Tiến, Ủy viên …``, ``anh Phong (Bộ trưởng …)``, ``A - Giám đốc …``);
* ``ong_ba``: ``ông``/``bà``/``anh``/``chị`` + name, kept only when a title is
  assigned to it: ``ông``/``bà`` alone presents a private citizen;
* ``roster``: every name of a list that presents its members as officials:
  ``các đồng chí: A, …; B, …`` and ``lãnh đạo tỉnh gồm ông A, bà B``;
* ``coref``: a later (or, within the sentence, another) mention of a known
  official (``phogov.rules.coref``): ``ông Tuấn``, ``Thứ trưởng Tiến``, the full
  name anywhere, ``chính phủ Thaksin``.

Name shapes (where a name starts and ends) live in ``phogov.rules.names``.
``đồng chí``/``ông``/``bà`` and titles are never part of the span.

Not tagged: bylines and photo credits (``Thu Hường`` alone on a line, ``Ảnh:
Đàm Thanh``), places after titles (``Chủ tịch UBND tỉnh Quảng Ninh``), names of
schools, streets and companies, and ``Hồ Chí Minh``: ``Chủ tịch Hồ Chí Minh``
is cited as a historical figure and a symbol (``tư tưởng Hồ Chí Minh``), not
presented as a current office holder, and the same string names a city.

Everything is linear in the sentence: each function is one left-to-right pass
with bounded look-ahead, and titles are assigned once per round (issue 10).
Rules run on the normalised view text and return spans in view offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from phogov.rules import coref
from phogov.rules.coref import DocMemory, mention_text
from phogov.rules.lexicon_titles import (
    ENTERPRISE_HEADS,
    HISTORICAL_NAMES,
    PERSON_HEADS,
    PLACE_WORDS,
    STATE_BODIES,
)
from phogov.rules.names import (
    caps_run,
    ends_cleanly,
    forbid_first,
    is_byline,
    is_credit,
    namelike,
    pick_name,
)
from phogov.titles import (
    GROUP_WORDS,
    TitleSpan,
    Tok,
    _phrase_index,
    assign,
    head_at,
    match_phrase,
    parse_title,
    tokenize,
)
from phogov.types import Span

__all__ = ["DocMemory", "find"]

# Rounds of dropping untitled ``ông A`` and recomputing titles (a cascade is rare).
_MAX_ROUNDS = 3
# How far a list opener (``gồm``, ``:``) may follow ``lãnh đạo`` (``lãnh đạo chủ chốt
# của tỉnh Khánh Hòa, gồm: …``).
_ROSTER_REACH = 10
_ROSTER_WORDS = frozenset({"và", "ông", "bà", "anh", "chị", "đồng", "chí", "các", "cùng"})
_ROSTER_PUNCT = frozenset({",", ";", ":", "(", ")", "-", "–"})
# Heads always followed by a person, never by a company: a foreign name may come first.
_PERSON_HEADS = _phrase_index(PERSON_HEADS)
# ``lãnh đạo`` + one of these opens a list of officials (``lãnh đạo tỉnh gồm …``).
_STATE_WORDS = _phrase_index(PLACE_WORDS + STATE_BODIES)
_COMPANIES = _phrase_index(tuple(h for h in ENTERPRISE_HEADS if h != "ngân hàng") + ("hãng",))
# Punctuation between a name and the title after it.
_TITLE_OPENERS = frozenset({",", "(", "-", "–"})
# Group words that, with a state or Party body and ``gồm``/``:``, present a list of its
# leaders: ``lãnh đạo tỉnh gồm …``, ``thường trực Huyện ủy (gồm ông, bà A, B)``,
# ``Ban thường vụ Tỉnh ủy gồm …``.
_ROSTER_OPENERS = frozenset({("lãnh", "đạo"), ("thường", "trực"), ("thường", "vụ")})
# Tokens after which a capitalised run in a list is the next member.
_LIST_BEFORE = frozenset({",", ";", ":", "và", "gồm"})


@dataclass
class _Cand:
    first: int
    last: int
    kind: str  # "dongchi", "title", "roster", "memory", "ongba": strength in ``_select``
    source: str  # the labelling function: ``officials.<function>``


def _trigger(toks: Sequence[Tok], i: int) -> tuple[str, int] | None:
    """``ông``/``bà``/``anh``/``chị``/``đồng chí`` at ``i``: its kind and the index after it."""
    t = toks[i]
    if t.low in ("ông", "bà", "anh", "chị"):
        kind, after = "ongba", i + 1
    elif t.low == "đồng" and i + 1 < len(toks) and toks[i + 1].low == "chí":
        kind, after = "dongchi", i + 2
    else:
        return None
    # Capitalised only at a sentence or clause start: ``đường Bà Triệu`` is a street,
    # ``Mỹ và Anh`` a country.
    if t.kind == "cap" and i > 0 and toks[i - 1].kind != "punct":
        return None
    return kind, after


def _roster_mask(toks: Sequence[Tok]) -> list[bool]:
    """Tokens inside a list that presents its members as officials.

    ``các đồng chí`` opens a list to the end of the sentence; ``lãnh đạo … gồm``
    (or ``:``) opens one that runs while only names, titles, ``ông``/``bà``, ``và``
    and list punctuation follow.
    """
    n = len(toks)
    mask = [False] * n
    i = 0
    while i < n:
        t = toks[i]
        if t.low == "các" and i + 2 < n and toks[i + 1].low == "đồng" and toks[i + 2].low == "chí":
            for k in range(i + 3, n):
                mask[k] = True
            break
        if i + 1 < n and (t.low, toks[i + 1].low) in _ROSTER_OPENERS:
            q = next((k for k in range(i + 2, min(n, i + 2 + _ROSTER_REACH))
                      if toks[k].low == "gồm" or toks[k].text == ":"), None)
            # leaders of the state (``lãnh đạo tỉnh``, ``lãnh đạo UBND``), not of a team
            if q is not None and any(match_phrase(toks, k, _STATE_WORDS, q)
                                     for k in range(i + 2, q)):
                k = q + 1
                while k < n:
                    tk = toks[k]
                    if tk.kind in ("cap", "abbr", "num") or tk.text in _ROSTER_PUNCT or (
                        tk.low in _ROSTER_WORDS
                    ):
                        mask[k] = True
                        k += 1
                        continue
                    end = parse_title(toks, k, n)
                    if not end:
                        break
                    for m in range(k, end):
                        mask[m] = True
                    k = end
                i = k
                continue
        i += 1
    return mask


def _after_trigger(toks: Sequence[Tok], memory: DocMemory, roster: list[bool]) -> list[_Cand]:
    """``đồng chí``/``ông``/``bà``/``anh``/``chị`` + a full name or a known short form."""
    cands: list[_Cand] = []
    n = len(toks)
    for i in range(n):
        trig = _trigger(toks, i)
        if not trig:
            continue
        kind, j = trig
        if j < n and toks[j].text == ":":
            j += 1
        if j >= n or toks[j].kind != "cap" or head_at(toks, j):
            continue
        b = caps_run(toks, j)
        if coref.after_trigger(toks, j, b, memory):
            cands.append(_Cand(j, b, "memory", "officials.coref"))
        elif b - j == 1 and b + 1 < n and toks[b].text in _TITLE_OPENERS and head_at(toks, b + 1):
            # ``anh Phong (Bộ trưởng …)``: a given name alone, presented by the title after it
            cands.append(_Cand(j, b, "ongba", "officials.title_after"))
        elif b - j >= 2:
            end = b if b - j <= 4 else j + 3
            if ends_cleanly(toks, end) and mention_text(toks, j, end) not in HISTORICAL_NAMES:
                if kind == "dongchi":
                    cands.append(_Cand(j, end, kind, "officials.dong_chi"))
                elif roster[i]:
                    cands.append(_Cand(j, end, "roster", "officials.roster"))
                else:
                    cands.append(_Cand(j, end, kind, "officials.ong_ba"))
    return cands


def _list_members(toks: Sequence[Tok], e: int) -> list[_Cand]:
    """The names listed after a group's title from token ``e`` on (``các Phó Chủ tịch
    UBND tỉnh A, B và C``; ``…: A, B``): each whole capitalised run that reads as a
    Vietnamese name, joined by ``,``, ``;``, ``:`` or ``và``; the list ends at anything else."""
    out: list[_Cand] = []
    n = len(toks)
    while e < n and (toks[e].text in (",", ";", ":") or toks[e].low == "và"):
        k = e + 1
        if k < n and toks[k].low == "và":
            k += 1
        if k >= n or toks[k].kind != "cap" or head_at(toks, k):
            break
        b = caps_run(toks, k)
        if not (2 <= b - k <= 4 and namelike(toks, k, b) and ends_cleanly(toks, b)):
            break
        out.append(_Cand(k, b, "title", "officials.title_list"))
        e = b
    return out


def _title_before(toks: Sequence[Tok], memory: DocMemory) -> list[_Cand]:
    """A title, then the name at the end of one of its capitalised runs (or a known
    short form right after it: ``Thứ trưởng Tiến``)."""
    cands: list[_Cand] = []
    n = len(toks)
    prev_head = False
    for i in range(n):
        hj = head_at(toks, i)
        starts = bool(hj) and not prev_head
        prev_head = bool(hj)
        if not starts:
            continue
        end = parse_title(toks, i, n)
        person_head = bool(match_phrase(toks, i, _PERSON_HEADS, hj)) or bool(
            match_phrase(toks, i + 1, _PERSON_HEADS, hj)
        )
        k = hj
        company = False  # a foreign run after ``Tập đoàn …`` is the company's name
        group = i > 0 and toks[i - 1].low in GROUP_WORDS
        if group and end < n and toks[end].text == ":":
            cands += _list_members(toks, end)  # ``các Ủy viên Ủy ban …: A, B, C``
            continue
        while k < end:
            company = company or bool(match_phrase(toks, k, _COMPANIES, end))
            if toks[k].kind == "cap" and (k == hj or toks[k - 1].kind != "cap"):
                b = caps_run(toks, k)
                picked = pick_name(toks, k, b, forbid_first(toks, k, b), foreign_ok=not company,
                                   first_run=k == hj and not person_head,
                                   single_foreign=k == hj and person_head
                                   and not coref.after_title(toks, k, b, memory))
                if picked and ends_cleanly(toks, picked[1]):
                    cands.append(_Cand(picked[0], picked[1], "title", "officials.title_before"))
                    if group:
                        cands += _list_members(toks, picked[1])
                    break
                # only right after the head: deeper in, a short form is part of a body's
                # name (``Giám đốc Bệnh viện Thẩm mỹ Thanh Vân``)
                known = coref.after_title(toks, k, b, memory) if k == hj else None
                if known:
                    cands.append(_Cand(known[0], known[1], "memory", "officials.coref"))
                    break
                k = max(b, k + 1)
            else:
                k += 1
    return cands


def _title_after(toks: Sequence[Tok], roster: list[bool]) -> list[_Cand]:
    """A name followed by ``,``/``(``/``-`` and a title; or a member of a list."""
    cands: list[_Cand] = []
    n = len(toks)
    for i in range(n):
        if toks[i].kind != "cap" or (i > 0 and toks[i - 1].kind == "cap"):
            continue
        b = caps_run(toks, i)
        if b - i < 2 or is_credit(toks, i):
            continue
        titled = b + 1 < n and toks[b].text in _TITLE_OPENERS and head_at(toks, b + 1)
        in_list = roster[i] and (i == 0 or toks[i - 1].low in _LIST_BEFORE)
        if titled or in_list:
            picked = pick_name(toks, i, b, forbid_first(toks, i, b))
            if picked and titled:
                cands.append(_Cand(picked[0], picked[1], "title", "officials.title_after"))
            elif picked and picked[0] == i:
                cands.append(_Cand(picked[0], picked[1], "roster", "officials.roster"))
    return cands


def _coref(toks: Sequence[Tok], memory: DocMemory) -> list[_Cand]:
    return [_Cand(s, e, "memory", "officials.coref") for s, e in coref.mentions(toks, memory)]


# What a text says right after a private citizen's name: where he lives or what he is
# (``ông Lê Văn Bảy (ngụ xã Tân Phú)``, ``ông Tư Minh, một nông dân``, ``…, chủ hộ``).
# (not a bare ``, người dân``: ``Theo chị Mai, người dân đã hiến đất`` starts a clause)
_PRIVATE_AFTER = (("ngụ",), ("trú",), ("chủ", "hộ"), ("sn",), ("sinh", "năm"),
                  ("một", "nông"), ("một", "người", "dân"), ("một", "hộ"), ("một", "cư"),
                  ("một", "tiểu"), ("một", "công", "nhân"))


def _private_citizen(toks: Sequence[Tok], b: int) -> bool:
    """The name ending at ``b`` is followed by ``(``/``,`` and a private citizen's
    description: he holds no office, whatever title a nearby word seems to give him."""
    if b >= len(toks) or toks[b].text not in ("(", ","):
        return False
    words = [t.low for t in toks[b + 1:b + 4]]
    return any(words[:len(p)] == list(p) for p in _PRIVATE_AFTER)


def _candidates(toks: Sequence[Tok], memory: DocMemory) -> list[_Cand]:
    roster = _roster_mask(toks)
    cands = (
        _after_trigger(toks, memory, roster)
        + _title_before(toks, memory)
        + _title_after(toks, roster)
        + _coref(toks, memory)
    )
    return [c for c in cands
            if not _private_citizen(toks, c.last) and not _household_nickname(toks, c)]


def _household_nickname(toks: Sequence[Tok], c: _Cand) -> bool:
    """``gia đình ông Ba Hai``: a nickname for a household is a private family's head, not
    the official who shares the given name."""
    return (c.last - c.first == 2 and toks[c.first].text in coref.BIRTH_ORDER_NAMES
            and c.first >= 2 and toks[c.first - 1].low in ("ông", "bà", "anh", "chị")
            and toks[c.first - 2].low in ("đình", "nhà", "hộ"))


_RANK = {"dongchi": 0, "title": 1, "roster": 1, "memory": 2, "ongba": 3}


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longer first, then earlier; stronger kinds win ties."""
    chosen: list[_Cand] = []
    taken: set[int] = set()
    for c in sorted(cands, key=lambda c: (-(c.last - c.first), _RANK[c.kind], c.first)):
        span = set(range(c.first, c.last))
        if span & taken:
            continue
        chosen.append(c)
        taken |= span
    return sorted(chosen, key=lambda c: c.first)


def _keep_presented(toks: Sequence[Tok], chosen: list[_Cand], memory: DocMemory,
                    ) -> tuple[list[_Cand], list[list[TitleSpan]]]:
    """Drop ``ông A`` that gets no title and is not known; titles of the rest.

    Dropping a name can move a title boundary, so titles are recomputed, a bounded
    number of times (linear time).
    """
    titles = assign(toks, [(c.first, c.last) for c in chosen])
    for _round in range(_MAX_ROUNDS):
        keep = [
            c.kind != "ongba" or bool(ts)
            or memory.knows(mention_text(toks, c.first, c.last), after_trigger=True)
            for c, ts in zip(chosen, titles)
        ]
        if all(keep):
            break
        chosen = [c for c, k in zip(chosen, keep) if k]
        titles = assign(toks, [(c.first, c.last) for c in chosen])
    return chosen, titles


def find(text: str, memory: DocMemory) -> list[Span]:
    """OFFICIAL spans (view offsets, ``titles`` and ``source`` filled) of one sentence;
    updates ``memory``."""
    toks = tokenize(text)
    if not toks or is_byline(toks):
        return []
    chosen, titles = _keep_presented(toks, _select(_candidates(toks, memory)), memory)
    # Names presented in this sentence are known for the whole of it: a short mention
    # before or after the full one (``quyền lực Thaksin … Thủ tướng Thaksin Shinawatra``).
    fresh = [mention_text(toks, c.first, c.last) for c in chosen]
    if any(name not in memory.names for name in fresh if len(name.split()) >= 2):
        for name in fresh:
            memory.add(name)
        taken = {k for c in chosen for k in range(c.first, c.last)}
        extra = [c for c in _coref(toks, memory) + _title_before(toks, memory)
                 if c.kind == "memory" and not any(k in taken for k in range(c.first, c.last))]
        if extra:
            chosen = sorted(chosen + _select(extra), key=lambda c: c.first)
            titles = assign(toks, [(c.first, c.last) for c in chosen])
    out: list[Span] = []
    for c, ts in zip(chosen, titles):
        start, end = toks[c.first].start, toks[c.last - 1].end
        out.append(Span(start, end, "OFFICIAL", text[start:end],
                        titles=[text[t.start:t.end] for t in ts],
                        title_spans=[(t.start, t.end) for t in ts], source=c.source))
    for s in out:
        memory.add(s.text)
    return out
