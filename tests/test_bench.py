"""phogov bench: variants side by side, stage times that add up, skipped runtimes named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from phogov.eval.bench import STAGES, format_tables, run_bench, run_variant, variants

DOCS = ["Thủ tướng Phạm Minh Chính chủ trì phiên họp. Doanh thu đạt 234.000 tỷ đồng, tăng 5%.",
        "Ủy ban nhân dân tỉnh Nghệ An họp bàn kế hoạch năm 2024."]


def test_stages_add_up_to_the_predict_time_and_tokens_are_counted(tiny_model: Path) -> None:
    from phogov.runtime import load_runtime_model

    r = run_variant("tiny fp32", str(tiny_model), "fp32", DOCS, 8, repeats=2)
    assert r["runtime"] == "fp32" and r["sentences"] == 3
    assert set(r["stages"]) == set(STAGES)
    assert sum(r["stages"].values()) == pytest.approx(r["predict_seconds"], rel=1e-6)
    assert r["stages"]["forward"] > 0 and r["stages"]["segmentation"] > 0
    assert r["predict_over_forward"] >= 1.0  # forward happens inside predict()
    loaded = load_runtime_model(tiny_model, "fp32")  # the cached model: timers removed
    assert "encode" not in vars(loaded.encoder) and type(loaded.ner).__name__.startswith("Roberta")
    from phogov.text import sentences

    expected = sum(len(w.input_ids) for d in DOCS for s in sentences(d, loaded.segmenter)
                   for w in loaded.encoder.encode([x.form for x in s.words]))
    assert r["subword_tokens"] == expected


def test_rules_variant_has_no_forward(tiny_model: Path) -> None:
    r = run_variant("rules", "rules", "-", DOCS, 8)
    assert r["stages"]["forward"] == 0 and r["stages"]["rules"] > 0
    assert r["predict_over_forward"] is None


def test_variants_note_runtimes_that_cannot_run(tiny_model: Path, tmp_path: Path) -> None:
    copy = tmp_path / "m"
    shutil.copytree(tiny_model, copy)
    todo, notes = variants(str(copy), ["rules", "fp32", "int8"], None)
    assert [(name.split()[-1], rt) for name, _, rt in todo] == [("rules", "-"), ("(default)",
                                                                                  "fp32")]
    assert len(notes) == 1 and "int8: skipped, not exported" in notes[0]
    with pytest.raises(ValueError, match="unknown bench runtime"):
        variants(str(copy), ["gpu"], None)


def test_bench_writes_json_and_compares_to_fp32(tiny_model: Path, tmp_path: Path,
                                                capsys) -> None:
    from phogov.quantize import export_runtimes

    copy = tmp_path / "m"
    shutil.copytree(tiny_model, copy)
    export_runtimes(copy, int8=True)
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                           for i, t in enumerate(DOCS)), encoding="utf-8")
    out = tmp_path / "bench.json"
    results = run_bench(str(copy), ["fp32", "int8"], sentences=2, inputs=[str(src)],
                        json_out=str(out), repeats=1)
    data = json.loads(out.read_text())
    assert [r["runtime"] for r in data["results"]] == ["fp32", "int8"]
    assert data["results"][0]["speedup_vs_fp32"] == 1.0
    assert all(r["peak_rss_mib"] > 50 for r in results)  # each measured in its own process
    printed = capsys.readouterr().out
    assert "m int8 (default)" in printed and "where predict() time goes" in printed


def test_table_without_results() -> None:
    assert format_tables([], [], "x", 1, 1) == "nothing to run"


def test_a_variant_that_fails_is_named(tmp_path: Path) -> None:
    from phogov.eval.bench import _interleaved

    with pytest.raises(RuntimeError, match=r"bench variant 'broken': .*no phogov model"):
        _interleaved([("broken", str(tmp_path / "nope"), "fp32")], DOCS, 8, 1, None)
