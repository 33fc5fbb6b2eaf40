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
    """With int8, whose scores depend on the batch: Ray must get the local batches."""
    import shutil

    import torch

    from phogov.corpus import run_corpus
    from phogov.quantize import export_runtimes

    model = tmp_path / "model"
    shutil.copytree(tiny_model, model)
    export_runtimes(model, int8=True)

    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                           for i, t in enumerate(TEXTS)), encoding="utf-8")
    first = tmp_path / "first.jsonl"
    run_corpus([str(src)], str(first), model="rules", progress=False)
    killed = first.read_bytes().splitlines(keepends=True)
    killed = killed[0] + killed[1][:20]  # one done, one half-written: a killed run
    local, distributed = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    local.write_bytes(killed)
    distributed.write_bytes(killed)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as each actor (1 CPU): the same kernels, the same floats
    try:
        run_corpus([str(src)], str(local), model=str(model), batch_docs=2, runtime="int8",
                   progress=False)
    finally:
        torch.set_num_threads(threads)
    stats = run_corpus([str(src)], str(distributed), model=str(model), batch_docs=2,
                       runtime="int8", engine="ray", progress=False,
                       ray_options={"actors": 2, "chunk": 3})
    assert stats["documents"] == len(TEXTS) - 1 and stats["errors"] == 0
    lines = _lines(distributed)
    assert sorted(r["id"] for r in lines) == [f"d{i}" for i in range(len(TEXTS))]
    assert {r["id"]: r for r in lines} == {r["id"]: r for r in _lines(local)}


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
