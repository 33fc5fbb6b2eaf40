"""The shipped default model: present, small, loadable with no argument and no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from phogov.predictor import bundled_model_dir

ROOT = Path(__file__).resolve().parent.parent


def test_bundled_model_is_shipped_small_and_documented() -> None:
    path = bundled_model_dir()
    assert path is not None and path == ROOT / "data" / "bundled" / "phogov-mini"
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    # issue 9's bound: fp16 weights (~25 MiB) + the ONNX int8 runtime (~12.5 MiB) of two
    # heads; the torch int8 runtime (~18 MiB) is one `phogov export --int8` away
    assert size <= 40 * 10**6
    assert all((path / head / "model.safetensors").is_file() for head in ("ner", "topics"))
    card = (path / "README.md").read_text(encoding="utf-8")
    assert "license: mit" in card and "VNTC" in card and "model-index" in card


def test_bundled_quantised_runtimes_are_current() -> None:
    """They were made from the weights shipped beside them (re-export after retraining)."""
    import importlib.util

    from phogov.runtime import runtime_status

    status = runtime_status(bundled_model_dir())
    assert status["int8"] == "" or status["int8"].startswith("not exported")
    if importlib.util.find_spec("onnxruntime") is not None:
        assert status["onnx"] == ""
    else:
        assert "not installed" in status["onnx"]


def test_predict_with_no_model_argument_in_a_fresh_offline_process() -> None:
    text = ("Ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Nghệ An, cho biết tổng vốn đầu tư "
            "đạt 1.250 tỷ đồng, tăng 12,5% so với năm trước.")
    script = ("import json, sys; from phogov import predict; "
              "print(json.dumps(predict(sys.argv[1]), ensure_ascii=False))")
    env = {k: v for k, v in os.environ.items() if k != "PHOGOV_MODEL"}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH="")
    done = subprocess.run([sys.executable, "-c", script, text], capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    res = json.loads(done.stdout.strip().splitlines()[-1])
    for e in res["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
    # Plain cases any usable model gets right (checked by hand against the guideline).
    money = [e for e in res["entities"] if e["label"] == "MONEY"]
    assert [(e["text"], e["values"], e["unit"]) for e in money] == [
        ("1.250 tỷ đồng", [1.25e12], "VND")]
    percent = [e for e in res["entities"] if e["label"] == "PERCENT"]
    assert [(e["text"], e["values"]) for e in percent] == [("12,5%", [12.5])]
    assert "ECONOMY" in {t["label"] for t in res["topics"]}


def test_bundled_model_scores_on_the_gold_are_those_in_its_card() -> None:
    from phogov.eval.evaluate import evaluate
    from phogov.predictor import sentence_predictor

    path = bundled_model_dir()
    from phogov.card import read_evaluations

    recorded = next(e["report"] for e in read_evaluations(path)
                    if e["gold"] in ("gold_seeds.jsonl", "seeds.jsonl")
                    and "--pure" not in e["command"])
    # the card's numbers are the fp32 heads'; the quantised runtimes are checked below
    report = evaluate(ROOT / "data" / "gold_seeds.jsonl",
                      sentence_predictor(str(path), runtime="fp32"))
    for label in ("OFFICIAL", "ORG", "MONEY", "PERCENT", "micro"):
        assert abs(report["entities"][label]["f1"] - recorded["entities"][label]["f1"]) < 0.02
    assert abs(report["topics"]["micro"]["f1"] - recorded["topics"]["micro"]["f1"]) < 0.02


def test_quantised_runtimes_score_like_fp32_on_the_gold() -> None:
    """The issue's bar: entity micro-F1 within 0.005 of fp32 (dev-gold numbers in README)."""
    import importlib.util

    from phogov.eval.evaluate import evaluate
    from phogov.predictor import sentence_predictor

    path = str(bundled_model_dir())
    gold = ROOT / "data" / "gold_seeds.jsonl"
    from phogov.runtime import runtime_status

    ref = evaluate(gold, sentence_predictor(path, runtime="fp32"))
    usable = [r for r, why in runtime_status(path).items() if r != "fp32" and not why]
    assert usable or importlib.util.find_spec("onnxruntime") is None  # ONNX ships
    runtimes = usable
    for runtime in runtimes:
        got = evaluate(gold, sentence_predictor(path, runtime=runtime))
        diff = got["entities"]["micro"]["f1"] - ref["entities"]["micro"]["f1"]
        assert abs(diff) <= 0.005, (runtime, diff)
        assert abs(got["topics"]["micro"]["f1"] - ref["topics"]["micro"]["f1"]) <= 0.02
