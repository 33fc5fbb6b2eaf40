"""Corpus → rules → a Hugging Face ``datasets.Dataset`` of weakly labelled sentences.

One row per sentence: its normalised text, PhoBERT words with their character
spans, IOB2 word tags and multi-hot topics. Rows are what ``phogov train`` reads.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tqdm.auto import tqdm

from phogov.rules.aggregate import label_document
from phogov.segment import DEFAULT_SEGMENTER
from phogov.text import sentences, spans_to_tags
from phogov.types import NER_TAGS, TOPIC_LABELS


def features():
    """The dataset schema (shared with gold rows built for training)."""
    from datasets import ClassLabel, Features, Sequence, Value

    return Features(
        {
            "doc_id": Value("string"),
            "sent_id": Value("int32"),
            "text": Value("string"),
            "words": Sequence(Value("string")),
            "word_starts": Sequence(Value("int32")),
            "word_ends": Sequence(Value("int32")),
            "ner_tags": Sequence(ClassLabel(names=list(NER_TAGS))),
            "topics": Sequence(Value("float32")),
            "source": Value("string"),
        }
    )


def label_documents(
    documents: list[tuple[str, str]], segmenter: str = DEFAULT_SEGMENTER, progress: bool = True
) -> list[dict]:
    """Rows for every sentence of ``(doc_id, raw_text)`` documents, labelled by the rules."""
    rows: list[dict] = []
    for doc_id, raw in tqdm(documents, desc="weak-labelling", unit="doc", disable=not progress):
        sents = sentences(raw, segmenter)
        results = label_document([s.text for s in sents])
        for k, (sent, res) in enumerate(zip(sents, results)):
            words = sent.words
            if not words:
                continue
            tags = spans_to_tags(sent, [(e.start, e.end, e.label) for e in res.entities])
            rows.append(
                {
                    "doc_id": doc_id,
                    "sent_id": k,
                    "text": sent.text,
                    "words": [w.form for w in words],
                    "word_starts": [w.start for w in words],
                    "word_ends": [w.end for w in words],
                    "ner_tags": [NER_TAGS.index(t) for t in tags],
                    "topics": [1.0 if t in res.topics else 0.0 for t in TOPIC_LABELS],
                    "source": "weak",
                }
            )
    return rows


def label_counts(rows: list[dict]) -> dict[str, Counter]:
    """Entity counts per label (B- tags) and sentence counts per topic."""
    ents: Counter = Counter()
    tops: Counter = Counter()
    for row in rows:
        for t in row["ner_tags"]:
            if NER_TAGS[t].startswith("B-"):
                ents[NER_TAGS[t][2:]] += 1
        for label, on in zip(TOPIC_LABELS, row["topics"]):
            tops[label] += int(on)
    return {"entities": ents, "topics": tops}


def build_weak_dataset(
    inputs: list[str], out_dir: str | Path, segmenter: str = DEFAULT_SEGMENTER,
    limit: int | None = None, progress: bool = True,
):
    """Label every document of ``inputs`` (txt, jsonl, jsonl.gz, folders) into ``out_dir``."""
    from datasets import Dataset

    from phogov.training.gold_io import read_text_inputs

    documents = read_text_inputs(inputs)
    if limit is not None:
        documents = documents[:limit]
    rows = label_documents(documents, segmenter, progress)
    if not rows:
        raise ValueError(f"no sentences found in {', '.join(map(str, inputs))}")
    ds = Dataset.from_list(rows, features=features())
    ds.save_to_disk(str(out_dir))
    return ds, label_counts(rows), len(documents)
