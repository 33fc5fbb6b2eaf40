"""Inference runtimes of a model directory: which one runs, and loading it.

- ``fp32``: the two Hugging Face heads as trained (``modeling.load_model``); the reference.
- ``int8``: the same heads with their Linear layers dynamically quantised
  to int8 by torch (``torch.ao.quantization.quantize_dynamic``); torch only, no extra.
- ``onnx``: each head exported to ONNX and its weights quantised to int8 by ONNX Runtime;
  needs the ``onnx`` extra (``pip install 'phogov[onnx]'``).

``phogov export DIR --int8 --onnx`` (``phogov.quantize``) writes the files next to the fp32
weights, and ``runtimes.json`` records the SHA-256 of the fp32 weights each was made from:
a directory retrained in place has stale quantised files, and they are not used.

Which runtime runs: the ``runtime=`` argument, else ``$PHOGOV_RUNTIME``, else ``auto`` =
the fastest usable one present (``PREFERENCE``, measured with ``phogov bench``). On a GPU,
``auto`` keeps fp32: both quantised formats are CPU kernels.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import warnings
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from phogov.errors import PhogovError

FP32, INT8, ONNX = "fp32", "int8", "onnx"
RUNTIMES = (FP32, INT8, ONNX)
AUTO = "auto"
ENV_RUNTIME = "PHOGOV_RUNTIME"
PREFERENCE = (ONNX, INT8, FP32)  # fastest first (phogov bench on the bundled model)
RUNTIMES_FILE = "runtimes.json"
FILES = {INT8: "model.int8.pt", ONNX: "model.int8.onnx"}
_WEIGHTS = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json")


class RuntimeUnavailable(PhogovError, RuntimeError):
    """The runtime asked for cannot run here; the message says how to make it available."""


# --------------------------------------------------------------------------- choosing


def requested_runtime(runtime: str | None = None) -> str:
    """The argument, else ``$PHOGOV_RUNTIME``, else ``auto``; checked against the known names."""
    value = runtime if runtime is not None else os.environ.get(ENV_RUNTIME) or AUTO
    name = str(value).strip().lower()
    if name not in (AUTO, *RUNTIMES):
        where = "runtime=" if runtime is not None else f"${ENV_RUNTIME}"
        raise ValueError(f"{where} {value!r} is not a runtime; choose one of "
                         f"{', '.join((AUTO, *RUNTIMES))}")
    return name


def weights_file(head_dir: Path) -> Path | None:
    """The fp32/fp16 weights file of one HF head directory (the quantised files' source)."""
    for name in _WEIGHTS:
        if (head_dir / name).is_file():
            return head_dir / name
    return None


def weights_digest(file: Path) -> str:
    """SHA-256 of a weights file (cached per path, size and mtime)."""
    st = file.stat()
    return _digest(str(file), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=16)
def _digest(path: str, _size: int, _mtime: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_runtimes(root: Path) -> dict[str, Any]:
    """``runtimes.json`` of a model directory ({} when there is none or it is unreadable)."""
    path = root / RUNTIMES_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        warnings.warn(f"{path} is not valid JSON ({exc}); its quantised runtimes are ignored",
                      stacklevel=2)
        return {}
    return data if isinstance(data, dict) else {}


def runtime_status(root: str | os.PathLike[str]) -> dict[str, str]:
    """Per runtime, ``""`` when it can run from ``root``, else why not (one line).

    Cached on the times and sizes of the files it reads (predict() asks on every call).
    """
    root = Path(root)
    names = ["phogov.json", RUNTIMES_FILE] + [f"{h}/{f}" for h in ("ner", "topics")
                                               for f in (*_WEIGHTS, *FILES.values())]
    stamp = []
    for name in names:
        try:
            st = (root / name).stat()
            stamp.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            continue
    return dict(_status(str(root), tuple(stamp)))


@lru_cache(maxsize=32)
def _status(path: str, _stamp: tuple) -> tuple[tuple[str, str], ...]:
    from phogov.modeling import _read_manifest

    root = Path(path)
    heads = _read_manifest(root).heads
    recorded = read_runtimes(root)
    status = {FP32: ""}
    for runtime in (INT8, ONNX):
        entry = recorded.get(runtime) or {}
        files = entry.get("heads") or {}
        reason = ""
        for head in heads:
            rec = files.get(head)
            file = root / head / FILES[runtime]
            if not rec or not file.is_file():
                reason = f"not exported (run `phogov export {root} --{runtime}`)"
                break
            source = weights_file(root / head)
            if source is None or weights_digest(source) != rec.get("source_sha256"):
                reason = (f"stale: {head}/{FILES[runtime]} was made from other weights than "
                          f"{head}/ holds now (re-run `phogov export {root} --{runtime}`)")
                break
        if not reason and runtime == ONNX and importlib.util.find_spec("onnxruntime") is None:
            reason = "onnxruntime is not installed (pip install 'phogov[onnx]')"
        status[runtime] = reason
    return tuple(status.items())


def choose_runtime(root: str | os.PathLike[str], runtime: str | None = None,
                   device: Any = None) -> str:
    """The runtime to load for ``root``: as asked, or the fastest usable one for ``auto``."""
    from phogov.modeling import resolve_device

    asked = requested_runtime(runtime)
    on_gpu = resolve_device(device).type != "cpu"
    if asked == FP32:
        return FP32
    status = runtime_status(root)
    if asked == AUTO:
        if on_gpu:
            return FP32
        return next(r for r in PREFERENCE if not status[r])
    if on_gpu:
        raise RuntimeUnavailable(f"runtime {asked!r} runs on the CPU only; pass device='cpu' "
                                 "or runtime='fp32' on a GPU")
    if status[asked]:
        raise RuntimeUnavailable(f"runtime {asked!r} is not available for {root}: {status[asked]}")
    return asked


# --------------------------------------------------------------------------- loading


def load_runtime_model(name_or_dir: str | os.PathLike[str], runtime: str | None = None,
                       device: Any = None) -> Any:
    """A :class:`~phogov.modeling.PhogovModel` whose heads run in the chosen runtime.

    Cached per directory, runtime and file times; ``model.runtime`` names the runtime.
    """
    from phogov.modeling import MANIFEST, _require, _resolve_model_dir, load_model

    path = _resolve_model_dir(name_or_dir)
    _require(path / MANIFEST, path)
    chosen = choose_runtime(path, runtime, device)
    if chosen == FP32:
        model = load_model(path, device)
        model.runtime = FP32
        return model
    from phogov.modeling import _LOAD_LOCK

    stamp = tuple((path / f).stat().st_mtime_ns for f in (MANIFEST, RUNTIMES_FILE))
    with _LOAD_LOCK:  # one load per model and runtime, whatever the number of threads
        return _load_quantised(str(path), chosen, torch_threads(), stamp)


def torch_threads() -> int:
    import torch

    return torch.get_num_threads()


@lru_cache(maxsize=4)
def _load_quantised(path: str, runtime: str, threads: int, _stamp: tuple[int, ...]) -> Any:
    from transformers import (
        AutoConfig,
        AutoModelForSequenceClassification,
        AutoModelForTokenClassification,
        AutoTokenizer,
    )

    from phogov.modeling import (
        PhogovModel,
        _quiet_load,
        _read_manifest,
        _require,
        _transformers_quiet,
    )

    root = Path(path)
    info = _read_manifest(root)
    classes = {"ner": AutoModelForTokenClassification,
               "topics": AutoModelForSequenceClassification}
    heads: dict[str, Any] = {}
    tok_dir = root / info.heads[0]
    _require(tok_dir / "tokenizer_config.json", root)
    with _transformers_quiet():
        tokenizer = _quiet_load(AutoTokenizer, tok_dir, f"the tokenizer in {tok_dir}")
        for name in info.heads:
            config = _quiet_load(AutoConfig, root / name, f"the {name} config in {root}")
            file = root / name / FILES[runtime]
            if runtime == INT8:
                heads[name] = load_int8_head(classes[name], config, file)
            else:
                heads[name] = OnnxHead(file, config, threads)
    model = PhogovModel(tokenizer, heads.get("ner"), heads.get("topics"), info, "cpu")
    model.path = root
    model.runtime = runtime
    return model


def quantize_module(model: Any) -> Any:
    """int8 dynamic quantisation of the Linear layers (int8 weights, activations quantised
    on the fly); returns a new module. Embeddings stay float: torch's quantised embedding
    lookup made the whole forward ~1.5× slower here, for a smaller file only."""
    import torch

    with warnings.catch_warnings():  # torch.ao's notice that torchao is the future API
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model.eval(), {torch.nn.Linear},
                                                      dtype=torch.qint8)


HALF_FROM = 65536  # float tensors this large (the embedding tables) are stored in fp16


def compact_state(state: dict[str, Any]) -> dict[str, Any]:
    """A quantised head's state dict for disk: large float tensors in fp16 (loading copies
    them back into fp32 parameters; exact for the fp16-stored bundled weights)."""
    from collections import OrderedDict

    import torch

    out = OrderedDict((k, v.half() if isinstance(v, torch.Tensor) and v.dtype == torch.float32
                       and v.numel() >= HALF_FROM else v) for k, v in state.items())
    out._metadata = getattr(state, "_metadata", None)  # module versions: quantised Linear
    return out  # reads its packed weights by version


def load_int8_head(cls: Any, config: Any, file: Path) -> Any:
    """Rebuild a quantised head from its config and saved state dict (no fp32 weights read)."""
    import torch

    from phogov.modeling import ModelLoadError

    make = getattr(cls, "from_config", None) or cls  # an Auto class, or a model class
    model = make(config).float()  # random init, every tensor replaced below
    qmodel = quantize_module(model)
    try:
        with warnings.catch_warnings():  # TypedStorage notice from quantised tensors
            warnings.simplefilter("ignore")
            state = torch.load(file, map_location="cpu", weights_only=True)
            qmodel.load_state_dict(state, strict=True)
    except Exception as exc:  # noqa: BLE001 - any failure becomes one line naming the file
        raise ModelLoadError(f"could not load the int8 head {file}: {type(exc).__name__}: "
                             f"{str(exc)[:300]} (re-run `phogov export DIR --int8`)") from None
    return qmodel.eval()


class OnnxHead:
    """An ONNX Runtime session that answers like a HF head: ``head(**inputs).logits``."""

    def __init__(self, file: Path, config: Any, threads: int = 1) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        # No busy-waiting between ops: on shared cores and with --workers processes,
        # spinning threads only take CPU from the others (measured: 20-30 % faster here).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self.session = ort.InferenceSession(str(file), options,
                                                providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001
            from phogov.modeling import ModelLoadError

            raise ModelLoadError(f"could not load the ONNX head {file}: {type(exc).__name__}: "
                                 f"{str(exc)[:300]} (re-run `phogov export DIR --onnx`)") from None
        self.config = config
        self.inputs = [i.name for i in self.session.get_inputs()]

    def to(self, device: Any) -> OnnxHead:
        return self

    def eval(self) -> OnnxHead:
        return self

    def __call__(self, input_ids: Any, attention_mask: Any, **_: Any) -> SimpleNamespace:
        import numpy as np
        import torch

        feed = {"input_ids": np.ascontiguousarray(input_ids.cpu().numpy()),
                "attention_mask": np.ascontiguousarray(attention_mask.cpu().numpy())}
        logits = self.session.run(None, {k: feed[k] for k in self.inputs})[0]
        return SimpleNamespace(logits=torch.from_numpy(logits))
