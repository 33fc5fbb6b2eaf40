"""``phogov export DIR --int8 / --onnx``: write the quantised runtimes into a model directory.

Each head is quantised from the fp32 weights in its directory, checked against them on
a padded batch of random ids (the tags must agree; a broken export fails here, not in a
user's predictions), and written atomically; ``runtimes.json`` records the SHA-256 of the
source weights so that ``phogov.runtime`` can refuse stale files. See ``phogov.runtime``
for the formats and how ``predict()`` picks one.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from phogov.runtime import (
    FILES,
    INT8,
    ONNX,
    RUNTIMES_FILE,
    compact_state,
    load_int8_head,
    quantize_module,
    read_runtimes,
    weights_digest,
    weights_file,
)

MIN_AGREEMENT = 0.98  # entity heads: share of tokens whose argmax equals fp32's on random ids
MAX_PROB_DIFF = 0.1  # topic heads: largest probability difference from fp32


def export_runtimes(model_dir: str | os.PathLike[str], int8: bool = False,
                    onnx: bool = False) -> dict[str, Any]:
    """Write the asked runtimes into ``model_dir``; returns the updated ``runtimes.json``."""
    from phogov.modeling import _read_manifest, _resolve_model_dir

    root = _resolve_model_dir(model_dir)
    if not (int8 or onnx):
        raise ValueError("nothing to export: ask for --int8 and/or --onnx")
    if onnx:
        _require_onnx_tools()
    info = _read_manifest(root)
    record = read_runtimes(root)
    for runtime, wanted in ((INT8, int8), (ONNX, onnx)):
        if not wanted:
            continue
        entry: dict[str, Any] = {"heads": {}, "created": _now(), **_versions(runtime)}
        for head in info.heads:
            source = weights_file(root / head)
            if source is None:
                raise FileNotFoundError(f"{root / head} holds no weights to quantise")
            model = _load_fp32_head(root, head)
            target = root / head / FILES[runtime]
            agreement = (_write_int8 if runtime == INT8 else _write_onnx)(model, target)
            entry["heads"][head] = {"file": f"{head}/{FILES[runtime]}",
                                    "source_sha256": weights_digest(source),
                                    "bytes": target.stat().st_size,
                                    "check_random_ids": agreement}
        record[runtime] = entry
    _atomic_write(root / RUNTIMES_FILE,
                  (json.dumps(record, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return record


def _load_fp32_head(root: Path, head: str) -> Any:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoModelForTokenClassification

    from phogov.modeling import _quiet_load, _transformers_quiet

    cls = AutoModelForTokenClassification if head == "ner" else AutoModelForSequenceClassification
    with _transformers_quiet():
        # eager attention: plain matmul/softmax ops that every exporter and runtime knows
        model = _quiet_load(cls, root / head, f"the {head} head in {root}", dtype=torch.float32,
                            attn_implementation="eager")
    return model.eval()


# --------------------------------------------------------------------------- int8 (torch)


def _write_int8(model: Any, target: Path) -> dict[str, float]:
    import torch

    qmodel = quantize_module(model)
    tmp = target.with_name(target.name + ".tmp")
    try:
        with warnings.catch_warnings():  # TypedStorage notice from quantised tensors
            warnings.simplefilter("ignore")
            torch.save(compact_state(qmodel.state_dict()), tmp)
        reloaded = load_int8_head(type(model), model.config, tmp)  # checked as it will load
        agreement = _agreement(model, lambda ids, mask: reloaded(input_ids=ids,
                                                                 attention_mask=mask))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return agreement


# --------------------------------------------------------------------------- ONNX


def _require_onnx_tools() -> None:
    import importlib.util

    missing = [m for m in ("onnx", "onnxruntime") if importlib.util.find_spec(m) is None]
    if missing:
        raise RuntimeError(f"--onnx needs the onnx extra ({', '.join(missing)} missing): "
                           "pip install 'phogov[onnx]'")


class _LogitsOnly:
    """Wrap a HF head so the exported graph has two inputs and one output, ``logits``."""

    @staticmethod
    def wrap(model: Any) -> Any:
        import torch

        class Wrapper(torch.nn.Module):
            def __init__(self, inner: Any) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, input_ids: Any, attention_mask: Any) -> Any:
                return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

        return Wrapper(model).eval()


def _write_onnx(model: Any, target: Path, opset: int = 17) -> dict[str, float]:
    """torch.onnx export (fp32, dynamic batch and length) → onnxruntime int8 weights."""
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    wrapped = _LogitsOnly.wrap(model)
    ids = torch.full((2, 12), 5, dtype=torch.long)
    mask = torch.ones_like(ids)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        quantised = Path(tmp) / "int8.onnx"
        _torch_export(wrapped, (ids, mask), fp32, opset)
        quantize_dynamic(str(fp32), str(quantised), weight_type=QuantType.QInt8,
                         per_channel=False)
        options = ort.SessionOptions()
        options.log_severity_level = 3
        session = ort.InferenceSession(str(quantised), options,
                                       providers=["CPUExecutionProvider"])

        def run(ids: Any, mask: Any) -> Any:
            out = session.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})
            return torch.from_numpy(out[0])

        agreement = _agreement(model, run)
        os.replace(quantised, target)
    return agreement


def _torch_export(module: Any, args: tuple, out: Path, opset: int) -> None:
    """The TorchScript exporter (one self-contained file, seconds); the dynamo exporter
    when a torch without it is installed."""
    import torch

    names = {"input_names": ["input_ids", "attention_mask"], "output_names": ["logits"]}
    axes = {"input_ids": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"},
            "logits": {0: "batch"}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer and deprecation notices, checked by _agreement
        try:
            torch.onnx.export(module, args, str(out), opset_version=opset, dynamic_axes=axes,
                              dynamo=False, **names)
            return
        except TypeError:  # a torch whose export() no longer takes dynamo=False
            pass
        batch, length = torch.export.Dim("batch"), torch.export.Dim("length", max=4096)
        shapes = {"input_ids": {0: batch, 1: length}, "attention_mask": {0: batch, 1: length}}
        torch.onnx.export(module, args, str(out), dynamic_shapes=shapes, dynamo=True,
                          external_data=False, **names)


# --------------------------------------------------------------------------- checks, files


def _agreement(model: Any, run: Any, seed: int = 0) -> dict[str, float]:
    """How close ``run`` is to the fp32 model on random ids of mixed lengths, padded.

    Entity heads: the share of real positions with the same argmax label (refused below
    ``MIN_AGREEMENT``). Topic heads: the largest difference of a probability (refused
    above ``MAX_PROB_DIFF``); random ids put many logits near 0, so signs would be noise.
    """
    import torch

    gen = torch.Generator().manual_seed(seed)
    vocab = int(model.config.vocab_size)
    pad = int(getattr(model.config, "pad_token_id", 1) or 1)
    lengths = [7, 23, 40, 61]
    ids = torch.randint(4, vocab, (len(lengths), max(lengths)), generator=gen)
    mask = torch.zeros_like(ids)
    for row, n in enumerate(lengths):
        mask[row, :n] = 1
        ids[row, n:] = pad
    with torch.inference_mode():
        ref = model(input_ids=ids, attention_mask=mask).logits.float()
        got = run(ids, mask)
        got = (got.logits if hasattr(got, "logits") else got).float()
    if ref.dim() == 3:  # token classification: real positions only
        keep = mask.bool()
        same = (ref.argmax(-1) == got.argmax(-1))[keep].float().mean().item()
        if same < MIN_AGREEMENT:
            raise RuntimeError(f"the quantised head agrees with fp32 on only {same:.1%} of "
                               f"tokens (need {MIN_AGREEMENT:.0%}); not written")
        return {"argmax_agreement": round(same, 4)}
    if getattr(model.config, "problem_type", None) == "single_label_classification":
        diff = (ref.softmax(-1) - got.softmax(-1)).abs().max().item()
    else:
        diff = (ref.sigmoid() - got.sigmoid()).abs().max().item()
    if diff > MAX_PROB_DIFF:
        raise RuntimeError(f"the quantised head's topic probabilities differ from fp32 by up "
                           f"to {diff:.3f} (allowed {MAX_PROB_DIFF}); not written")
    return {"max_prob_diff": round(diff, 4)}


def _versions(runtime: str) -> dict[str, str]:
    import torch

    out = {"torch": torch.__version__}
    if runtime == ONNX:
        import onnx
        import onnxruntime

        out.update(onnx=onnx.__version__, onnxruntime=onnxruntime.__version__)
    return out


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
