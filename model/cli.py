"""The ``phogov`` command: each subcommand is a thin call into a module."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from phogov.errors import PhogovError


def _add_dataclass_args(
    parser: argparse.ArgumentParser, cls: type, skip: Sequence[str] = ()
) -> None:
    """Expose a dataclass's fields as ``--flags`` (help from field metadata)."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        flags = ["--" + f.name.replace("_", "-"), *f.metadata.get("aliases", ())]
        kind = hints[f.name]
        help_ = f.metadata.get("help", "")
        default = None if f.default is dataclasses.MISSING else f.default
        if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
            default = f.default_factory()  # type: ignore[misc]
        origin = typing.get_origin(kind)
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        if kind is bool:
            parser.add_argument(*flags, dest=f.name, action=argparse.BooleanOptionalAction,
                                default=default, help=help_)
        elif origin in (list, tuple) or (args and typing.get_origin(args[0]) in (list, tuple)):
            parser.add_argument(*flags, dest=f.name, nargs="+", default=default, help=help_)
        else:
            base = args[0] if args else kind
            conv = _bool_or_auto if base is bool else base if base in (int, float) else str
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING  # type: ignore[misc]
            parser.add_argument(*flags, dest=f.name, type=conv, default=default,
                                required=required, help=help_)


def _bool_or_auto(value: str) -> bool | None:
    """``--bf16 yes|no|auto`` for optional booleans (auto = None = decide at run time)."""
    v = value.strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    if v in ("auto", "none"):
        return None
    raise argparse.ArgumentTypeError(f"expected yes, no or auto, got {value!r}")


def _dataclass_from(ns: argparse.Namespace, cls: type, **extra):
    names = {f.name for f in dataclasses.fields(cls)}
    values = {k: v for k, v in vars(ns).items() if k in names}
    values.update(extra)
    return cls(**values)


# --------------------------------------------------------------------------- commands


def cmd_weak_label(ns: argparse.Namespace) -> int:
    from phogov.training.weak_corpus import WeakCorpusArgs, build_weak_corpus, default_exclude

    args = WeakCorpusArgs(
        inputs=list(ns.input), out=ns.out, shard_size=ns.shard_size, workers=ns.workers,
        keep_empty=ns.keep_empty, segmenter=ns.segmenter, seed=ns.seed, limit=ns.limit,
        shuffle=ns.shuffle,
        exclude=default_exclude() if ns.exclude is None else list(ns.exclude),
    )
    stats = build_weak_corpus(args)
    dropped = ", ".join(f"{v} {k}" for k, v in sorted(stats["dropped_documents"].items()))
    print(f"{stats['documents']} documents ({dropped or 'none'} dropped), "
          f"{stats['sentences_kept']} of {stats['sentences_seen']} sentences kept "
          f"→ {stats['dataset']} ({stats['seconds_this_run']:.0f} s)")
    print("entities:", ", ".join(f"{k} {v}" for k, v in stats["entities"].items()))
    print("topics:  ", ", ".join(f"{k} {v}" for k, v in stats["topics"].items()))
    return 0


def cmd_assemble(ns: argparse.Namespace) -> int:
    from phogov.assemble import assemble

    out = assemble(ns.out, ns.ner, ns.topics)
    print(f"{out}: entity head from {ns.ner}, topic head from {ns.topics}")
    return 0


def cmd_tune_combine(ns: argparse.Namespace) -> int:
    from phogov.eval.combine_tuning import format_summary, tune

    summary = tune(ns.model, ns.gold, write=not ns.dry_run)
    print(format_summary(summary))
    if ns.json:
        Path(ns.json).parent.mkdir(parents=True, exist_ok=True)
        Path(ns.json).write_text(json.dumps(summary, indent=1, allow_nan=False) + "\n",
                                 encoding="utf-8")
    if not ns.dry_run:
        print(f"policy written to {Path(ns.model) / 'phogov.json'}")
    return 0


def cmd_evaluate(ns: argparse.Namespace) -> int:
    from phogov.eval.evaluate import run

    run(ns.gold, ns.model, ns.json, card=ns.card, pure=ns.pure)
    return 0


def cmd_compare(ns: argparse.Namespace) -> int:
    from phogov.eval.evaluate import compare

    compare(ns.gold, ns.models, ns.names, ns.json)
    return 0


def cmd_ablation(ns: argparse.Namespace) -> int:
    from phogov.eval.ablation import run
    from phogov.training.weak_corpus import default_exclude

    golds = {Path(g).name: g for g in default_exclude()}
    dev = ns.dev or golds.get("gold_real_dev.jsonl")
    seeds = ns.seeds or golds.get("gold_seeds.jsonl")
    if not dev or not seeds:
        raise SystemExit("phogov: error: give --dev and --seeds (no bundled gold found)")
    run(ns.rows, dev, seeds, ns.json)
    return 0


def cmd_predict(ns: argparse.Namespace) -> int:
    from phogov.predictor import predict

    if (ns.text is None) == (ns.file is None):
        raise ValueError("give either TEXT or --file F")
    text = _argument_text(ns.text) if ns.file is None else read_text_file(ns.file)
    result = predict(text, model=ns.model)
    if getattr(ns, "html", None):
        _write_html_note(result, ns.html, title=None if ns.file is None else Path(ns.file).name)
    if ns.json:
        print(json.dumps(result, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(format_prediction(result))
    return 0


def _argument_text(arg: str) -> str:
    """A command-line TEXT with each undecodable byte (``\\udcXX``, Python's stand-in for a
    non-UTF-8 byte) shown as U+FFFD, one for one, so it can be printed and offsets hold."""
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in arg)


def read_text_file(path: str) -> str:
    """A UTF-8 text file; a bad byte is reported as ``file:line: problem``."""
    from phogov.errors import InputError

    file = Path(path)
    if file.is_dir():
        raise InputError(file, "is a directory, expected a text file")
    data = file.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(file, f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                         line) from None


def format_prediction(result: dict) -> str:
    """A readable view of one predict() result."""
    lines = ["Topics: " + (", ".join(f"{t['label']} {t['score']:.2f}" for t in result["topics"])
                          or "—"), "", "Entities:"]
    for e in result["entities"]:
        extra = ""
        if "values" in e:
            extra = f"  values={e['values']}" + (f" {e['unit']}" if e.get("unit") else "")
        if e.get("titles"):
            extra = "  titles=" + "; ".join(e["titles"])
        lines.append(f"  [{e['start']:>5}:{e['end']:<5}] {e['label']:<8} {e['text']}{extra}")
    lines += ["", "Sentences:"]
    for s in result["sentences"]:
        tops = ",".join(t["label"] for t in s["topics"]) or "-"
        lines.append(f"  {tops:<24} {s['text'][:90]}")
    return "\n".join(lines)


def _write_html_note(results, path: str, title: str | None = None) -> None:
    """The HTML view of predict output, written atomically; the path goes to stderr."""
    from phogov.render import write_html

    out = write_html(results, path, title=title)
    print(f"HTML view written to {out}", file=sys.stderr)


def cmd_render(ns: argparse.Namespace) -> int:
    from phogov.render import read_results

    _write_html_note(read_results(ns.results), ns.out, title=Path(ns.results).name)
    return 0


def cmd_serve(ns: argparse.Namespace) -> int:
    try:
        from phogov.serve import Limits, serve
    except ImportError as exc:
        raise RuntimeError(f"`phogov serve` needs the serve extra ({exc.name} is missing): "
                           "pip install 'phogov[serve]'") from None
    given = {"max_body_bytes": ns.max_body_bytes, "max_texts": ns.max_texts,
             "max_chars": ns.max_chars}
    limits = Limits(**{k: v for k, v in given.items() if v is not None})
    serve(ns.model, host=ns.host, port=ns.port, limits=limits)
    return 0


def _add_view_commands(sub) -> None:
    """`predict --html`, `render` and `serve`: seeing results and serving the model."""
    sub.choices["predict"].add_argument(
        "--html", default=None, metavar="OUT.html",
        help="also write the HTML view of the result here (self-contained page)")

    r = sub.add_parser("render", help="the HTML view of saved predict output (JSON or JSONL)")
    r.add_argument("results", help="predict --json output, a JSON list, or JSON lines with 'id'")
    r.add_argument("--out", required=True, metavar="OUT.html")
    r.set_defaults(func=cmd_render)

    s = sub.add_parser("serve", help="an HTTP service: POST /predict, GET / (a page), /health")
    s.add_argument("--model", default=None, help="model dir/id, 'rules', or $PHOGOV_MODEL")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--max-body-bytes", type=int, default=None,
                   help="larger request bodies get 413 (default 2 MiB; /health lists the limits)")
    s.add_argument("--max-texts", type=int, default=None,
                   help="more texts in one request get 422 (default 64)")
    s.add_argument("--max-chars", type=int, default=None,
                   help="a longer text, in characters, gets 422 (default 200000)")
    s.set_defaults(func=cmd_serve)


def cmd_lf_report(ns: argparse.Namespace) -> int:
    from phogov.eval.lf_report import format_report, run

    report = run(ns.gold, ns.aggregator)
    if ns.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report))
    return 0


def cmd_fit_label_model(ns: argparse.Namespace) -> int:
    from phogov.rules.label_model import fit_from_corpus

    model, stats = fit_from_corpus(ns.corpus, ns.out, docs=ns.docs, seed=ns.seed)
    print(f"label model fitted on {stats['documents']} documents, {stats['items']} candidate "
          f"spans, {len(model.sources)} labelling functions in {stats['seconds']:.0f} s "
          f"({stats['iterations']} EM iterations) → {ns.out}")
    return 0


def _with_aggregator(func):
    """Run a command with ``--aggregator`` as the rules' default aggregator."""
    def run(ns: argparse.Namespace) -> int:
        from phogov.rules.aggregate import using

        with using(ns.aggregator):
            return func(ns)
    return run


def _add_lf_commands(sub) -> None:
    """`lf-report`, `fit-label-model`, and `--aggregator` on the commands that run the rules."""
    from phogov.rules.aggregate import AGGREGATORS, DEFAULT_AGGREGATOR

    agg_help = f"how the rules' overlapping spans are resolved (default {DEFAULT_AGGREGATOR})"
    for name in ("evaluate", "compare"):
        cmd = sub.choices[name]
        cmd.add_argument("--aggregator", choices=AGGREGATORS, default=DEFAULT_AGGREGATOR,
                         help=agg_help)
        cmd.set_defaults(func=_with_aggregator(cmd.get_default("func")))

    lf = sub.add_parser("lf-report", help="per labelling function: coverage, overlaps, "
                                          "conflicts, precision/recall against gold")
    lf.add_argument("gold", nargs="+", help="gold JSONL files (pooled)")
    lf.add_argument("--aggregator", choices=AGGREGATORS, default=DEFAULT_AGGREGATOR,
                    help=agg_help)
    lf.add_argument("--json", action="store_true", help="print JSON instead of a table")
    lf.set_defaults(func=cmd_lf_report)

    fm = sub.add_parser("fit-label-model",
                        help="fit the generative label model by EM on unlabelled news")
    fm.add_argument("--corpus", nargs="+", default=["data/gov_news.jsonl.gz"],
                    help=".txt / .jsonl(.gz) files or folders of unlabelled documents")
    fm.add_argument("--out", default="data/label_model.json")
    fm.add_argument("--docs", type=int, default=600, help="documents sampled from the corpus")
    fm.add_argument("--seed", type=int, default=13)
    fm.set_defaults(func=cmd_fit_label_model)


def cmd_make_backbone(ns: argparse.Namespace) -> int:
    from phogov.training.backbone import make_backbone

    make_backbone(ns.out, ns.corpus, layers=ns.layers, hidden=ns.hidden, heads=ns.heads,
                  intermediate=ns.intermediate, vocab_size=ns.vocab_size, seed=ns.seed,
                  max_lines=ns.max_lines, cache_dir=ns.cache_dir,
                  tokenizer_from=ns.tokenizer_from)
    print(f"backbone written to {ns.out}")
    return 0


def _training_command(module: str, cls_name: str, fn_name: str,
                      done: Callable[[Any], str]) -> Callable[[argparse.Namespace], int]:
    """A training subcommand: its flags fill the module's argument dataclass, the module's
    function runs on it, and ``done(result)`` is printed."""

    def run(ns: argparse.Namespace) -> int:
        import importlib

        mod = importlib.import_module(module)
        print(done(getattr(mod, fn_name)(_dataclass_from(ns, getattr(mod, cls_name)))))
        return 0

    return run


cmd_pretrain = _training_command("phogov.training.pretrain", "PretrainArgs",
                                 "pretrain_from_args",
                                 lambda out: f"pretrained model written to {out}")
cmd_train = _training_command("phogov.training.finetune", "FinetuneArguments", "train",
                              lambda out: f"model written to {out}")
cmd_self_train = _training_command("phogov.training.self_training", "SelfTrainArguments",
                                   "self_train", lambda out: f"best model written to {out}")
cmd_train_topics = _training_command(
    "phogov.training.topics", "TopicTrainArguments", "train_topics",
    lambda report: json.dumps(report, ensure_ascii=False, indent=2))


def cmd_export(ns: argparse.Namespace) -> int:
    from phogov.export import export_model

    if ns.out is None and not (ns.int8 or ns.onnx):
        raise ValueError("give --out DIR (a shipping copy) and/or --int8 / --onnx")
    out = Path(ns.model) if ns.out is None else export_model(ns.model, ns.out, half=not ns.fp32)
    if ns.int8 or ns.onnx:
        from phogov.quantize import export_runtimes

        for name, entry in export_runtimes(out, int8=ns.int8, onnx=ns.onnx).items():
            if (name == "int8" and ns.int8) or (name == "onnx" and ns.onnx):
                size = sum(h["bytes"] for h in entry["heads"].values())
                print(f"{name}: {', '.join(entry['heads'])} written into {out} "
                      f"({size / 2**20:.1f} MiB)")
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"model exported to {out} ({size / 2**20:.1f} MiB)")
    return 0


def cmd_bench(ns: argparse.Namespace) -> int:
    from phogov.eval.bench import run_bench

    run_bench(ns.model, runtimes=ns.runtimes, baseline=ns.baseline, sentences=ns.sentences,
              batch_size=ns.batch_size, inputs=ns.input, json_out=ns.json, repeats=ns.repeats,
              threads=ns.threads)
    return 0


# --------------------------------------------------------------------------- parser


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; training flags are read from their dataclass only when that command runs."""
    argv = list(sys.argv[1:] if argv is None else argv)
    p = argparse.ArgumentParser(prog="phogov", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    w = sub.add_parser("weak-label", help="label documents with the rules into a datasets dir")
    w.add_argument("--input", nargs="+", required=True,
                   help=".txt files, .jsonl/.jsonl.gz files with a 'text' field, or folders")
    w.add_argument("--out", required=True, help="output dataset directory")
    w.add_argument("--segmenter", default="pyvi")
    w.add_argument("--limit", type=int, default=None, help="only the first N documents")
    w.add_argument("--workers", type=int, default=1, help="labelling processes")
    w.add_argument("--shard-size", type=int, default=400,
                   help="documents per shard (the unit of resuming)")
    w.add_argument("--keep-empty", type=float, default=0.25,
                   help="share of sentences with no entity and no topic that is kept")
    w.add_argument("--exclude", nargs="*", default=None,
                   help="gold files whose articles are left out (default: the bundled dev golds)")
    w.add_argument("--seed", type=int, default=42)
    w.add_argument("--shuffle", action="store_true",
                   help="label documents in a seeded order mixing all sections, so the "
                        "finished shards of a long run are a sample (train on OUT/shards)")
    w.set_defaults(func=cmd_weak_label)

    e = sub.add_parser("evaluate", help="score a model (or the rules) on gold JSONL")
    e.add_argument("gold", help="gold sentences, JSONL as in ANNOTATION.md")
    e.add_argument("--model", default="rules", help="'rules' or a model directory / id")
    e.add_argument("--json", default=None, help="write the report as JSON here")
    e.add_argument("--card", action="store_true",
                   help="also record the results in the model directory's model card")
    e.add_argument("--pure", action="store_true",
                   help="score the fine-tuned model alone, without the rules its directory "
                        "combines it with (also: --model pure:DIR, e.g. in `compare`)")
    e.set_defaults(func=cmd_evaluate)

    asm = sub.add_parser("assemble", help="one model dir from the entity head of one model "
                                          "and the topic head of another")
    asm.add_argument("out", help="the new model directory")
    asm.add_argument("--ner", required=True, help="model directory with the entity head")
    asm.add_argument("--topics", required=True, help="model directory with the topic head")
    asm.set_defaults(func=cmd_assemble)

    tc = sub.add_parser("tune-combine",
                        help="choose, on dev gold, how the rules sit beside a model")
    tc.add_argument("model", help="a local model directory (its phogov.json gets the policy)")
    tc.add_argument("--gold", nargs="+", required=True, help="dev gold JSONL files")
    tc.add_argument("--dry-run", action="store_true", help="print the choice, write nothing")
    tc.add_argument("--json", default=None, help="write the comparison as JSON here")
    tc.set_defaults(func=cmd_tune_combine)

    c = sub.add_parser("compare", help="evaluate several models side by side on one gold file")
    c.add_argument("gold", help="gold sentences, JSONL as in ANNOTATION.md")
    c.add_argument("--models", nargs="+", required=True, help="'rules' and/or model dirs")
    c.add_argument("--names", nargs="+", default=None, help="column names, one per model")
    c.add_argument("--json", default=None, help="write {name: report} as JSON here")
    c.set_defaults(func=cmd_compare)

    ab = sub.add_parser("ablation", help="a Markdown table of systems on the dev and seeds golds")
    ab.add_argument("rows", nargs="+", help="NAME=SYSTEM: 'rules', a model dir or pure:DIR")
    ab.add_argument("--dev", default=None, help="real-news dev gold (default: the bundled one)")
    ab.add_argument("--seeds", default=None, help="seeds gold (default: the bundled one)")
    ab.add_argument("--json", default=None, help="write the table as JSON here")
    ab.set_defaults(func=cmd_ablation)

    pr = sub.add_parser("predict", help="entities and topics of a text, or of a corpus")
    pr.add_argument("text", nargs="?", default=None)
    pr.add_argument("--file", default=None, help="read the text from a UTF-8 file")
    pr.add_argument("--model", default=None, help="model dir/id, 'rules', or $PHOGOV_MODEL")
    pr.add_argument("--json", action="store_true", help="print JSON instead of a table")
    pr.set_defaults(func=cmd_predict)

    mb = sub.add_parser("make-backbone", help="a small random PhoBERT-style backbone")
    mb.add_argument("--out", required=True)
    mb.add_argument("--corpus", nargs="+", required=True)
    mb.add_argument("--layers", type=int, default=2)
    mb.add_argument("--hidden", type=int, default=128)
    mb.add_argument("--heads", type=int, default=2)
    mb.add_argument("--intermediate", type=int, default=None, help="FFN size (default 4×hidden)")
    mb.add_argument("--vocab-size", type=int, default=8000)
    mb.add_argument("--cache-dir", default=None,
                    help="keep the segmented corpus here (reused when the corpus is unchanged)")
    mb.add_argument("--max-lines", type=int, default=None)
    mb.add_argument("--tokenizer-from", default=None,
                    help="reuse this backbone dir's vocab.txt + bpe.codes (ablations)")
    mb.add_argument("--seed", type=int, default=42)
    mb.set_defaults(func=cmd_make_backbone)

    x = sub.add_parser("export", help="copy a model dir for shipping (weights stored in fp16) "
                                      "and/or add its int8 / ONNX runtimes")
    x.add_argument("model", help="a model directory made by `phogov train`")
    x.add_argument("--out", default=None, help="write a shipping copy here (else: --int8/--onnx "
                                               "are written into MODEL itself)")
    x.add_argument("--fp32", action="store_true", help="keep fp32 weights")
    x.add_argument("--int8", action="store_true",
                   help="add the int8 runtime (torch dynamic quantisation)")
    x.add_argument("--onnx", action="store_true",
                   help="add the ONNX Runtime runtime (int8 weights; needs phogov[onnx])")
    x.set_defaults(func=cmd_export)

    b = sub.add_parser("bench", help="rules and each model runtime side by side: throughput, "
                                     "memory, where the time goes")
    b.add_argument("--model", default=None, help="model dir/id (default: $PHOGOV_MODEL, bundled)")
    b.add_argument("--runtimes", nargs="+", default=["rules", "fp32", "int8", "onnx"],
                   help="variants to run (rules, fp32, int8, onnx); missing ones are noted")
    b.add_argument("--baseline", default=None, help="a second model (fp32) in the same run")
    b.add_argument("--input", nargs="+", default=None,
                   help="bench on these corpus files (as predict --input), not the seeds")
    b.add_argument("--repeats", type=int, default=2, help="best of N timed runs per variant")
    b.add_argument("--threads", type=int, default=None,
                   help="torch/ONNX threads per variant (default: torch's, = the cores)")
    b.add_argument("--sentences", type=int, default=2000)
    b.add_argument("--batch-size", type=int, default=32)
    b.add_argument("--json", default=None)
    b.set_defaults(func=cmd_bench)

    _add_view_commands(sub)
    _add_lf_commands(sub)
    from phogov.cli_corpus import add_corpus_args

    add_corpus_args(sub.choices["predict"], cmd_predict)

    lazy = [
        ("pretrain", "MLM or ELECTRA pretraining of a small PhoBERT-style backbone",
         "phogov.training.pretrain", "PretrainArgs", cmd_pretrain),
        ("train", "fine-tune a backbone on weak (and gold) labels",
         "phogov.training.finetune", "FinetuneArguments", cmd_train),
        ("self-train", "BOND-style self-training: a teacher relabels, a student learns",
         "phogov.training.self_training", "SelfTrainArguments", cmd_self_train),
        ("train-topics", "train the topic classifier on your own label set",
         "phogov.training.topics", "TopicTrainArguments", cmd_train_topics),
    ]
    for name, help_, module, cls_name, func in lazy:
        _add_lazy(sub, name, help_, module, cls_name, func, active=bool(argv) and argv[0] == name)
    return p


def _add_lazy(sub, name: str, help_: str, module: str, cls_name: str, func, active: bool) -> None:
    """Training subcommands: flags come from the module's dataclass, imported only if asked."""
    parser = sub.add_parser(name, help=help_)
    parser.set_defaults(func=func)
    if active:
        import importlib

        _add_dataclass_args(parser, getattr(importlib.import_module(module), cls_name))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Every failure is one line on stderr, ``phogov CMD: error: …``
    (argparse's own form), and exit status 2 (1 for a bug); ``PHOGOV_DEBUG=1`` shows
    the traceback. A closed stdout (``phogov … | head``) ends the command quietly."""
    parser = build_parser(argv)
    ns = parser.parse_args(argv)
    try:
        code = int(ns.func(ns) or 0)
        sys.stdout.flush()  # inside the try: a reader that left shows up here, not at exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except (PhogovError, ValueError, TypeError, RuntimeError, OSError,
            ArithmeticError, RecursionError) as exc:
        if os.environ.get("PHOGOV_DEBUG"):
            raise
        print(f"phogov {ns.command}: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a bug: still one line, with how to see more
        if os.environ.get("PHOGOV_DEBUG"):
            raise
        print(f"phogov {ns.command}: error: internal error {type(exc).__name__}: {exc} "
              "(run with PHOGOV_DEBUG=1 for the traceback and please report it)",
              file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    """The reader went away: point stdout at /dev/null so the exit flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
