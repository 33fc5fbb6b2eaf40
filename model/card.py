"""The model card (``README.md`` with the Hugging Face YAML header) of a model directory.

Written from ``phogov.json`` (labels, thresholds, base, dev metrics) and, when
``phogov evaluate --model DIR --card`` has run, the gold evaluation in
``DIR/eval_results.json``; so the card always states numbers a script produced.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

CARD = "README.md"
EVAL_RESULTS = "eval_results.json"
CORPUS_NOTE = (
    "Weak labels come from phogov's rules run over Vietnamese government news from the "
    "VNTC corpus (Vu Cong Duy Hoang et al., 2007; MIT licence)."
)


def _backbone_note(base: str) -> str:
    """What the backbone was pretrained on, when it is a phogov-made local backbone."""
    info_path = Path(base) / "backbone.json"
    if not info_path.is_file():
        return f"Backbone: `{base}`."
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return f"Backbone: `{base}`."
    steps = info.get("pretrained_steps", 0)
    corpus = ", ".join(Path(c).name for c in info.get("settings", {}).get("corpus_files", [])
                       or info.get("corpus", []))
    if not steps:
        return (f"Backbone: a randomly initialised PhoBERT-format RoBERTa (`phogov make-backbone`, "
                f"tokenizer learnt from {corpus or 'a local corpus'}); no pretraining.")
    return (f"Backbone: a PhoBERT-format RoBERTa pretrained here with masked-language modelling "
            f"for {steps} steps on {corpus} (VNTC, MIT licence), tokenizer learnt from the same "
            f"text (`phogov pretrain`).")


def _model_index(name: str, report: dict[str, Any], dataset: str) -> list[dict[str, Any]]:
    ents = [{"type": "f1", "name": f"{lab} F1", "value": round(v["f1"], 4)}
            for lab, v in report["entities"].items()]
    tops = [{"type": "f1", "name": f"topics {k}-F1", "value": round(report["topics"][k]["f1"], 4)}
            for k in ("micro", "macro")]
    extra = [{"type": "accuracy", "name": f"{k} accuracy", "value": round(report[k]["accuracy"], 4)}
             for k in ("values", "titles")]
    ds = {"name": dataset, "type": "phogov-gold"}
    return [{"name": name, "results": [
        {"task": {"type": "token-classification"}, "dataset": ds, "metrics": ents + extra},
        {"task": {"type": "text-classification"}, "dataset": ds, "metrics": tops},
    ]}]


LOSS_PLOT = "pretraining_loss.png"  # shipped next to the card when the backbone was pretrained


def _yaml(data: dict[str, Any]) -> str:
    """YAML without anchors/aliases (``&id001``): the Hub's card parser reads it plainly."""

    class NoAliases(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False).strip()


def _is_local(base: str) -> bool:
    """A backbone given as a local path, whether or not it exists on this machine (a card
    rewritten elsewhere must not turn ``local:phogov-mini`` into ``runs/v1/phogov-mini``);
    a Hub id is ``name`` or ``owner/name``. A missing one-slash path (``runs/mini``) reads
    as a Hub id: the two cannot be told apart from the string alone."""
    return bool(base) and (Path(base).is_dir() or base.count("/") > 1
                           or base.startswith((".", "/", "~")) or "\\" in base)


def write_card(model_dir: str | Path, license_: str = "mit") -> Path:
    """(Re)write ``model_dir/README.md`` from the manifest and any saved evaluation."""
    root = Path(model_dir)
    info = json.loads((root / "phogov.json").read_text(encoding="utf-8"))
    evaluations = read_evaluations(root)
    evaluation = evaluations[0] if evaluations else None
    name = root.name
    base = str(info.get("base_model", ""))
    header: dict[str, Any] = {
        "language": "vi",
        "license": license_,
        "library_name": "transformers",
        "base_model": f"local:{Path(base).name}" if _is_local(base) else base,
        "tags": ["phogov", "phobert", "token-classification", "text-classification",
                 "vietnamese", "government-news"],
        "pipeline_tag": "token-classification",
    }
    if evaluation:
        header["metrics"] = ["f1", "accuracy"]
        header["model-index"] = _model_index(name, evaluation["report"], evaluation["gold"])
    lines = ["---", _yaml(header), "---",
             "", f"# {name}", "",
             "A phogov model: entities (OFFICIAL, ORG, MONEY, "
             "PERCENT) and multi-label sentence topics in Vietnamese government and Party news.",
             "", "```python", "from phogov import predict",
             f'predict("Bí thư Tỉnh ủy chủ trì hội nghị.", model="{name}")', "```", "",
             "## Layout", "",
             "`ner/` is a standard `AutoModelForTokenClassification` (IOB2 tags "
             f"{', '.join(info.get('ner_labels', []))}); `topics/` a standard "
             "`AutoModelForSequenceClassification` "
             f"({info.get('topic_problem_type', '')}, labels "
             f"{', '.join(info.get('topic_labels', []))}); `phogov.json` holds the topic "
             "thresholds tuned on dev, the word segmenter "
             f"(`{info.get('segmenter')}`; inputs are word-segmented like PhoBERT's) and "
             f"the window length ({info.get('max_length')} subwords, stride {info.get('stride')}).",
             "", "## Training", "", info.get("training_note") or _backbone_note(base), "",
             CORPUS_NOTE, ""]
    if (root / LOSS_PLOT).is_file():
        lines += [f"Pretraining loss curve: ![MLM loss]({LOSS_PLOT})", ""]
    metrics = info.get("metrics", {})
    if metrics:
        lines += ["Dev metrics at the end of training (dev = held-out weak-labelled documents "
                  "unless gold dev files were given):", "", "```json",
                  json.dumps(metrics, indent=1, ensure_ascii=False), "```", ""]
    combine = info.get("combine") or {}
    if combine and any(v != "model" for v in combine.values()):
        lines += ["## Rules beside the model", "",
                  "`predict()` runs phogov's rules beside this model and merges them per label "
                  "(`phogov.combine`, chosen on dev gold by `phogov tune-combine`): "
                  + ", ".join(f"{k} `{v}`" for k, v in combine.items())
                  + ". `predict(..., pure=True)` / `phogov evaluate --pure` give the model alone.",
                  ""]
    if evaluations:
        lines += ["## Evaluation", ""]
    for ev in evaluations:
        rep = ev["report"]
        lines += [f"### {ev['gold']} ({ev.get('system', 'model')})", "", f"`{ev['command']}`",
                  "", "| label | P | R | F1 | support |", "|---|---|---|---|---|"]
        for lab, v in [*rep["entities"].items(), *rep["topics"].items()]:
            lines.append(f"| {lab} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} "
                         f"| {v['support']} |")
        lines += ["", f"Values accuracy {rep['values']['accuracy']:.3f} "
                  f"(n={rep['values']['support']}), titles accuracy "
                  f"{rep['titles']['accuracy']:.3f} (n={rep['titles']['support']}).", ""]
    lines += ["## Limits", "",
              "Trained on weak labels: it learns the rules' view of the guideline and their "
              "mistakes. Check numbers that matter against the text.", ""]
    out = root / CARD
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def read_evaluations(model_dir: str | Path) -> list[dict[str, Any]]:
    """The gold evaluations saved next to a model (one per gold file and system)."""
    path = Path(model_dir) / EVAL_RESULTS
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    if "report" in data:  # the single-evaluation format of phogov 0.1
        return [data]
    return list(data.get("evaluations", []))


def record_evaluation(model_dir: str | Path, gold: str, report: dict[str, Any],
                      command: str, system: str = "model") -> Path:
    """Save a gold evaluation next to the model (replacing the same gold and system's)
    and rewrite the card with all of them."""
    root = Path(model_dir)
    payload = {"gold": Path(gold).name, "system": system, "command": command, "report": report}
    evaluations = read_evaluations(root)
    key = (payload["gold"], system)
    at = next((k for k, e in enumerate(evaluations)
               if (e["gold"], e.get("system", "model")) == key), None)
    if at is None:
        evaluations.append(payload)
    else:  # in place: the first evaluation is the card's model-index, keep which one it is
        evaluations[at] = payload
    (root / EVAL_RESULTS).write_text(
        json.dumps({"evaluations": evaluations}, indent=1, ensure_ascii=False,
                   allow_nan=False) + "\n", encoding="utf-8")
    return write_card(root)
