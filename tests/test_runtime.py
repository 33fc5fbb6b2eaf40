"""int8 and ONNX runtimes: export, choice (argument, env, auto), staleness, closeness to fp32."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from phogov.runtime import (
    ENV_RUNTIME,
    RUNTIMES_FILE,
    RuntimeUnavailable,
    choose_runtime,
    load_runtime_model,
    requested_runtime,
    runtime_status,
)

WORDS = [["Thủ_tướng", "Phạm_Minh_Chính", "chủ_trì", "phiên", "họp", "Chính_phủ", "."],
         ["Doanh_thu", "tăng", "12,5", "%", ",", "đạt", "234.000", "tỷ", "đồng", "."],
         ["Ủy_ban", "nhân_dân", "thành_phố", "Hà_Nội", "ban_hành", "kế_hoạch"] * 6]


@pytest.fixture(scope="module")
def int8_model(tiny_model: Path, tmp_path_factory) -> Path:
    """A copy of the tiny model with its int8 runtime exported (the fixture is shared)."""
    from phogov.quantize import export_runtimes

    out = tmp_path_factory.mktemp("rt") / "model"
    shutil.copytree(tiny_model, out)
    export_runtimes(out, int8=True)
    return out


def _probs(model_dir: Path, runtime: str) -> tuple[list[np.ndarray], np.ndarray]:
    return load_runtime_model(model_dir, runtime, device="cpu").predict_words(WORDS)


def test_int8_export_records_its_source_and_is_close_to_fp32(int8_model: Path) -> None:
    import torch

    record = json.loads((int8_model / RUNTIMES_FILE).read_text())
    assert set(record["int8"]["heads"]) == {"ner", "topics"}
    assert (int8_model / "ner" / "model.int8.pt").is_file()
    loaded = load_runtime_model(int8_model, "int8", device="cpu")
    assert loaded.runtime == "int8"
    kinds = {type(m).__module__ for m in loaded.ner.modules()}
    assert any("quantized" in k for k in kinds), kinds  # really quantised, not fp32 again
    assert not any(isinstance(m, torch.nn.Linear) and type(m) is torch.nn.Linear
                   for m in loaded.ner.modules())
    ref_words, ref_topics = _probs(int8_model, "fp32")
    got_words, got_topics = _probs(int8_model, "int8")
    for ref, got in zip(ref_words, got_words):
        assert ref.shape == got.shape
        assert np.abs(ref - got).max() < 0.05
    assert np.abs(ref_topics - got_topics).max() < 0.05


def test_auto_prefers_int8_over_fp32_and_the_env_var_chooses(int8_model: Path,
                                                              monkeypatch) -> None:
    monkeypatch.delenv(ENV_RUNTIME, raising=False)
    if runtime_status(int8_model)["onnx"]:  # no ONNX export in this copy
        assert choose_runtime(int8_model, device="cpu") == "int8"
    monkeypatch.setenv(ENV_RUNTIME, "fp32")
    assert choose_runtime(int8_model, device="cpu") == "fp32"
    assert choose_runtime(int8_model, "int8", device="cpu") == "int8"  # the argument wins
    monkeypatch.setenv(ENV_RUNTIME, "fast")
    with pytest.raises(ValueError, match=r"\$PHOGOV_RUNTIME 'fast' is not a runtime"):
        requested_runtime()


def test_missing_runtime_asked_for_says_how_to_make_it(tiny_model: Path) -> None:
    if (tiny_model / RUNTIMES_FILE).exists():
        pytest.skip("the shared tiny model has runtimes")
    assert choose_runtime(tiny_model, "auto", device="cpu") == "fp32"
    with pytest.raises(RuntimeUnavailable, match=r"phogov export .* --int8"):
        choose_runtime(tiny_model, "int8", device="cpu")


def test_predict_takes_runtime_and_keeps_offsets(int8_model: Path) -> None:
    from phogov.predictor import predict

    text = "Thủ tướng Phạm Minh Chính chủ trì. Doanh thu tăng 12,5%, đạt 234.000 tỷ đồng."
    for runtime in ("fp32", "int8"):
        result = predict(text, model=str(int8_model), runtime=runtime)
        for e in result["entities"]:
            assert text[e["start"]:e["end"]] == e["text"]
    with pytest.raises(ValueError, match="not a runtime"):
        predict(text, model=str(int8_model), runtime="int4")


def test_retrained_weights_make_quantised_files_stale(int8_model: Path, tmp_path: Path,
                                                      monkeypatch) -> None:
    monkeypatch.delenv(ENV_RUNTIME, raising=False)
    copy = tmp_path / "model"
    shutil.copytree(int8_model, copy)
    weights = copy / "ner" / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF  # other weights, same size
    weights.write_bytes(bytes(data))
    assert "stale" in runtime_status(copy)["int8"]
    assert choose_runtime(copy, device="cpu") == "fp32"
    with pytest.raises(RuntimeUnavailable, match="stale"):
        choose_runtime(copy, "int8", device="cpu")


def test_onnx_export_matches_fp32_on_other_shapes(int8_model: Path, tmp_path: Path,
                                                  monkeypatch) -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from phogov.quantize import export_runtimes

    monkeypatch.delenv(ENV_RUNTIME, raising=False)
    copy = tmp_path / "model"
    shutil.copytree(int8_model, copy)
    record = export_runtimes(copy, onnx=True)
    assert set(record) == {"int8", "onnx"}  # the int8 entry is kept
    assert choose_runtime(copy, device="cpu") == "onnx"  # the fastest present
    loaded = load_runtime_model(copy, device="cpu")
    assert loaded.runtime == "onnx"
    ref_words, ref_topics = _probs(copy, "fp32")
    got_words, got_topics = _probs(copy, "onnx")  # 3 sentences of other lengths, padded
    for ref, got in zip(ref_words, got_words):
        assert np.abs(ref - got).max() < 0.05
    assert np.abs(ref_topics - got_topics).max() < 0.05


def test_cli_export_writes_into_the_model_dir(tiny_model: Path, tmp_path: Path,
                                              capsys) -> None:
    from phogov.cli import main

    copy = tmp_path / "model"
    shutil.copytree(tiny_model, copy)
    assert main(["export", str(copy), "--int8"]) == 0
    assert "int8: ner, topics written" in capsys.readouterr().out
    assert runtime_status(copy)["int8"] == ""
    assert main(["export", str(copy)]) == 2
    assert "--out DIR" in capsys.readouterr().err


def test_a_broken_int8_file_is_named_in_the_error(int8_model: Path, tmp_path: Path) -> None:
    from phogov.modeling import ModelLoadError

    copy = tmp_path / "model"
    shutil.copytree(int8_model, copy)
    (copy / "topics" / "model.int8.pt").write_bytes(b"not a state dict")
    with pytest.raises(ModelLoadError, match=r"topics/model\.int8\.pt.*phogov export DIR --int8"):
        load_runtime_model(copy, "int8", device="cpu")
