"""Read and validate labelled data (gold and user training files) with line-numbered errors.

Labelled data is where silent mistakes cost most: a shifted offset or a typo in
a label quietly trains or scores the wrong thing. So every reader here checks
the whole file, collects every problem with its line number and raises once
(:class:`LabelledDataError`), instead of stopping at the first problem or, worse,
skipping bad lines.

Formats (see ANNOTATION.md, "Unit and format"):

* JSON Lines (``.jsonl``, ``.jsonl.gz``): one sentence per line,
  ``{"doc", "sent", "text", "entities", "topics"}``. ``text``, ``entities`` and
  ``topics`` are required (``[]`` when empty) so that a misspelt key cannot
  silently mean "no entities"; ``doc`` defaults to the file stem and ``sent``
  to the running index of the sentence within its doc. Unknown keys are ignored.
  ``values``/``unit``/``titles`` may be absent (user training data) but must be
  well-typed when present; a MONEY span with ``values`` must also carry ``unit``.
* CoNLL / IOB2 (``.conll``, ``.iob``, ``.bio``, ``.txt``, optionally ``.gz``):
  one token per line, the tag in the last column, blank lines between sentences.
  PhoBERT words (``Thành_ủy``) become ``Thành ủy``. A stray ``I-X`` (after ``O``
  or after another label) starts a new span, IOB1-style, and is not an error:
  such files are common and the intent is unambiguous. CoNLL files carry no
  topics, so their sentences get ``topics == []``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from phogov.readers import (
    DataFileError,
    check_file,
    json_objects,
    read_lines,
    read_txt,
)
from phogov.readers import file_stem as _stem
from phogov.readers import type_name as _type_name
from phogov.spans import tags_to_spans
from phogov.types import ENTITY_LABELS, TOPIC_LABELS, Span

_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
_CONLL_SUFFIXES = tuple(
    s + gz for s in (".conll", ".iob", ".txt", ".bio") for gz in ("", ".gz")
)
_TEXT_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")


# The error of every labelled-data reader: the one reader error of phogov
# (``file:line: problem``, every problem of a file at once); the old name stays.
LabelledDataError = DataFileError


@dataclass
class GoldSentence:
    """One labelled sentence; ``line`` is its (first) line in the source file."""

    doc: str
    sent: int
    text: str
    entities: list[Span]
    topics: list[str]
    line: int


# --------------------------------------------------------------------------- helpers


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# --------------------------------------------------------------------------- JSON Lines


def read_gold_jsonl(path: str | Path) -> list[GoldSentence]:
    """Read a gold/training JSON Lines file, raising one error listing every problem."""
    path = Path(path)
    check_file(path)
    errors: list[tuple[int | None, str]] = []
    out: list[GoldSentence] = []
    stem = _stem(path)
    next_sent: dict[str, int] = {}
    seen: dict[tuple[str, int], int] = {}
    for number, obj in json_objects(path, errors):
        sentence = _parse_sentence(obj, number, stem, next_sent, errors)
        if sentence is None:
            continue
        key = (sentence.doc, sentence.sent)
        if key in seen:
            errors.append(
                (number, f"duplicate sentence doc={sentence.doc!r} sent={sentence.sent} "
                         f"(first on line {seen[key]})")
            )
        else:
            seen[key] = number
        out.append(sentence)
    if not out and not errors:
        errors.append((None, "holds no sentences (empty or only blank lines)"))
    if errors:
        raise LabelledDataError(path, errors)
    return out


def _parse_sentence(
    obj: dict[str, Any],
    number: int,
    stem: str,
    next_sent: dict[str, int],
    errors: list[tuple[int | None, str]],
) -> GoldSentence | None:
    n_errors = len(errors)

    def err(msg: str) -> None:
        errors.append((number, msg))

    doc = obj.get("doc", stem)
    if not isinstance(doc, str) or not doc:
        err(f"field 'doc' must be a non-empty string, got {_type_name(doc)}")
        doc = stem
    if "sent" in obj:
        sent = obj["sent"]
        if not _is_int(sent) or sent < 0:
            err(f"field 'sent' must be a non-negative integer, got {sent!r}")
            sent = next_sent.get(doc, 0)
    else:
        sent = next_sent.get(doc, 0)
    next_sent[doc] = (sent if _is_int(sent) else 0) + 1

    text = obj.get("text")
    if "text" not in obj:
        err("missing field 'text'")
    elif not isinstance(text, str):
        err(f"field 'text' must be a string, got {_type_name(text)}")
    elif not text.strip():
        err("empty 'text'")
    if not isinstance(text, str) or not text.strip():
        text = None

    topics = _parse_topics(obj, err)
    entities = _parse_entities(obj, text, err)

    if len(errors) > n_errors or text is None or entities is None or topics is None:
        return None
    return GoldSentence(doc, sent, text, entities, topics, number)


def _required_array(obj: dict[str, Any], key: str, err) -> list[Any] | None:
    """``obj[key]`` when it is an array; else the problem is reported and None returned.
    Required (``[]`` when empty) so that a misspelt key cannot silently mean "none"."""
    if key not in obj:
        err(f"missing field '{key}' (use [] for a sentence without {key})")
        return None
    value = obj[key]
    if not isinstance(value, list):
        err(f"field '{key}' must be an array, got {_type_name(value)}")
        return None
    return value


def _parse_topics(obj: dict[str, Any], err) -> list[str] | None:
    topics = _required_array(obj, "topics", err)
    if topics is None:
        return None
    ok = True
    for i, topic in enumerate(topics):
        if not isinstance(topic, str):
            err(f"topics[{i}] must be a string, got {_type_name(topic)}")
            ok = False
        elif topic not in TOPIC_LABELS:
            err(f"unknown topic {topic!r} (expected one of {', '.join(TOPIC_LABELS)})")
            ok = False
        elif topic in topics[:i]:
            err(f"topic {topic!r} is listed twice")
            ok = False
    return list(topics) if ok else None


def _parse_entities(obj: dict[str, Any], text: str | None, err) -> list[Span] | None:
    raw_entities = _required_array(obj, "entities", err)
    if raw_entities is None:
        return None
    spans: list[tuple[int, Span]] = []
    ok = True
    for i, ent in enumerate(raw_entities):
        span = _parse_entity(i, ent, text, err)
        if span is None:
            ok = False
        else:
            spans.append((i, span))
    # Overlaps: compare each span with every earlier span that may still be open.
    ordered = sorted(spans, key=lambda item: (item[1].start, item[1].end))
    for k, (i, span) in enumerate(ordered):
        for j, other in ordered[:k]:
            if other.end > span.start:
                a, b = sorted((i, j))
                sa, sb = (span, other) if a == i else (other, span)
                err(
                    f"entities[{a}] [{sa.start}, {sa.end}) {sa.text!r} and entities[{b}] "
                    f"[{sb.start}, {sb.end}) {sb.text!r} overlap"
                )
                ok = False
    return [span for _, span in spans] if ok else None


def _parse_entity(i: int, ent: Any, text: str | None, err) -> Span | None:
    where = f"entities[{i}]"
    if not isinstance(ent, dict):
        err(f"{where} must be an object, got {_type_name(ent)}")
        return None
    ok = True
    for key, check, want in (
        ("start", _is_int, "an integer"),
        ("end", _is_int, "an integer"),
        ("label", lambda v: isinstance(v, str), "a string"),
        ("text", lambda v: isinstance(v, str), "a string"),
    ):
        if key not in ent:
            err(f"{where} is missing field {key!r}")
            ok = False
        elif not check(ent[key]):
            err(f"{where} field {key!r} must be {want}, got {ent[key]!r}")
            ok = False
    if not ok:
        return None
    start, end, label, etext = ent["start"], ent["end"], ent["label"], ent["text"]
    if label not in ENTITY_LABELS:
        err(f"{where} has unknown label {label!r} (expected one of {', '.join(ENTITY_LABELS)})")
        ok = False
    if text is not None:
        if not 0 <= start < end <= len(text):
            err(
                f"{where} offsets [{start}, {end}) are out of range for a text of "
                f"{len(text)} characters"
            )
            ok = False
        elif text[start:end] != etext:
            err(
                f"{where} offsets [{start}, {end}) give {_short(text[start:end])} "
                f"but its text is {_short(etext)}"
            )
            ok = False
        elif etext != etext.strip():
            err(f"{where} {etext!r} starts or ends with whitespace")
            ok = False

    # null counts as absent (Span.to_dict writes unit=None when it has none).
    values = ent.get("values")
    unit = ent.get("unit")
    titles = ent.get("titles")
    if label in ("MONEY", "PERCENT"):
        if values is not None and not (
            isinstance(values, list) and values and all(_is_number(v) for v in values)
        ):
            err(f"{where} ({label}) 'values' must be a non-empty array of numbers, got {values!r}")
            ok = False
        if label == "MONEY":
            if values is not None and unit is None:
                err(f"{where} (MONEY) has 'values' but no 'unit' (e.g. \"VND\", \"USD\")")
                ok = False
            elif unit is not None and not (isinstance(unit, str) and unit.strip()):
                err(f"{where} (MONEY) 'unit' must be a non-empty string, got {unit!r}")
                ok = False
        elif unit is not None:
            err(f"{where} (PERCENT) must not have a 'unit', got {unit!r}")
            ok = False
    elif label in ENTITY_LABELS:
        for key in ("values", "unit"):
            if ent.get(key) is not None:
                err(f"{where} ({label}) must not have {key!r} (only MONEY/PERCENT do)")
                ok = False
    if label == "OFFICIAL":
        if titles is not None and not (
            isinstance(titles, list) and all(isinstance(t, str) for t in titles)
        ):
            err(f"{where} (OFFICIAL) 'titles' must be an array of strings, got {titles!r}")
            ok = False
    elif label in ENTITY_LABELS and titles is not None:
        err(f"{where} ({label}) must not have 'titles' (only OFFICIAL does)")
        ok = False
    if not ok:
        return None
    return Span(
        start,
        end,
        label,
        etext,
        values=[float(v) for v in values] if values is not None else None,
        unit=unit,
        titles=list(titles) if titles is not None else None,
    )


# --------------------------------------------------------------------------- CoNLL / IOB2

_JOINER = re.compile(r"(?<=[^_\s])_(?=[^_\s])")


def read_conll(path: str | Path) -> list[GoldSentence]:
    """Read a CoNLL/IOB2 file (token ... tag per line, blank line between sentences).

    Sentence text = tokens joined by single spaces (``_`` inside a token becomes
    a space); spans are computed in that text. ``-DOCSTART-`` lines start a new
    document: docs are ``<stem>`` when the file has none, else ``<stem>#<k>``.
    """
    path = Path(path)
    check_file(path)
    errors: list[tuple[int | None, str]] = []
    stem = _stem(path)
    raw_sentences: list[tuple[int, list[tuple[int, str, str]]]] = []  # (doc index, tokens)
    doc_index = 0
    saw_docstart = False
    current: list[tuple[int, str, str]] = []

    def flush() -> None:
        nonlocal current
        if current:
            raw_sentences.append((doc_index, current))
            current = []

    for number, line in read_lines(path, errors):
        cols = line.split()
        if not cols:
            flush()
            continue
        if cols[0] == "-DOCSTART-":
            flush()
            if saw_docstart or raw_sentences:
                doc_index += 1
            saw_docstart = True
            continue
        if len(cols) < 2:
            errors.append((number, f"expected a token and a tag, got {line.strip()!r}"))
            continue
        token, tag = cols[0], cols[-1]
        if tag != "O":
            prefix, dash, label = tag.partition("-")
            if not dash or prefix not in ("B", "I"):
                errors.append(
                    (number, f"tag {tag!r} has no B-/I- prefix (expected O, B-LABEL or I-LABEL)")
                )
                continue
            if label not in ENTITY_LABELS:
                errors.append(
                    (number, f"unknown entity label {label!r} in tag {tag!r} "
                             f"(expected one of {', '.join(ENTITY_LABELS)})")
                )
                continue
        current.append((number, _JOINER.sub(" ", token), tag))
    flush()

    out: list[GoldSentence] = []
    per_doc: dict[int, int] = {}
    for doc_i, tokens in raw_sentences:
        doc = f"{stem}#{doc_i}" if saw_docstart else stem
        sent = per_doc.get(doc_i, 0)
        per_doc[doc_i] = sent + 1
        out.append(_conll_sentence(doc, sent, tokens))
    if not out and not errors:
        errors.append((None, "holds no sentences (empty or only blank lines)"))
    if errors:
        raise LabelledDataError(path, errors)
    return out


def _conll_sentence(doc: str, sent: int, tokens: list[tuple[int, str, str]]) -> GoldSentence:
    """Tokens joined by single spaces; spans decoded by ``phogov.spans.tags_to_spans``
    (a stray ``I-`` starts a span, IOB1-style, not an error)."""
    units: list[tuple[int, int]] = []
    pos = 0
    for _number, token, _tag in tokens:
        units.append((pos, pos + len(token)))
        pos += len(token) + 1
    text = " ".join(token for _number, token, _tag in tokens)
    spans = [
        Span(a, b, label, text[a:b])
        for a, b, label, _score in tags_to_spans(units, [tag for _n, _t, tag in tokens])
    ]
    return GoldSentence(doc, sent, text, spans, [], tokens[0][0])


# --------------------------------------------------------------------------- dispatch


def read_labelled(path: str | Path) -> list[GoldSentence]:
    """Read labelled sentences, choosing the reader by extension."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith(_JSONL_SUFFIXES):
        return read_gold_jsonl(path)
    if name.endswith(_CONLL_SUFFIXES):
        return read_conll(path)
    raise LabelledDataError(
        path,
        [(None, "unknown labelled-data extension; expected .jsonl or .jsonl.gz (JSON Lines) "
                "or .conll, .iob, .bio, .txt (CoNLL/IOB2)")],
    )


def read_text_inputs(paths: str | Path | Iterable[str | Path]) -> list[tuple[str, str]]:
    """Unlabelled documents for the weak labeller as ``(doc_id, text)``.

    ``.txt`` = one document (id = file stem); ``.jsonl``/``.jsonl.gz`` = one
    document per line with ``text`` and optional ``id`` (default
    ``<stem>-<index>``); a directory = its ``.txt``/``.jsonl``/``.jsonl.gz``
    files (not recursive), sorted by name.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise LabelledDataError(p, [(None, "no such file or directory")])
        if p.is_dir():
            found = sorted(
                f for f in p.iterdir() if f.is_file() and f.name.lower().endswith(_TEXT_SUFFIXES)
            )
            if not found:
                raise LabelledDataError(
                    p, [(None, "directory holds no .txt/.jsonl/.jsonl.gz files")]
                )
            files.extend(found)
        else:
            files.append(p)
    out: list[tuple[str, str]] = []
    for f in files:
        name = f.name.lower()
        if name.endswith(".txt"):
            out.append((_stem(f), read_txt(f)))
        elif name.endswith((".jsonl", ".jsonl.gz")):
            out.extend(_read_text_jsonl(f))
        else:
            raise LabelledDataError(
                f, [(None, "unknown input extension; expected .txt, .jsonl or .jsonl.gz")]
            )
    return out


def _read_text_jsonl(path: Path) -> list[tuple[str, str]]:
    errors: list[tuple[int | None, str]] = []
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    stem = _stem(path)
    for number, obj in json_objects(path, errors):
        if "text" not in obj:
            errors.append((number, "missing field 'text'"))
            continue
        if not isinstance(obj["text"], str):
            errors.append((number, f"field 'text' must be a string, got {_type_name(obj['text'])}"))
            continue
        doc_id = obj.get("id", f"{stem}-{len(out)}")
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or doc_id == "":
            errors.append(
                (number, f"field 'id' must be a non-empty string or integer, got {doc_id!r}")
            )
            continue
        doc_id = str(doc_id)
        if doc_id in seen:
            errors.append((number, f"duplicate id {doc_id!r} (first on line {seen[doc_id]})"))
            continue
        seen[doc_id] = number
        out.append((doc_id, obj["text"]))
    if errors:
        raise LabelledDataError(path, errors)
    return out
