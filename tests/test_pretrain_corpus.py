"""The pretraining text: unique documents, none sharing an article with the dev golds."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from phogov.training import corpus
from phogov.training.corpus import resolve_exclusions, segment_corpus, unique_documents

ARTICLE = (
    "Chiều 12/3, Ủy ban nhân dân tỉnh Lào Cai tổ chức hội nghị sơ kết công tác quý I và "
    "triển khai nhiệm vụ trọng tâm quý II. Chủ tịch Ủy ban nhân dân tỉnh chủ trì hội nghị. "
    "Theo báo cáo, tổng thu ngân sách trên địa bàn ước đạt 2.150 tỷ đồng, tăng 12% so với "
    "cùng kỳ năm trước. Hội nghị thống nhất đẩy mạnh giải ngân vốn đầu tư công trong những "
    "tháng tiếp theo và tháo gỡ vướng mắc về giải phóng mặt bằng cho các dự án trọng điểm."
)
OTHER = ("Sáng nay, Sở Giáo dục và Đào tạo thành phố công bố phương án tuyển sinh lớp 10 "
         "năm học mới với nhiều điểm thay đổi về môn thi và cách tính điểm xét tuyển.")
STOCK = "tổng thu ngân sách trên địa bàn ước đạt 2.150 tỷ đồng, tăng 12% so với cùng kỳ"


def _jsonl(path: Path, texts: list[str], gz: bool = False) -> Path:
    data = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture
def gold_file(tmp_path) -> Path:
    """Gold sentences of ARTICLE (the format of data/gold_*.jsonl: one sentence a line)."""
    sents = [s.strip() + "." for s in ARTICLE.split(".") if s.strip()]
    return _jsonl(tmp_path / "gold.jsonl", sents)


def test_duplicates_and_gold_articles_are_left_out(tmp_path, gold_file):
    spaced = ARTICLE.replace(". ", ".  ")  # the same article, other spacing
    one_phrase = "Báo cáo cho biết " + STOCK + " nhờ nhiều giải pháp quyết liệt."
    src = _jsonl(tmp_path / "c.jsonl.gz", [OTHER, ARTICLE, OTHER, spaced, one_phrase], gz=True)
    docs, dropped = unique_documents([src], None, [gold_file])
    assert docs == [OTHER, one_phrase]  # one shared phrase is a genre's stock, not the article
    assert dropped == {"duplicate": 2, "gold": 1}  # OTHER again; the spaced copy of ARTICLE
    docs, dropped = unique_documents([src], None, [])
    assert docs == [OTHER, ARTICLE, one_phrase] and dropped == {"duplicate": 2}


def test_segmented_cache_records_what_was_left_out(tmp_path, gold_file):
    src = _jsonl(tmp_path / "c.jsonl", [ARTICLE, OTHER, OTHER])
    cache = segment_corpus([src], tmp_path / "seg.txt", processes=1, exclude=[gold_file])
    meta = json.loads((tmp_path / "seg.txt.json").read_text(encoding="utf-8"))
    assert meta["documents"] == 1 and meta["dropped_documents"] == {"duplicate": 1, "gold": 1}
    assert "Sở Giáo_dục" in cache.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=r"no documents left .*'gold': 1"):
        segment_corpus([_jsonl(tmp_path / "g.jsonl", [ARTICLE])], tmp_path / "seg2.txt",
                       processes=1, exclude=[gold_file])


def test_default_exclusions_are_the_dev_golds(tmp_path, monkeypatch):
    names = {Path(f).name for f in resolve_exclusions(None)}
    assert {"gold_real_dev.jsonl", "gold_seeds.jsonl"} <= names
    monkeypatch.setattr(corpus, "VNTC_DIR", tmp_path)
    assert "dev.jsonl.gz" not in {Path(f).name for f in resolve_exclusions(None)}
    (tmp_path / "dev.jsonl.gz").write_bytes(b"")
    assert str(tmp_path / "dev.jsonl.gz") in resolve_exclusions(None)
    assert resolve_exclusions(["none"]) == [] and resolve_exclusions([]) == []
    with pytest.raises(FileNotFoundError, match="nope.jsonl"):
        resolve_exclusions([tmp_path / "nope.jsonl"])


def test_default_corpus_says_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "VNTC_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match="--corpus"):
        corpus.default_corpus()
    (tmp_path / "train.jsonl.gz").write_bytes(b"")
    files = corpus.default_corpus()
    assert files[0] == str(tmp_path / "train.jsonl.gz")
    assert Path(files[1]).name == "gov_news.jsonl.gz" and Path(files[1]).is_file()


def test_pretraining_on_gold_articles_is_refused_by_default(tmp_path, monkeypatch):
    from phogov.training.pretrain import pretrain

    monkeypatch.setattr(corpus, "VNTC_DIR", tmp_path)  # the bundled golds alone: no ../shared

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[:1]
    with pytest.raises(ValueError, match="no documents left"):
        pretrain(seeds, tmp_path / "p", processes=1, show_progress=False)
