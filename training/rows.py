"""Gold sentences → training rows in the weak dataset's format.

Gold offsets index the RAW gold text; the model reads words of the normalised
view. ``phogov.spans.raw_to_view`` maps a raw span to the view and
``phogov.text.spans_to_tags`` tags the words.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from phogov.segment import DEFAULT_SEGMENTER
from phogov.spans import raw_to_view
from phogov.text import sentences, spans_to_tags
from phogov.types import NER_TAGS, TOPIC_LABELS

logger = logging.getLogger(__name__)

__all__ = ["raw_to_view", "rows_from_gold"]  # raw_to_view: re-exported from phogov.spans


def rows_from_gold(
    gold_sentences: Iterable[Any], segmenter: str = DEFAULT_SEGMENTER, source: str = "gold"
) -> list[dict[str, Any]]:
    """Rows (``doc_id, sent_id, text, words, word_starts, word_ends, ner_tags, topics,
    source``) for ``GoldSentence``-like objects (``doc, sent, text, entities, topics``).

    A gold text that our splitter cuts into several sentences gives several rows
    (same ``sent_id``, same topics); an entity crossing such a cut is clipped to
    each piece and logged. Topics outside TOPIC_LABELS are ignored here.
    """
    rows: list[dict[str, Any]] = []
    for g in gold_sentences:
        sents = sentences(g.text, segmenter)
        if not sents:
            continue
        view = sents[0].doc_view
        view_spans = []
        for ent in g.entities:
            span = raw_to_view(view, ent.start, ent.end)
            if span is None:
                logger.warning("%s/%s: entity %r vanishes in the normalised text; skipped",
                               g.doc, g.sent, ent.text)
                continue
            view_spans.append((span[0], span[1], ent.label))
        topics = [1.0 if t in g.topics else 0.0 for t in TOPIC_LABELS]
        for s in sents:
            words = s.words
            if not words:
                continue
            local = []
            for a, b, label in view_spans:
                lo, hi = max(a, s.start), min(b, s.end)
                if lo >= hi:
                    continue
                if (lo, hi) != (a, b):
                    logger.warning("%s/%s: entity crosses a sentence cut; clipped", g.doc, g.sent)
                local.append((lo - s.start, hi - s.start, label))
            tags = spans_to_tags(s, local)
            rows.append(
                {
                    "doc_id": str(g.doc),
                    "sent_id": int(g.sent),
                    "text": s.text,
                    "words": [w.form for w in words],
                    "word_starts": [w.start for w in words],
                    "word_ends": [w.end for w in words],
                    "ner_tags": [NER_TAGS.index(t) for t in tags],
                    "topics": list(topics),
                    "source": source,
                }
            )
    return rows
