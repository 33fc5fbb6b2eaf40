"""ELECTRA pretraining: the objective learns, the result is a plain PhoBERT-format backbone
that fine-tunes and predicts, and budgeted runs resume exactly where they stopped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from safetensors.torch import load_file  # noqa: E402

from phogov.cli import main as cli_main  # noqa: E402
from phogov.training.electra import (  # noqa: E402
    ElectraPretrainer,
    generator_config,
    replace_tokens,
)
from phogov.training.mlm_data import WholeWordMaskCollator, build_chunks  # noqa: E402
from phogov.training.phobert_format import roberta_config  # noqa: E402
from phogov.training.pretrain import pretrain  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# The seeds are gold articles, which the default corpus filter would drop: exclude=[].
TINY = dict(layers=1, hidden=32, heads=2, vocab_size=400, max_seq_len=32, batch_size=4,
            processes=1, show_progress=False, max_lines=40, exclude=[], bf16=False, seed=0,
            logging_steps=1, eval_chunks=8, lr=2e-3)


def _cli_flags(**kw) -> list[str]:
    flags = []
    for k, v in kw.items():
        flag = "--" + k.replace("_", "-")
        if k == "bf16":
            flags += [flag, {True: "yes", False: "no", None: "auto"}[v]]
        elif isinstance(v, bool):
            flags.append(flag if v else "--no-" + k.replace("_", "-"))
        elif isinstance(v, list):
            flags += [flag, *(map(str, v) if v else ["none"])]
        else:
            flags += [flag, str(v)]
    return flags


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    """ELECTRA, 8 steps, checkpoints at 4 and 8."""
    out = tmp_path_factory.mktemp("electra") / "run"
    return pretrain(SEEDS[:2], out, objective="electra", max_steps=8, save_steps=4, **TINY)


def _history(out: Path) -> dict[int, dict]:
    return {e["step"]: e for e in json.loads((out / "log_history.json").read_text())
            if "loss" in e}


# ----------------------------------------------------------------- the model


def test_generator_is_a_quarter_as_wide_and_as_deep():
    cfg = roberta_config(1000, 4, 256, 4, None, architecture="RobertaModel")
    gen = generator_config(cfg)
    assert (gen.hidden_size, gen.num_attention_heads, gen.intermediate_size) == (64, 1, 256)
    assert gen.num_hidden_layers == 4
    big = generator_config(roberta_config(1000, 6, 384, 6, None))
    assert big.hidden_size % big.num_attention_heads == 0 and big.hidden_size == 96
    with pytest.raises(ValueError, match="generator_size"):
        generator_config(cfg, 0)


def test_embeddings_are_shared_and_stored_once():
    torch.manual_seed(0)
    cfg = roberta_config(300, 1, 32, 2, None, architecture="RobertaModel")
    model = ElectraPretrainer(transformers.RobertaModel(cfg, add_pooling_layer=False))
    state = model.state_dict()
    assert not any(k.startswith("generator.embeddings.word") for k in state)
    ptrs = [t.untyped_storage().data_ptr() for t in state.values()]
    assert len(ptrs) == len(set(ptrs))  # no tensor saved twice (safetensors refuses that)
    ids = torch.tensor([[0, 10, 11, 299, 12, 2]])
    labels = torch.tensor([[-100, -100, 11, -100, 12, -100]])
    logits = model.generator_logits(ids, torch.ones_like(ids), labels != -100)
    assert logits.shape == (2, 300)
    logits.sum().backward()  # the generator's input and output layer are the shared table
    assert model.discriminator.embeddings.word_embeddings.weight.grad.abs().sum() > 0
    assert model.discriminator.embeddings.position_embeddings.weight.grad.abs().sum() > 0


def test_replaced_tokens_only_where_the_sample_differs():
    ids = torch.tensor([[0, 599, 11, 599, 13, 2]])  # 599 = <mask>
    labels = torch.tensor([[-100, 10, -100, 12, -100, -100]])
    corrupted, replaced = replace_tokens(ids, labels, torch.tensor([10, 40]))
    assert corrupted.tolist() == [[0, 10, 11, 40, 13, 2]]
    assert replaced.tolist() == [[0, 0, 0, 1, 0, 0]]  # sampling the original = "original"


def test_a_few_electra_steps_lower_both_losses(run):
    """Held-out chunks, fixed masks and samples: the generator and the discriminator
    losses both fall after 20 steps on the other chunks (fixed seed)."""
    from phogov.training.corpus import iter_segmented

    torch.manual_seed(0)
    tok = transformers.AutoTokenizer.from_pretrained(str(run))
    docs = list(iter_segmented(run / "segmented.txt"))
    ids, wids, offsets = build_chunks(docs, tok, max_seq_len=32)
    chunks = [{"input_ids": ids[a:b], "word_ids": wids[a:b]}
              for a, b in zip(offsets[:-1], offsets[1:])]
    collate = WholeWordMaskCollator(pad_id=1, bos_id=0, eos_id=2, mask_id=tok.mask_token_id,
                                    vocab_size=len(tok), mask_share=0.85, random_share=0.0)
    cfg = roberta_config(len(tok), 1, 32, 2, None, architecture="RobertaModel")
    model = ElectraPretrainer(transformers.RobertaModel(cfg, add_pooling_layer=False))
    held, train = chunks[:16], chunks[16:]

    def held_out() -> tuple[float, float]:
        model.eval()
        with torch.random.fork_rng(), torch.no_grad():
            torch.manual_seed(1)
            outs = [model(**collate(held[i:i + 8])) for i in range(0, 16, 8)]
        model.train()
        return (sum(float(o["gen_loss"]) for o in outs) / 2,
                sum(float(o["disc_loss"]) for o in outs) / 2)

    gen0, disc0 = held_out()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    for step in range(20):
        batch = collate([train[(step * 8 + j) % len(train)] for j in range(8)])
        model(**batch)["loss"].backward()
        opt.step()
        opt.zero_grad()
    gen1, disc1 = held_out()
    assert gen1 < gen0 - 0.3, (gen0, gen1)
    assert disc1 < disc0 - 0.05, (disc0, disc1)


# ----------------------------------------------------------------- the saved backbone


def test_saved_discriminator_loads_with_plain_transformers(run):
    cfg = json.loads((run / "config.json").read_text())
    assert cfg["architectures"] == ["RobertaModel"] and cfg["model_type"] == "roberta"
    assert cfg["tokenizer_class"] == "PhobertTokenizer" and cfg["hidden_size"] == 32
    info = json.loads((run / "backbone.json").read_text())
    assert info["objective"] == "electra" and info["pretrained_steps"] == 8
    assert info["generator"]["hidden"] == 8  # a quarter of 32
    ckpt = load_file(str(run / "checkpoints" / "checkpoint-8" / "model.safetensors"))
    encoder = transformers.AutoModel.from_pretrained(str(run))
    for name, tensor in encoder.state_dict().items():
        if "pooler" not in name:
            assert torch.equal(tensor, ckpt["discriminator." + name]), name
    tagger = transformers.AutoModelForTokenClassification.from_pretrained(str(run), num_labels=9)
    assert torch.equal(tagger.roberta.encoder.layer[0].output.dense.weight,
                       ckpt["discriminator.encoder.layer.0.output.dense.weight"])
    tok = transformers.AutoTokenizer.from_pretrained(str(run))
    assert type(tok).__name__ == "PhobertTokenizer" and len(tok) == cfg["vocab_size"]
    assert (run / "loss.png").stat().st_size > 1000
    history = _history(run)
    assert sorted(history) == list(range(1, 9))
    assert all({"gen_loss", "disc_loss", "disc_acc", "cpu_minutes"} <= set(e)
               for e in history.values())


def test_train_on_the_electra_backbone_then_predict(run, gold, tmp_path):
    from datasets import Dataset

    from phogov import predict
    from phogov.training.gold_io import read_labelled
    from phogov.training.rows import rows_from_gold
    from phogov.training.weak_dataset import features

    def write(path: Path, lines: list[dict]) -> Path:
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines),
                        encoding="utf-8")
        return path

    rows = rows_from_gold(read_labelled(write(tmp_path / "weak.jsonl", gold[22:70])),
                          source="weak")
    Dataset.from_list(rows, features=features()).save_to_disk(str(tmp_path / "weak"))
    dev = write(tmp_path / "dev.jsonl", gold[:10])
    out = tmp_path / "model"
    code = cli_main(["train", "--base", str(run), "--weak", str(tmp_path / "weak"),
                     "--gold", str(dev), "--out", str(out), "--max-steps", "3",
                     "--batch-size", "8", "--eval-batch-size", "16", "--max-length", "64",
                     "--stride", "32", "--learning-rate", "1e-3", "--bf16", "no"])
    assert code == 0
    ner = load_file(str(out / "ner" / "model.safetensors"))
    start = load_file(str(run / "model.safetensors"))
    key = "encoder.layer.0.attention.self.query.weight"
    # fine-tuned from the ELECTRA weights: close to them (3 small steps), not re-initialised
    assert (ner["roberta." + key] - start[key]).abs().max() < 0.05
    text = gold[0]["text"] + " " + gold[1]["text"]
    res = predict(text, model=out)
    for e in res["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]
    assert res["sentences"] and all(0 <= t["score"] <= 1 for t in res["topics"])


# ----------------------------------------------------------------- budget and resume


@pytest.mark.parametrize("objective", ["electra", "mlm"])
def test_resume_continues_exactly_where_the_run_stopped(run, tmp_path, objective):
    """A run stopped at step 4 and resumed (from the CLI, ``--resume-from-checkpoint
    last``) takes the same batches, masks, samples and optimizer state as the
    uninterrupted run: the same losses at steps 5–8 and the same final weights."""
    if objective == "electra":
        full = run
    else:
        full = pretrain(SEEDS[:2], tmp_path / "full", objective="mlm", max_steps=8,
                        save_steps=4, **TINY)
    resumed = tmp_path / "resumed"
    shutil.copytree(full, resumed)
    shutil.rmtree(resumed / "checkpoints" / "checkpoint-8")
    (resumed / "model.safetensors").unlink()
    budget4 = json.loads((resumed / "checkpoints" / "checkpoint-4" / "budget.json").read_text())
    assert budget4["cpu_seconds"] > 0

    args = ["pretrain", "--corpus", *map(str, SEEDS[:2]), "--out", str(resumed),
            "--objective", objective, "--max-steps", "8", "--save-steps", "4",
            "--resume-from-checkpoint", "last", *_cli_flags(**TINY)]
    assert cli_main(args) == 0
    info = json.loads((resumed / "backbone.json").read_text())
    assert info["pretrained_steps"] == 8 and info["this_run"]["steps"] == 4
    # the budget carries over: this run's CPU time adds to the first run's
    assert info["budget_spent"]["cpu_seconds"] > budget4["cpu_seconds"]

    a, b = _history(full), _history(resumed)
    assert sorted(b) == list(range(1, 9))  # one history over both runs
    for step in range(5, 9):
        assert b[step]["loss"] == pytest.approx(a[step]["loss"], rel=1e-4), step
    wa = load_file(str(full / "model.safetensors"))
    wb = load_file(str(resumed / "model.safetensors"))
    assert wa.keys() == wb.keys()
    for k in wa:
        torch.testing.assert_close(wb[k], wa[k], rtol=1e-4, atol=1e-5, msg=k)
    oa = torch.load(full / "checkpoints" / "checkpoint-8" / "optimizer.pt", weights_only=True)
    ob = torch.load(resumed / "checkpoints" / "checkpoint-8" / "optimizer.pt", weights_only=True)
    for i, state in oa["state"].items():
        assert int(ob["state"][i]["step"]) == int(state["step"]) == 8
        torch.testing.assert_close(ob["state"][i]["exp_avg_sq"], state["exp_avg_sq"],
                                   rtol=1e-3, atol=1e-9)


def test_resume_refuses_other_settings(run, tmp_path):
    resumed = tmp_path / "other"
    shutil.copytree(run, resumed)
    with pytest.raises(ValueError, match=r"hidden: 32 → 64"):
        pretrain(SEEDS[:2], resumed, objective="electra", max_steps=8, save_steps=4,
                 **TINY | {"hidden": 64})


def test_cpu_budget_stops_and_saves(tmp_path):
    out = tmp_path / "budget"
    pretrain(SEEDS[:2], out, objective="electra", max_steps=50, save_steps=25,
             max_cpu_minutes=1e-6, **TINY)
    info = json.loads((out / "backbone.json").read_text())
    assert info["pretrained_steps"] == 1  # stopped after the first step …
    spent = json.loads((out / "checkpoints" / "checkpoint-1" / "budget.json").read_text())
    assert spent["cpu_seconds"] > 0  # … and saved a checkpoint that knows what it cost
    assert transformers.AutoModel.from_pretrained(str(out)).config.hidden_size == 32


def test_the_discriminator_learns_to_spot_replaced_tokens():
    """The replaced-token signal reaches the encoder from the first steps: on sequences of
    one repeated token, a replaced token is obvious, and the discriminator must beat its
    base rate (always "original") within 400 steps. With BERT's N(0, 0.02) init on both
    head layers it stayed at the base rate here, as it did in a 66-CPU-minute run."""
    torch.manual_seed(0)
    cfg = roberta_config(200, 2, 32, 2, None, architecture="RobertaModel")
    model = ElectraPretrainer(transformers.RobertaModel(cfg, add_pooling_layer=False))
    opt = torch.optim.AdamW(model.parameters(), lr=7e-4)
    for _ in range(400):
        ids = torch.randint(5, 200, (32, 1)).expand(32, 24).clone()
        picked = torch.rand(ids.shape) < 0.15
        corrupted = ids.clone()
        corrupted[picked] = torch.randint(5, 200, (int(picked.sum()),))
        replaced = (corrupted != ids).float()
        logits = model.discriminator_logits(corrupted, torch.ones_like(ids))
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, replaced)
        opt.zero_grad()
        loss.backward()
        opt.step()
    accuracy = float(((logits > 0).float() == replaced).float().mean())
    base_rate = 1 - float(replaced.mean())
    assert accuracy > base_rate + 0.05


def test_a_resumed_run_saves_after_its_first_checkpoint_is_rotated_away(tmp_path):
    """Resuming reads the tokenizer from a copy in the run's folder: the Trainer deletes old
    checkpoints (2 kept), and a tokenizer read from the resumed one could not be saved
    once that one was gone (every later checkpoint save then failed)."""
    out = tmp_path / "run"
    pretrain(SEEDS[:2], out, objective="mlm", max_steps=4, save_steps=4, **TINY)
    args = ["pretrain", "--corpus", *map(str, SEEDS[:2]), "--out", str(out),
            "--objective", "mlm", "--max-steps", "10", "--save-steps", "2",
            "--resume-from-checkpoint", "last", *_cli_flags(**TINY)]
    assert cli_main(args) == 0
    kept = sorted(p.name for p in (out / "checkpoints").iterdir())
    assert "checkpoint-4" not in kept and "checkpoint-10" in kept  # rotated, then saved
    assert (out / "checkpoints" / "checkpoint-10" / "vocab.txt").is_file()
    info = json.loads((out / "backbone.json").read_text())
    assert info["pretrained_steps"] == 10


def test_resume_skips_a_checkpoint_left_half_written(tmp_path):
    """A run killed while saving leaves a newer folder without ``trainer_state.json``;
    ``--resume-from-checkpoint last`` takes the newest complete one instead of failing."""
    from phogov.training.trainer import last_complete_checkpoint

    for step, complete in ((4, True), (8, True), (12, False)):
        ckpt = tmp_path / f"checkpoint-{step}"
        ckpt.mkdir()
        (ckpt / "model.safetensors").write_bytes(b"")
        if complete:
            (ckpt / "trainer_state.json").write_text("{}")
    assert last_complete_checkpoint(tmp_path) == str(tmp_path / "checkpoint-8")
    assert last_complete_checkpoint(tmp_path / "missing") is None
