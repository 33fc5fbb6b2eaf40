"""One model directory from the heads of two: the entity head of one, the topic head of another.

Heads are separate encoders (``ner/``, ``topics/``), each with its own tokenizer
files, so the best entity head (say a self-trained student, trained without
topics) and the best topic head (its teacher) can ship together. The manifest
keeps each head's labels, thresholds and dev metrics, names where each came from,
and starts with no ``combine`` policy (tune it on dev gold for the new pair).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from phogov.atomic import atomic_dir
from phogov.errors import ModelLoadError
from phogov.modeling import MANIFEST, _read_manifest

# fields that must agree: both heads read the same words from the same windows
SHARED = ("segmenter", "max_length", "stride")


def assemble(out: str | os.PathLike[str], ner: str | os.PathLike[str],
             topics: str | os.PathLike[str]) -> Path:
    """Write ``out`` with ``ner``'s entity head and ``topics``' topic head; return ``out``."""
    ner_dir, topic_dir, out_dir = Path(ner), Path(topics), Path(out)
    ner_info, topic_info = _read_manifest(ner_dir), _read_manifest(topic_dir)
    if "ner" not in ner_info.heads:
        raise ModelLoadError(f"{ner_dir} has no entity head (heads: {ner_info.heads})")
    if "topics" not in topic_info.heads:
        raise ModelLoadError(f"{topic_dir} has no topic head (heads: {topic_info.heads})")
    for key in SHARED:
        a, b = getattr(ner_info, key), getattr(topic_info, key)
        if a != b:
            raise ModelLoadError(f"the heads disagree on {key}: {a!r} in {ner_dir}, "
                                 f"{b!r} in {topic_dir}")
    if out_dir.exists() and not (out_dir / MANIFEST).is_file():
        raise FileExistsError(f"{out_dir} exists and is not a model directory: not replaced")
    manifest: dict[str, Any] = json.loads((ner_dir / MANIFEST).read_text(encoding="utf-8"))
    topic_manifest = json.loads((topic_dir / MANIFEST).read_text(encoding="utf-8"))
    manifest["heads"] = ["ner", "topics"]
    for key in ("topic_labels", "topic_problem_type", "topic_thresholds"):
        manifest[key] = topic_manifest[key]
    metrics = dict(manifest.get("metrics", {}))
    metrics["topics"] = topic_manifest.get("metrics", {}).get("topics", {})
    manifest["metrics"] = metrics
    manifest["combine"] = {}
    manifest["assembled_from"] = {"ner": str(ner_dir), "topics": str(topic_dir)}

    with atomic_dir(out_dir) as staging:
        shutil.copytree(ner_dir / "ner", staging / "ner")
        shutil.copytree(topic_dir / "topics", staging / "topics")
        (staging / MANIFEST).write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out_dir
