"""The corpus command: inputs streamed, outputs complete, resumable after a kill."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from phogov.corpus import CorpusError, count_documents, iter_documents, run_corpus

TEXTS = [
    "Thủ tướng Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ tháng 5.",
    "Doanh thu năm 2023 đạt 234.000 tỷ đồng, tăng 12,5% so với năm trước.",
    "Trời hôm nay đẹp.",  # no entity: still one output line / one progress record
    "Ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Nghệ An, cho biết vốn đầu tư đạt 1.250 tỷ đồng.",
    "Bộ Tài chính giảm 3% chi thường xuyên.",
    "",
    "Ủy ban nhân dân thành phố Hà Nội ban hành kế hoạch phòng chống thiên tai năm 2024.",
]


def _jsonl(path: Path, rows: list[dict], gz: bool = False) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> list[str]:
    """Three input kinds at once: a JSONL.gz, a plain JSONL without ids, a folder of .txt."""
    _jsonl(tmp_path / "a.jsonl.gz", [{"id": f"a{i}", "text": t} for i, t in enumerate(TEXTS[:4])],
           gz=True)
    _jsonl(tmp_path / "b.jsonl", [{"text": t} for t in TEXTS[4:6]])
    folder = tmp_path / "txt"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(TEXTS[6], encoding="utf-8")
    (folder / "sub" / "two.txt").write_text(TEXTS[0], encoding="utf-8")
    return [str(tmp_path / "a.jsonl.gz"), str(tmp_path / "b.jsonl"), str(folder)]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_inputs_are_read_with_ids_and_counted(corpus: list[str]) -> None:
    docs = list(iter_documents(corpus))
    assert [d.id for d in docs] == ["a0", "a1", "a2", "a3", "b-0", "b-1", "one", "sub/two"]
    assert docs[6].text == TEXTS[6] and docs[0].where.endswith("a.jsonl.gz:1")
    assert count_documents(corpus) == len(docs)


@pytest.mark.parametrize("content, message", [
    ('{"id": "x", "text": "ok"}\n{"id": "y", "txt": "no"}\n', r"bad\.jsonl:2: expected an obj"),
    ('{"id": "x", "text": "ok"}\n{"id": "y", "text": \n', r"bad\.jsonl:2: bad JSON"),
    ('{"id": [1], "text": "ok"}\n', r"bad\.jsonl:1: 'id' must be"),
])
def test_bad_input_lines_are_named_with_file_and_line(tmp_path: Path, content: str,
                                                      message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        list(iter_documents([str(bad)]))


def test_unknown_and_missing_inputs_are_errors(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b\n")
    with pytest.raises(CorpusError, match=r"x\.csv: unknown input type"):
        list(iter_documents([str(tmp_path / "x.csv")]))
    with pytest.raises(CorpusError, match="no such file or folder"):
        list(iter_documents([str(tmp_path / "nope.jsonl")]))


def test_every_document_once_with_predict_output(corpus: list[str], tmp_path: Path) -> None:
    from phogov.predictor import predict

    out = tmp_path / "out.jsonl"
    stats = run_corpus(corpus, str(out), model="rules", batch_docs=3, progress=False)
    lines = _lines(out)
    docs = list(iter_documents(corpus))
    assert [r["id"] for r in lines] == [d.id for d in docs]
    assert stats["documents"] == len(docs) and stats["errors"] == 0
    for doc, line in zip(docs, lines):
        assert {k: v for k, v in line.items() if k != "id"} == predict(doc.text, model="rules")


def test_killed_half_way_and_rerun_gives_every_id_exactly_once(corpus: list[str],
                                                               tmp_path: Path) -> None:
    clean = tmp_path / "clean.jsonl"
    run_corpus(corpus, str(clean), model="rules", progress=False)
    reference = {r["id"]: r for r in _lines(clean)}
    # What a kill leaves: the first documents written, the next one cut mid-line.
    out = tmp_path / "out.jsonl"
    raw = clean.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(raw[:3]) + raw[3][: len(raw[3]) // 2])
    stats = run_corpus(corpus, str(out), model="rules", batch_docs=2, progress=False)
    assert stats["skipped"] == 3 and stats["documents"] == len(reference) - 3
    lines = _lines(out)  # every line parses: the broken tail was cut
    ids = [r["id"] for r in lines]
    assert sorted(ids) == sorted(reference) and len(ids) == len(set(ids))
    assert {r["id"]: r for r in lines} == reference
    # A third run has nothing left to do.
    assert run_corpus(corpus, str(out), model="rules", progress=False)["documents"] == 0
    assert _lines(out) == lines


def test_output_that_phogov_did_not_write_is_refused(corpus: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("hello\nworld\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"out\.jsonl:1: not a line phogov wrote"):
        run_corpus(corpus, str(out), model="rules", progress=False)


def _csv_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_is_a_flat_entity_table_and_resumes(corpus: list[str], tmp_path: Path) -> None:
    clean = tmp_path / "clean.csv"
    run_corpus(corpus, str(clean), model="rules", fmt="csv", batch_docs=2, progress=False)
    rows = _csv_rows(clean)
    money = [r for r in rows if r["label"] == "MONEY" and r["id"] == "a1"]
    assert [(m["text"], m["values"], m["unit"]) for m in money] == [
        ("234.000 tỷ đồng", "234000000000000", "VND")]
    official = next(r for r in rows if r["label"] == "OFFICIAL" and r["id"] == "a0")
    assert official["text"] == "Phạm Minh Chính" and "Thủ tướng" in official["titles"]
    progress = _lines(tmp_path / "clean.csv.progress")
    assert [p["id"] for p in progress] == [d.id for d in iter_documents(corpus)]  # a2 too
    # Kill after the rows of a batch were flushed but before its ids were recorded,
    # with a half-written row and a half-written progress line on top.
    out, prog = tmp_path / "out.csv", tmp_path / "out.csv.progress"
    keep = progress[1]["end"]
    out.write_bytes(clean.read_bytes()[: keep + 40])  # rows of a2.. partly there
    prog.write_bytes(b"".join((json.dumps(p) + "\n").encode() for p in progress[:2])
                     + b'{"id": "a2", "en')
    run_corpus(corpus, str(out), model="rules", fmt="csv", batch_docs=2, progress=False)
    assert out.read_bytes() == clean.read_bytes()
    assert [p["id"] for p in _lines(prog)] == [p["id"] for p in progress]


def test_a_failing_document_is_recorded_and_the_others_go_on(corpus: list[str], tmp_path: Path,
                                                             monkeypatch) -> None:
    import phogov.predictor as predictor

    real = predictor.predict_documents

    def flaky(texts, *args, **kwargs):
        if any("Bộ Tài chính" in t for t in texts):
            raise ValueError("boom")
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(predictor, "predict_documents", flaky)
    out = tmp_path / "out.jsonl"
    stats = run_corpus(corpus, str(out), model="rules", batch_docs=4, progress=False)
    lines = _lines(out)
    failed = [r for r in lines if "error" in r]
    assert [(r["id"], r["error"]) for r in failed] == [("b-0", "ValueError: boom")]
    assert stats["errors"] == 1 and len(lines) == len(list(iter_documents(corpus)))


def test_workers_give_the_same_output(corpus: list[str], tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_corpus(corpus, str(one), model="rules", batch_docs=2, progress=False)
    run_corpus(corpus, str(two), model="rules", batch_docs=2, workers=2, progress=False)
    assert _lines(two) == _lines(one)


def test_cli_corpus_predict(corpus: list[str], tmp_path: Path, capsys) -> None:
    from phogov.cli import main

    out = tmp_path / "cli.jsonl"
    assert main(["predict", "--model", "rules", "--input", *corpus, "--out", str(out),
                 "--no-progress"]) == 0
    assert f"8 documents predicted into {out}" in capsys.readouterr().err
    assert main(["predict", "--model", "rules", "--input", *corpus]) == 2
    assert "--input needs --out" in capsys.readouterr().err
    assert main(["predict", "some text", "--out", str(out)]) == 2
    assert "--out needs --input" in capsys.readouterr().err
