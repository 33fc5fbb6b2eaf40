"""Weak labels at scale: sharded, resumable, gold articles kept out, the keep policy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from phogov.training.weak_corpus import (
    WeakCorpusArgs,
    build_weak_corpus,
    gold_shingles,
    keep_sentence,
    select_documents,
)

ORG_SENT = "Sáng nay, UBND tỉnh Quảng Ninh họp phiên thường kỳ tháng 3 để bàn về ngân sách."
PLAIN = "Trời hôm nay mưa nhỏ ở nhiều nơi và gió nhẹ thổi suốt cả buổi chiều hôm qua."


def _docs(n: int) -> list[dict]:
    return [{"id": f"d{i}", "text": f"{ORG_SENT}\nThu ngân sách đạt {i + 1},5 tỷ đồng.\n{PLAIN}"}
            for i in range(n)]


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_gold_articles_and_duplicates_are_left_out(tmp_path: Path):
    gold_text = ("Ban Thường vụ Tỉnh ủy đã họp để cho ý kiến về công tác cán bộ và kế hoạch "
                 "phát triển kinh tế xã hội của tỉnh trong năm tới cùng nhiều nội dung khác.")
    gold = _write_jsonl(tmp_path / "gold.jsonl", [
        {"doc": "g", "sent": 0, "text": gold_text, "entities": [], "topics": []}])
    docs = [("a", "Tin khác hẳn.\n" + gold_text), ("b", ORG_SENT), ("c", "  " + ORG_SENT + " "),
            ("d", "Ban Thường vụ Tỉnh ủy đã họp.")]
    kept, dropped = select_documents(docs, gold_shingles([gold]))
    assert [d for d, _ in kept] == ["b", "d"]  # c is b with other spacing; d shares too little
    assert dropped == {"gold": 1, "duplicate": 1}


def test_keep_policy_keeps_labelled_and_a_seeded_share_of_the_rest():
    assert keep_sentence("x", 0, True, 0.0, 1)
    flags = [keep_sentence("doc", k, False, 0.25, 7) for k in range(4000)]
    assert 0.2 < sum(flags) / len(flags) < 0.3
    assert flags == [keep_sentence("doc", k, False, 0.25, 7) for k in range(4000)]
    assert not any(keep_sentence("doc", k, False, 0.0, 7) for k in range(100))


def test_build_resume_and_parameter_guard(tmp_path: Path):
    src = _write_jsonl(tmp_path / "news.jsonl", _docs(5))
    out = tmp_path / "weak"
    args = WeakCorpusArgs(inputs=[str(src)], out=str(out), shard_size=2, keep_empty=0.0)
    stats = build_weak_corpus(args, progress=False)
    assert stats["documents"] == 5
    assert sorted(p.name for p in (out / "shards").iterdir()) == [
        "00000.parquet", "00001.parquet", "00002.parquet"]
    # 3 sentences a document; the plain one has no entity and no topic, keep_empty=0 drops it
    assert stats["sentences_seen"] == 15
    assert stats["entities"]["MONEY"] == 5 and stats["entities"]["ORG"] >= 5
    from phogov.training.finetune import load_weak_rows

    rows = load_weak_rows(out)
    assert len(rows) == stats["sentences_kept"] < 15
    assert all(PLAIN not in r["text"] for r in rows)

    # an interrupted run: one shard is gone; resuming labels only that one, same result
    (out / "shards" / "00001.parquet").unlink()
    again = build_weak_corpus(args, progress=False)
    assert again["sentences_kept"] == stats["sentences_kept"]
    assert [r["text"] for r in load_weak_rows(out)] == [r["text"] for r in rows]

    with pytest.raises(ValueError, match="other parameters.*keep_empty"):
        build_weak_corpus(WeakCorpusArgs(inputs=[str(src)], out=str(out), shard_size=2,
                                         keep_empty=0.5), progress=False)


def test_cli_weak_label_excludes_the_bundled_dev_golds_by_default(tmp_path: Path, capsys):
    from phogov.cli import main

    gold_line = json.loads(
        (Path(__file__).resolve().parent.parent / "data" / "gold_real_dev.jsonl")
        .read_text(encoding="utf-8").splitlines()[3])
    docs = _docs(2) + [{"id": "leak", "text": gold_line["text"] * 2}]
    src = _write_jsonl(tmp_path / "news.jsonl", docs)
    assert main(["weak-label", "--input", str(src), "--out", str(tmp_path / "w")]) == 0
    out = capsys.readouterr().out
    assert "2 documents (1 gold dropped)" in out


def test_shuffle_mixes_sections_and_finished_shards_can_be_trained_on(tmp_path: Path):
    from phogov.training.finetune import load_weak_rows
    from phogov.training.weak_corpus import shuffled

    # a sorted input (all of section A, then all of B): a seeded order mixes them,
    # the same way on every run, and depends on the seed
    docs = [(f"A{i}", f"văn bản A {i}") for i in range(20)] + [
        (f"B{i}", f"văn bản B {i}") for i in range(20)]
    once = shuffled(docs, 42)
    assert once == shuffled(docs, 42) and sorted(once) == sorted(docs)
    assert once != shuffled(docs, 7)
    assert {d[0][0] for d in once[:10]} == {"A", "B"}

    src = _write_jsonl(tmp_path / "news.jsonl", _docs(4))
    out = tmp_path / "weak"
    stats = build_weak_corpus(WeakCorpusArgs(inputs=[str(src)], out=str(out), shard_size=2,
                                             keep_empty=0.0, shuffle=True), progress=False)
    # a stopped run has shards but no dataset yet: the error says where the shards are,
    # and OUT/shards loads exactly the finished ones
    import shutil

    shutil.rmtree(out / "dataset")
    (out / "shards" / "00001.parquet").unlink()
    with pytest.raises(FileNotFoundError, match="finished shards are in"):
        load_weak_rows(out)
    partial = load_weak_rows(out / "shards")
    assert 0 < len(partial) < stats["sentences_kept"]
    assert len({r["doc_id"] for r in partial}) == 2


def test_a_document_that_trips_a_rule_is_named_not_fatal(tmp_path: Path, monkeypatch):
    from phogov.training import weak_dataset

    real = weak_dataset.label_documents

    def flaky(docs, *args, **kwargs):
        if docs[0][0] == "d1":
            raise IndexError("list index out of range")
        return real(docs, *args, **kwargs)

    monkeypatch.setattr(weak_dataset, "label_documents", flaky)
    src = _write_jsonl(tmp_path / "news.jsonl", _docs(3))
    stats = build_weak_corpus(WeakCorpusArgs(inputs=[str(src)], out=str(tmp_path / "w"),
                                             shard_size=2, keep_empty=0.0), progress=False)
    assert stats["failed_documents"] == {"d1": "IndexError: list index out of range"}
    assert stats["dropped_documents"]["failed"] == 1
    assert stats["entities"]["MONEY"] == 2  # the two other documents are all there
