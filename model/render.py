"""An HTML view of predict() results, in the spirit of spaCy's displaCy.

``render(result)`` gives one self-contained page: inline CSS, no script, no
font or image from the network, and a Content-Security-Policy that forbids
both, so a saved page shows the same offline and years later. Every piece of
input text goes through :func:`html.escape`: markup in an article shows as text.

A result is self-sufficient: its sentences carry their own text and offsets, and
every entity lies inside one sentence (predict() never lets one cross), so the
view is rebuilt sentence by sentence from the result alone, with no need for
the original text. A list of results (or the JSON lines of a corpus run, each
with an ``"id"``) gives an index page with one section per document.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

# Label colours: background, border/badge. Unknown labels fall back to grey.
ENTITY_COLOURS: dict[str, tuple[str, str]] = {
    "OFFICIAL": ("#dbeafe", "#1d4ed8"),
    "ORG": ("#dcfce7", "#15803d"),
    "MONEY": ("#fef3c7", "#b45309"),
    "PERCENT": ("#f3e8ff", "#7e22ce"),
}
TOPIC_COLOURS: dict[str, str] = {
    "PARTY": "#b91c1c",
    "ECONOMY": "#047857",
    "GOVERNANCE": "#1e40af",
    "SECURITY": "#374151",
    "SOCIETY": "#be185d",
    "EVENT": "#6d28d9",
}

# No script, no network: a saved page cannot run or fetch anything, whatever it holds.
STATIC_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _css() -> str:
    labels = "\n".join(
        f'.phogov .ent[data-label="{lab}"] {{ background: {bg}; border-color: {fg}; }}\n'
        f'.phogov .ent[data-label="{lab}"] .ent-label, .phogov .legend [data-label="{lab}"], '
        f'.phogov .lab[data-label="{lab}"] {{ background: {fg}; }}'
        for lab, (bg, fg) in ENTITY_COLOURS.items()
    )
    topics = "\n".join(
        f'.phogov .topic[data-topic="{lab}"] {{ border-color: {c}; color: {c}; }}'
        for lab, c in TOPIC_COLOURS.items()
    )
    return _BASE_CSS + labels + "\n" + topics + "\n"


_BASE_CSS = """
body { margin: 0; background: #f8fafc; color: #0f172a;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
  sans-serif; }
.phogov { max-width: 1100px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.phogov h1 { font-size: 1.4rem; margin: .5rem 0 .25rem; }
.phogov h2 { font-size: 1.15rem; margin: 0 0 .35rem; overflow-wrap: anywhere; }
.phogov .legend { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0 1rem;
  font-size: .8rem; }
.phogov .legend span { color: #fff; border-radius: .25rem; padding: 0 .4rem; background: #6b7280; }
.phogov .toc { columns: 2; font-size: .9rem; margin: 0 0 1rem; }
.phogov .doc { background: #fff; border: 1px solid #e2e8f0; border-radius: .5rem;
  padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
.phogov .doc-head { border-bottom: 1px solid #e2e8f0; padding-bottom: .5rem; margin-bottom: .5rem; }
.phogov .counts { color: #475569; font-size: .85rem; }
.phogov .doc-topics { margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .3rem;
  align-items: center; }
.phogov .sents { list-style: none; margin: 0; padding: 0; counter-reset: sent; }
.phogov .sent { display: grid; grid-template-columns: 2.2rem 1fr minmax(9rem, auto);
  gap: .75rem; padding: .45rem 0; border-bottom: 1px dashed #e2e8f0; counter-increment: sent; }
.phogov .sent::before { content: counter(sent); color: #94a3b8; font-size: .8rem;
  text-align: right; padding-top: .2rem; }
.phogov .sent-text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; }
.phogov .chips { display: flex; flex-wrap: wrap; gap: .3rem; align-content: flex-start;
  justify-content: flex-end; }
.phogov .topic { display: inline-block; border: 1px solid #64748b; color: #334155;
  border-radius: 999px; padding: 0 .5rem; font-size: .75rem; font-weight: 600;
  background: #fff; white-space: nowrap; line-height: 1.6; }
.phogov .topic .score { font-weight: 400; opacity: .8; margin-left: .25rem; }
.phogov .none { color: #94a3b8; font-size: .8rem; }
.phogov .ent { position: relative; border: 1px solid #6b7280; background: #e5e7eb;
  border-radius: .3rem; padding: .1rem .25rem; margin: 0 .05rem; cursor: help;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.phogov .ent:focus { outline: 3px solid #f59e0b; outline-offset: 1px; }
.phogov .ent-label { display: inline-block; margin-left: .3rem; padding: 0 .3rem;
  border-radius: .2rem; background: #6b7280; color: #fff; font-size: .62rem; font-weight: 700;
  line-height: 1.5; vertical-align: middle; letter-spacing: .03em; user-select: none; }
.phogov .ent-tip { display: none; position: absolute; left: 0; top: calc(100% + .3rem);
  z-index: 10; min-width: 14rem; max-width: 28rem; padding: .45rem .6rem; border-radius: .35rem;
  background: #0f172a; color: #f8fafc; font-size: .8rem; line-height: 1.45; white-space: normal;
  box-shadow: 0 4px 14px rgba(0, 0, 0, .25); user-select: none; }
.phogov .ent:hover .ent-tip, .phogov .ent:focus .ent-tip { display: block; }
.phogov .ent-tip dt { font-weight: 700; color: #cbd5e1; display: inline; }
.phogov .ent-tip dd { display: inline; margin: 0 0 0 .3rem; }
.phogov .ent-tip dd::after { content: ""; display: block; }
.phogov details.entities { margin-top: .75rem; font-size: .85rem; }
.phogov details.entities summary { cursor: pointer; color: #334155; font-weight: 600; }
.phogov table { border-collapse: collapse; width: 100%; margin-top: .4rem; }
.phogov th, .phogov td { text-align: left; padding: .2rem .4rem; border-bottom: 1px solid #e2e8f0;
  vertical-align: top; overflow-wrap: anywhere; }
.phogov th { color: #475569; font-weight: 600; }
.phogov td .lab { color: #fff; border-radius: .2rem; padding: 0 .3rem; font-size: .7rem;
  font-weight: 700; background: #6b7280; }
"""


# --------------------------------------------------------------------------- values


def format_number(value: float) -> str:
    """A float as a reader wants it: ``932700000000.0`` → ``932 700 000 000``, ``12.5`` → ``12.5``.

    Digits are grouped with a narrow no-break space, neither ``.`` nor ``,``, because
    the two mean opposite things in Vietnamese and English.
    """
    if not math.isfinite(value):
        return str(value)
    text = f"{value:,}"
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(",", "\u202f")


def format_values(entity: Mapping[str, Any]) -> str:
    """``values`` and ``unit`` of a MONEY/PERCENT entity as one line (``""`` if none)."""
    values = entity.get("values") or []
    nums = ", ".join(format_number(float(v)) for v in values)
    if not nums:
        return ""
    if entity.get("label") == "PERCENT":
        return nums + " %"
    unit = entity.get("unit")
    return f"{nums} {unit}" if unit else nums


# --------------------------------------------------------------------------- validation


def _as_dict(result: Any, where: str) -> dict[str, Any]:
    if hasattr(result, "to_dict") and not isinstance(result, Mapping):
        result = result.to_dict()
    if not isinstance(result, Mapping):
        raise TypeError(
            f"{where}: expected a predict() result (a dict), got {type(result).__name__}"
        )
    for key in ("entities", "sentences"):
        if not isinstance(result.get(key), list):
            raise ValueError(f"{where}: a predict() result needs a list {key!r}")
    return dict(result)


def _place_entities(result: Mapping[str, Any], where: str) -> list[list[tuple[int, dict]]]:
    """Each entity (with its index) under the sentence that holds it, checked against its text."""
    sents = result["sentences"]
    placed: list[list[tuple[int, dict]]] = [[] for _ in sents]
    starts = [int(s["start"]) for s in sents]
    for k, ent in enumerate(result["entities"]):
        a, b = int(ent["start"]), int(ent["end"])
        owner = next((i for i, s in enumerate(sents) if starts[i] <= a and b <= int(s["end"])),
                     None)
        if owner is None:
            raise ValueError(f"{where}: entity {k} [{a}:{b}] {ent.get('text')!r} lies in no "
                             "sentence of the result")
        sent_text = sents[owner]["text"]
        piece = sent_text[a - starts[owner] : b - starts[owner]]
        if "text" in ent and piece != ent["text"]:
            raise ValueError(f"{where}: entity {k} [{a}:{b}] says {ent['text']!r} but its sentence "
                             f"has {piece!r} there")
        placed[owner].append((k, dict(ent)))
    for group in placed:
        group.sort(key=lambda p: (int(p[1]["start"]), int(p[1]["end"])))
        for (_, prev), (k, cur) in zip(group, group[1:]):
            if int(cur["start"]) < int(prev["end"]):
                raise ValueError(f"{where}: entity {k} overlaps the entity before it")
    return placed


# --------------------------------------------------------------------------- pieces


def _topic_chips(topics: Sequence[Mapping[str, Any]] | None) -> str:
    if not topics:
        return '<span class="none">no topic</span>'
    return "".join(
        f'<span class="topic" data-topic="{escape(str(t["label"]))}" '
        f'data-score="{float(t["score"]):.4g}">{escape(str(t["label"]))}'
        f'<span class="score">{float(t["score"]):.2f}</span></span>'
        for t in topics
    )


def _tooltip(ent: Mapping[str, Any], tip_id: str) -> str:
    rows = [("label", str(ent.get("label", ""))), ("score", f"{float(ent.get('score', 1.0)):.2f}"),
            ("chars", f"{ent['start']}–{ent['end']}")]
    if "values" in ent:
        rows.append(("value", format_values(ent) or "not read"))
    if "titles" in ent:
        rows.append(("titles", "; ".join(map(str, ent["titles"] or [])) or "none found"))
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return f'<span class="ent-tip" role="tooltip" id="{tip_id}"><dl>{body}</dl></span>'


def _entity_span(ent: Mapping[str, Any], text: str, ent_id: str) -> str:
    label = escape(str(ent.get("label", "")))
    attrs = [f'class="ent" id="{ent_id}" data-label="{label}" tabindex="0"',
             f'data-start="{int(ent["start"])}" data-end="{int(ent["end"])}"',
             f'aria-describedby="{ent_id}-tip"']
    if "values" in ent:
        attrs.append(f'data-values="{escape(json.dumps(list(ent["values"] or [])))}"')
        if ent.get("unit"):
            attrs.append(f'data-unit="{escape(str(ent["unit"]))}"')
    if ent.get("titles"):
        attrs.append(f'data-titles="{escape(json.dumps(list(ent["titles"]), ensure_ascii=False))}"')
    return (f'<span {" ".join(attrs)}><span class="ent-text">{escape(text)}</span>'
            f'<span class="ent-label" aria-hidden="true">{label}</span>'
            f"{_tooltip(ent, ent_id + '-tip')}</span>")


def _sentence(sent: Mapping[str, Any], ents: list[tuple[int, dict]], doc_key: str, n: int) -> str:
    text = str(sent["text"])
    base = int(sent["start"])
    parts: list[str] = []
    pos = 0
    for k, ent in ents:
        a, b = int(ent["start"]) - base, int(ent["end"]) - base
        parts.append(escape(text[pos:a]))
        parts.append(_entity_span(ent, text[a:b], f"{doc_key}-e{k}"))
        pos = b
    parts.append(escape(text[pos:]))
    return (f'<li class="sent" id="{doc_key}-s{n}" data-start="{base}" '
            f'data-end="{int(sent["end"])}"><div class="sent-text">{"".join(parts)}</div>'
            f'<div class="chips">{_topic_chips(sent.get("topics"))}</div></li>')


def _entity_table(entities: Sequence[Mapping[str, Any]], doc_key: str, open_: bool) -> str:
    if not entities:
        return ""
    rows = []
    for k, e in enumerate(entities):
        label = escape(str(e.get("label", "")))
        extra = format_values(e) if "values" in e else "; ".join(map(str, e.get("titles") or []))
        rows.append(
            f'<tr><td><a href="#{doc_key}-e{k}">{k + 1}</a></td>'
            f'<td><span class="lab" data-label="{label}">{label}</span></td>'
            f"<td>{escape(str(e.get('text', '')))}</td><td>{int(e['start'])}–{int(e['end'])}</td>"
            f"<td>{float(e.get('score', 1.0)):.2f}</td><td>{escape(extra)}</td></tr>"
        )
    return (f'<details class="entities"{" open" if open_ else ""}><summary>Entities '
            f"({len(entities)})</summary><table><thead><tr><th>#</th><th>label</th><th>text</th>"
            "<th>chars</th><th>score</th><th>value / titles</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></details>")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _document(result: dict[str, Any], index: int, name: str, open_table: bool) -> str:
    doc_key = f"d{index}"
    placed = _place_entities(result, name)
    counts = Counter(str(e.get("label")) for e in result["entities"])
    count_text = ", ".join(f"{n} {lab}" for lab, n in sorted(counts.items())) or "none"
    sents = "".join(_sentence(s, placed[i], doc_key, i + 1)
                    for i, s in enumerate(result["sentences"]))
    doc_id = f' data-id="{escape(str(result["id"]))}"' if "id" in result else ""
    return (
        f'<section class="doc" id="{doc_key}"{doc_id} aria-labelledby="{doc_key}-h">'
        f'<header class="doc-head"><h2 id="{doc_key}-h">{escape(name)}</h2>'
        f'<div class="doc-topics">Topics: {_topic_chips(result.get("topics"))}</div>'
        f'<div class="counts">{_count(len(result["sentences"]), "sentence")} · '
        f"{_count(len(result['entities']), 'entity', 'entities')}: {escape(count_text)}</div>"
        "</header>"
        f'<ol class="sents">{sents}</ol>'
        f"{_entity_table(result['entities'], doc_key, open_table)}</section>"
    )


def _legend() -> str:
    return '<div class="legend" aria-label="entity labels">' + "".join(
        f'<span data-label="{lab}">{lab}</span>' for lab in ENTITY_COLOURS
    ) + "</div>"


# --------------------------------------------------------------------------- the face


def render_body(results: Any, name: str | None = None) -> str:
    """The view as an HTML fragment (``<div class="phogov">…``) for embedding; needs :data:`CSS`.

    One result (a dict) gives one document section, headed by its ``"id"``, else
    ``name``; a list gives an index (a link per document) and one section per
    document, named by its ``"id"`` when it has one.
    """
    single = isinstance(results, Mapping) or hasattr(results, "to_dict")
    if single:
        doc = _as_dict(results, "result")
        heading = str(doc["id"]) if "id" in doc else name or "Document"
        return f'<div class="phogov">{_legend()}{_document(doc, 0, heading, True)}</div>'
    if not isinstance(results, Iterable) or isinstance(results, (str, bytes)):
        raise TypeError(f"render() takes a predict() result or a list of them, got "
                        f"{type(results).__name__}")
    docs = [_as_dict(r, f"result {i}") for i, r in enumerate(results)]
    names = [str(d["id"]) if "id" in d else f"Document {i + 1}" for i, d in enumerate(docs)]
    toc = "".join(f'<li><a href="#d{i}">{escape(n)}</a> <span class="counts">'
                  f"{_count(len(d['entities']), 'entity', 'entities')}</span></li>"
                  for i, (d, n) in enumerate(zip(docs, names)))
    sections = "".join(_document(d, i, n, False) for i, (d, n) in enumerate(zip(docs, names)))
    head = (f"<h1>{_count(len(docs), 'document')}</h1>"
            + (f'<nav aria-label="documents"><ol class="toc">{toc}</ol></nav>' if docs else ""))
    return f'<div class="phogov">{head}{_legend()}{sections}</div>'


CSS = _css()


def render(results: Any, *, title: str | None = None) -> str:
    """A self-contained HTML page for one predict() result or a list of them.

    Entities are coloured by label with a badge; tabbing to one (or hovering it)
    shows its label, score, offsets, parsed values with unit, and linked titles.
    Each sentence has its topic chips with scores; the document topics head each
    section. ``title`` names the page (and heads a single result that has no
    ``"id"``). Raises ``ValueError`` when an entity does not match its sentence.
    """
    body = render_body(results, title)
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{STATIC_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title or 'phogov')}</title><style>{CSS}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def write_html(results: Any, path: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Render and write atomically: a reader never sees a half-written page."""
    page = render(results, title=title)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def read_results(path: str | os.PathLike[str]) -> dict[str, Any] | list[dict[str, Any]]:
    """predict() output saved as JSON (one result or a list) or JSON lines (a corpus run).

    Bad input is reported as ``file:line: problem``.
    """
    from phogov.readers import DataFileError, FailFast, check_file, json_objects, read_txt

    p = Path(path)
    check_file(p)
    try:
        whole = json.loads(read_txt(p))
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, (dict, list)):
        return whole
    out = []
    for n, obj in json_objects(p, FailFast(p)):  # the one reader: first bad line named
        if not all(isinstance(obj.get(k), list) for k in ("entities", "sentences")):
            raise DataFileError(
                p, [(n, "not a predict() result (needs 'entities' and 'sentences')")])
        out.append(obj)
    return out
