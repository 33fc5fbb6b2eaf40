"""phogov assemble: the entity head of one model beside the topic head of another."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from phogov.assemble import assemble
from phogov.errors import ModelLoadError


def _entity_only(src: Path, dst: Path) -> Path:
    """What `phogov self-train --no-topics` leaves: an entity head and no topic head."""
    shutil.copytree(src, dst)
    shutil.rmtree(dst / "topics")
    info = json.loads((dst / "phogov.json").read_text(encoding="utf-8"))
    info.update(heads=["ner"], topic_labels=[], topic_thresholds={},
                combine={"ORG": "rules"})
    (dst / "phogov.json").write_text(json.dumps(info), encoding="utf-8")
    (dst / "ner" / "which.txt").write_text("student", encoding="utf-8")
    return dst


def test_assembled_model_has_each_head_from_its_source_and_loads(tiny_model, tmp_path):
    from phogov.modeling import load_model
    from phogov.predictor import predict

    student = _entity_only(tiny_model, tmp_path / "student")
    out = assemble(tmp_path / "both", student, tiny_model)
    info = json.loads((out / "phogov.json").read_text(encoding="utf-8"))
    teacher = json.loads((tiny_model / "phogov.json").read_text(encoding="utf-8"))
    assert info["heads"] == ["ner", "topics"]
    assert (out / "ner" / "which.txt").read_text(encoding="utf-8") == "student"
    assert info["topic_thresholds"] == teacher["topic_thresholds"]
    assert info["topic_labels"] == teacher["topic_labels"]
    assert info["combine"] == {}  # a new pair: its policy is tuned anew
    assert info["assembled_from"] == {"ner": str(student), "topics": str(tiny_model)}
    model = load_model(out)
    assert model.topics is not None
    result = predict("Thu ngân sách tỉnh đạt 120 tỷ đồng.", model=str(out))
    assert result["sentences"] and all(0.0 <= t["score"] <= 1.0 for t in result["topics"])


def test_assemble_refuses_missing_heads_mismatched_windows_and_foreign_dirs(tiny_model,
                                                                           tmp_path):
    student = _entity_only(tiny_model, tmp_path / "student")
    with pytest.raises(ModelLoadError, match="has no topic head"):
        assemble(tmp_path / "x", tiny_model, student)
    other = tmp_path / "other"
    shutil.copytree(tiny_model, other)
    info = json.loads((other / "phogov.json").read_text(encoding="utf-8"))
    info["stride"] = info["stride"] + 1
    (other / "phogov.json").write_text(json.dumps(info), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="disagree on stride"):
        assemble(tmp_path / "x", student, other)
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not a model directory"):
        assemble(foreign, student, tiny_model)
    assert (foreign / "keep.txt").is_file()
