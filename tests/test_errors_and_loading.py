"""Loading under threads, and every error in one form (issue 10).

Each test failed before its fix: concurrent first calls raised ImportError and
loaded the model four times; train-topics gave bare Python messages; a missing
``runs/my-model`` talked about being offline; a bad ``$PHOGOV_MODEL`` or
``phogov.json`` field was never named; ``export`` left half-written directories;
``| head`` printed "Broken pipe"; ``bench`` needed a source checkout.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path

import pytest

from phogov.cli import main as cli_main
from phogov.errors import InputError, ModelLoadError, PhogovError
from phogov.modeling import load_model
from phogov.predictor import ENV_MODEL, bundled_model_dir, predict
from phogov.training.gold_io import LabelledDataError, read_gold_jsonl

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = bundled_model_dir()
needs_bundled = pytest.mark.skipif(BUNDLED is None, reason="no bundled model")


# --------------------------------------------------------------------------- threads


@needs_bundled
def test_four_threads_on_a_cold_process_all_succeed_and_load_once() -> None:
    script = textwrap.dedent("""
        import json, sys, threading
        from phogov import modeling, predict, runtime
        barrier, errors = threading.Barrier(4), []
        def run():
            barrier.wait()
            try:
                result = predict("Bí thư Tỉnh ủy Nghệ An chi 5 tỷ đồng.", model=sys.argv[1])
                assert result["entities"], result
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
        threads = [threading.Thread(target=run) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # whichever runtime the model dir offers (fp32, int8, ONNX), it is loaded once
        loads = (modeling._load_cached.cache_info().misses
                 + runtime._load_quantised.cache_info().misses)
        print(json.dumps({"errors": errors, "loads": loads}))
    """)
    done = subprocess.run([sys.executable, "-c", script, str(BUNDLED)], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"errors": [], "loads": 1}


# --------------------------------------------------------------------------- error form


def test_phogov_errors_are_one_family() -> None:
    assert issubclass(ModelLoadError, PhogovError) and issubclass(LabelledDataError, PhogovError)
    assert str(InputError("a.jsonl", "bad JSON", 3)) == "a.jsonl:3: bad JSON"
    assert str(InputError("a.jsonl", "no such file")) == "a.jsonl: no such file"


def _cli(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str]:
    code = cli_main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def _topics_cli(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> tuple[int, str]:
    return _cli(["train-topics", "--data", str(data), "--out", str(tmp_path / "out"),
                 "--base", str(tmp_path / "no-backbone")], capsys)


def test_train_topics_names_the_line_with_bad_utf8(tmp_path, capsys) -> None:
    data = tmp_path / "t.jsonl"
    data.write_bytes(b'{"text": "Tinh uy hop", "label": "A"}\n{"text": "\xff\xfe", "label": "B"}\n')
    code, err = _topics_cli(data, tmp_path, capsys)
    assert code == 2 and f"{data}:2: not valid UTF-8" in err


def test_train_topics_names_a_truncated_gzip(tmp_path, capsys) -> None:
    data = tmp_path / "t.jsonl.gz"
    lines = "".join(json.dumps({"text": f"Văn bản số {i}", "label": "AB"[i % 2]}) + "\n"
                    for i in range(2000))
    whole = gzip.compress(lines.encode())
    data.write_bytes(whole[: len(whole) // 2])
    code, err = _topics_cli(data, tmp_path, capsys)
    assert code == 2 and "the file breaks off here" in err
    line = int(err.split(f"{data}:")[1].split(":")[0])
    assert 1 < line <= 2000


def test_train_topics_names_a_file_that_is_not_gzip(tmp_path, capsys) -> None:
    data = tmp_path / "t.jsonl.gz"
    data.write_text('{"text": "x", "label": "A"}\n')
    code, err = _topics_cli(data, tmp_path, capsys)
    assert code == 2 and f"{data}:1: not a gzip file" in err


def test_train_topics_on_a_directory(tmp_path, capsys) -> None:
    code, err = _topics_cli(tmp_path, tmp_path, capsys)
    assert code == 2 and f"{tmp_path}: is a directory" in err


@pytest.mark.parametrize("line, problem", [
    ('{"text": "x", "label": "A", "n": ' + "1" * 4301 + "}", "bad JSON: Exceeds the limit"),
    ('{"text": "x", "label": "A", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "bad JSON: nested too deeply"),
])
def test_pathological_json_lines_are_located(tmp_path, capsys, line: str, problem: str) -> None:
    good = json.dumps({"doc": "d", "sent": 0, "text": "Tỉnh ủy họp.", "entities": [],
                       "topics": []})
    gold = tmp_path / "gold.jsonl"
    gold.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(LabelledDataError, match=f"{gold}:2: {problem}"):
        read_gold_jsonl(gold)
    data = tmp_path / "topics.jsonl"
    data.write_text('{"text": "Tỉnh ủy họp", "label": "B"}\n' + line + "\n", encoding="utf-8")
    code, err = _topics_cli(data, tmp_path, capsys)
    assert code == 2 and f"{data}:2: {problem}" in err


def test_a_huge_document_shows_segmenting_progress(tmp_path, capsys) -> None:
    from phogov.modeling import document_words
    from phogov.training.topics import _rows

    text = "Tỉnh ủy họp bàn kinh tế. " * 10_000  # 250k characters, one line
    rows = _rows([(text, ["A"]), ("Hội nghị.", ["B"])], ["A", "B"], False, "none")
    assert len(rows) == 2 and len(rows[0]["words"]) == 70_000  # 6 words and "." each
    assert rows[0]["words"] == document_words(text, "none")  # what prediction reads
    assert "segmenting texts" in capsys.readouterr().err


def test_predict_file_with_bad_utf8_is_located(tmp_path, capsys) -> None:
    bad = tmp_path / "a.txt"
    bad.write_bytes("Dòng một.\nDòng hai ".encode() + b"\xff.\n")
    code, err = _cli(["predict", "--file", str(bad), "--model", "rules"], capsys)
    assert code == 2 and f"{bad}:2: not valid UTF-8" in err


def test_cli_text_with_undecodable_bytes_prints_valid_json(capsys) -> None:
    text = os.fsdecode("Tỉnh ".encode() + b"\xff\xfe\xbb" + " ủy Nghệ An chi 5 tỷ đồng.".encode())
    assert cli_main(["predict", text, "--model", "rules", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    money = [e for e in out["entities"] if e["label"] == "MONEY"]
    assert money and money[0]["values"] == [5e9]
    shown = text.replace("\udcff", "\ufffd").replace("\udcfe", "\ufffd").replace("\udcbb", "\ufffd")
    assert all(shown[e["start"]:e["end"]] == e["text"] for e in out["entities"])


# --------------------------------------------------------------------------- model names


def test_a_missing_local_model_dir_is_not_taken_for_a_hub_id(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    (tmp_path / "runs").mkdir()
    with pytest.raises(ModelLoadError) as info:
        load_model("runs/my-model")
    assert "runs/my-model: the directory does not exist" in str(info.value)
    assert "Hugging Face" not in str(info.value).split("(")[0] and "offline" not in str(info.value)


def test_a_missing_path_that_could_be_a_hub_id_leads_with_the_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    with pytest.raises(ModelLoadError) as info:
        load_model("someone/phogov-model")
    message = str(info.value)
    assert message.startswith("no phogov model at someone/phogov-model: the directory does not")
    assert "as a Hugging Face repo id" in message


def test_a_bad_env_model_is_named(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_MODEL, str(tmp_path / "nope"))
    with pytest.raises(ModelLoadError, match=r"\$PHOGOV_MODEL=.*nope.* is not a usable model"):
        predict("Tỉnh ủy họp.")


def test_a_bad_manifest_field_names_the_file_and_field(tmp_path) -> None:
    (tmp_path / "phogov.json").write_text(json.dumps({"max_length": "256", "heads": "ner"}))
    with pytest.raises(ModelLoadError) as info:
        load_model(tmp_path)
    message = str(info.value)
    assert str(tmp_path / "phogov.json") in message
    assert "'max_length' must be a positive integer" in message and "'heads'" in message


@needs_bundled
def test_the_bundled_manifest_passes_the_field_checks() -> None:
    from phogov.manifest import check_manifest

    manifest = BUNDLED / "phogov.json"
    check_manifest(json.loads(manifest.read_text(encoding="utf-8")), manifest)


# --------------------------------------------------------------------------- outputs


@needs_bundled
def test_export_is_atomic(tmp_path, monkeypatch) -> None:
    import phogov.card

    out = tmp_path / "shipped"

    def crash(_root):
        raise OSError("disk full")

    monkeypatch.setattr(phogov.card, "write_card", crash)
    with pytest.raises(OSError, match="disk full"):
        from phogov.modeling import export_model

        export_model(BUNDLED, out)
    assert not out.exists() and list(tmp_path.iterdir()) == []  # no half model, no staging
    monkeypatch.undo()
    from phogov.modeling import export_model

    assert export_model(BUNDLED, out) == out and (out / "phogov.json").is_file()
    export_model(BUNDLED, out)  # an earlier export is replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shipped"]


def test_export_refuses_to_replace_an_unrelated_directory(tmp_path) -> None:
    from phogov.atomic import atomic_dir

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(PhogovError, match="not a phogov model|without phogov.json"):
        with atomic_dir(mine):
            pass
    assert (mine / "notes.txt").read_text() == "keep me"


def test_a_closed_pipe_ends_quietly(tmp_path) -> None:
    text = tmp_path / "long.txt"  # its output is far beyond a pipe buffer
    text.write_text("Tỉnh ủy Nghệ An chi 5 tỷ đồng, tăng 12%. " * 3000, encoding="utf-8")
    phogov = Path(sys.executable).parent / "phogov"
    proc = subprocess.Popen([str(phogov), "predict", "--file", str(text), "--model", "rules"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Broken pipe" not in err and "Traceback" not in err and "BrokenPipe" not in err


# --------------------------------------------------------------------------- packaging


def test_bench_seeds_come_from_the_package() -> None:
    from phogov.eval.bench import seed_documents, seed_texts

    packaged = sorted(f.name for f in resources.files("phogov.seeds").iterdir()
                      if f.name.endswith(".txt"))
    assert packaged == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert seed_texts()[0] == (ROOT / "seeds" / packaged[0]).read_text(encoding="utf-8")
    assert len(seed_documents(10)) >= 5


def test_the_wheel_carries_the_bench_seeds(tmp_path) -> None:
    import zipfile

    src = tmp_path / "src"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "runs", "*.egg-info", "__pycache__", ".*_cache"))
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "-q", "-w", str(tmp_path), str(src)],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 and "No module named" in done.stderr:
        pytest.skip(f"cannot build a wheel here: {done.stderr.strip()[-200:]}")
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("phogov-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert sum(n.startswith("phogov/seeds/") and n.endswith(".txt") for n in names) == 5
    assert "phogov/eval/bench.py" in names


def test_training_output_appears_whole_or_not_at_all(tmp_path) -> None:
    from phogov.atomic import publish_training_output

    out = tmp_path / "model"
    (out / "checkpoints" / "checkpoint-5").mkdir(parents=True)

    def fails(staging: Path) -> None:
        (staging / "phogov.json").write_text("{}", encoding="utf-8")
        raise KeyboardInterrupt  # killed while writing the second head

    with pytest.raises(KeyboardInterrupt):
        publish_training_output(out, fails, keep_checkpoints=True)
    # no half-written model: out still holds only its checkpoints, nothing staged is left
    assert sorted(p.name for p in out.iterdir()) == ["checkpoints"]
    assert (out / "checkpoints" / "checkpoint-5").is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["model"]

    def writes(staging: Path) -> None:
        (staging / "phogov.json").write_text("{}", encoding="utf-8")

    publish_training_output(out, writes, keep_checkpoints=True)
    assert sorted(p.name for p in out.iterdir()) == ["checkpoints", "phogov.json"]
    publish_training_output(out, writes)  # a rerun replaces it; checkpoints not kept
    assert sorted(p.name for p in out.iterdir()) == ["phogov.json"]
    assert [p.name for p in tmp_path.iterdir()] == ["model"]
