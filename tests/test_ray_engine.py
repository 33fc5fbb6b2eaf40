"""The Ray engine on a local Ray instance (2 CPUs): same output as the single-process path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

TEXTS = [
    "Thủ tướng Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ tháng 5.",
    "Doanh thu năm 2023 đạt 234.000 tỷ đồng, tăng 12,5% so với năm trước.",
    "Trời hôm nay đẹp.",
    "Ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Nghệ An, cho biết vốn đầu tư đạt 1.250 tỷ đồng.",
    "Bộ Tài chính giảm 3% chi thường xuyên. Ủy ban nhân dân thành phố Hà Nội họp.",
]


@pytest.fixture(scope="module")
def local_ray():
    from phogov.ray_engine import init_ray

    if ray.is_initialized():
        ray.shutdown()
    init_ray(num_cpus=2)
    yield ray
    ray.shutdown()


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ray_output_equals_the_single_process_output(local_ray, tiny_model: Path,
                                                     tmp_path: Path) -> None:
    import torch

    from phogov.corpus import run_corpus

    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                           for i, t in enumerate(TEXTS)), encoding="utf-8")
    local, distributed = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as each actor (1 CPU): the same kernels, the same floats
    try:
        run_corpus([str(src)], str(local), model=str(tiny_model), batch_docs=2, progress=False)
    finally:
        torch.set_num_threads(threads)
    # Half done and a broken last line, as a killed run leaves it: Ray finishes the rest.
    raw = local.read_bytes().splitlines(keepends=True)
    distributed.write_bytes(raw[0] + raw[1][:20])
    stats = run_corpus([str(src)], str(distributed), model=str(tiny_model), batch_docs=2,
                       engine="ray", progress=False, ray_options={"actors": 2, "chunk": 100})
    assert stats["documents"] == len(TEXTS) - 1 and stats["errors"] == 0
    got = {r["id"]: r for r in _lines(distributed)}
    assert len(got) == len(_lines(distributed)) == len(TEXTS)
    assert got == {r["id"]: r for r in _lines(local)}


def test_predict_dataset_takes_a_ray_dataset_with_its_own_column_names(local_ray) -> None:
    from phogov.predictor import predict
    from phogov.ray_engine import predict_dataset

    ds = ray.data.from_items([{"doc": f"x{i}", "body": t} for i, t in enumerate(TEXTS)])
    rows = predict_dataset(ds, "rules", id_column="doc", text_column="body", actors=1,
                           batch_docs=2).take_all()
    assert sorted(r["id"] for r in rows) == [f"x{i}" for i in range(len(TEXTS))]
    for r in rows:
        assert r["error"] is None
        assert json.loads(r["result"]) == predict(TEXTS[int(r["id"][1:])], model="rules")
    with pytest.raises(Exception, match="no 'text' column"):
        predict_dataset(ds, "rules", id_column="doc", actors=1).take_all()
