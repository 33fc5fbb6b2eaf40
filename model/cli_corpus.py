"""The corpus form of ``phogov predict`` (``--input … --out …``) and the ``--runtime`` flag.

Kept out of ``phogov.cli`` so that the single-text command stays as it is: the predict
parser gets these flags, and its handler sends ``--input`` runs here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


def add_corpus_args(parser: argparse.ArgumentParser,
                    single: Callable[[argparse.Namespace], int]) -> None:
    """Corpus flags on ``phogov predict``; ``single`` handles the one-text form."""
    g = parser.add_argument_group("a corpus (--input … --out …)")
    g.add_argument("--input", nargs="+", default=None, metavar="PATH",
                   help=".txt files, folders of .txt, or .jsonl/.jsonl.gz with id and text")
    g.add_argument("--out", default=None, metavar="OUT",
                   help="output file, appended: ids already in it are skipped (resumable)")
    g.add_argument("--format", default="jsonl", choices=["jsonl", "csv"],
                   help="jsonl: one line per document; csv: one row per entity")
    g.add_argument("--workers", type=int, default=1, help="prediction processes")
    g.add_argument("--batch-docs", type=int, default=16,
                   help="documents per batch (the unit of progress and of resuming)")
    g.add_argument("--engine", default="local", choices=["local", "ray"],
                   help="ray: Ray Data actors (pip install 'phogov[ray]'); $RAY_ADDRESS or "
                        "--ray-address picks the cluster")
    g.add_argument("--ray-address", default=None, help="e.g. ray://head:10001 or auto")
    g.add_argument("--ray-actors", type=int, default=2, help="actors, each loading the model")
    g.add_argument("--ray-chunk", type=int, default=2000,
                   help="documents the driver hands to Ray at a time")
    g.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--runtime", default=None, choices=["auto", "fp32", "int8", "onnx"],
                        help="model runtime (default $PHOGOV_RUNTIME, else auto = fastest "
                             "present)")
    g.add_argument("--pure", action="store_true",
                   help="the fine-tuned model alone, without the rules it combines")

    def dispatch(ns: argparse.Namespace) -> int:
        if ns.input is None:
            if ns.out is not None:
                raise ValueError("--out needs --input (the corpus to predict)")
            if ns.runtime is not None:
                import os

                os.environ["PHOGOV_RUNTIME"] = ns.runtime
            return single(ns)
        return cmd_predict_corpus(ns)

    parser.set_defaults(func=dispatch)


def cmd_predict_corpus(ns: argparse.Namespace) -> int:
    from phogov.corpus import run_corpus

    if ns.out is None:
        raise ValueError("--input needs --out OUT.jsonl (or OUT.csv with --format csv)")
    if ns.text is not None or ns.file is not None:
        raise ValueError("give TEXT, --file F or --input PATH…, not several")
    ray_options = {"address": ns.ray_address, "actors": ns.ray_actors, "chunk": ns.ray_chunk}
    stats = run_corpus(ns.input, ns.out, model=ns.model, fmt=ns.format, workers=ns.workers,
                       batch_docs=ns.batch_docs, runtime=ns.runtime, pure=ns.pure,
                       engine=ns.engine, progress=not ns.no_progress, ray_options=ray_options)
    extra = [f"{stats[k]} {k.replace('_', ' ')}" for k in ("skipped", "duplicates", "errors")
             if stats[k]]
    print(f"{stats['documents']} documents predicted into {ns.out}"
          + (f" ({', '.join(extra)})" if extra else ""), file=sys.stderr)
    return 1 if stats["errors"] else 0
