"""Word-segmenter adapters: a sentence in, PhoBERT-style words (``Thành_ủy``) out.

pyvi is the default: MIT-licensed, offline, pure Python wheels, about 1 ms per
sentence. (underthesea is GPL-3.0, which would bind phogov's users; RDRSegmenter,
PhoBERT's own, needs Java.) Other backends register themselves in ``SEGMENTERS``;
the name used at training time is stored in the model directory so prediction
segments text the same way.
"""

from __future__ import annotations

from collections.abc import Callable

Segmenter = Callable[[str], list[str]]


def _pyvi(text: str) -> list[str]:
    from pyvi import ViTokenizer

    return ViTokenizer.tokenize(text).split()


def _syllables(text: str) -> list[str]:
    """No segmentation: every syllable is its own word (fallback and ablations)."""
    return text.split()


SEGMENTERS: dict[str, Segmenter] = {"pyvi": _pyvi, "none": _syllables}
DEFAULT_SEGMENTER = "pyvi"


def get_segmenter(name: str = DEFAULT_SEGMENTER) -> Segmenter:
    try:
        return SEGMENTERS[name]
    except KeyError:
        known = ", ".join(sorted(SEGMENTERS))
        raise ValueError(f"unknown word segmenter {name!r}; known: {known}") from None
