"""ELECTRA pretraining: replaced-token detection with a small generator.

Masked-LM pretraining learns from the ~15% of positions it masks; ELECTRA (Clark
et al., 2020) learns from every position. A small masked-LM *generator* fills the
masked words with plausible samples and the *discriminator* — the backbone that
is kept — tells, for every token, whether it is original or replaced. Loss =
generator MLM loss + ``rtd_weight`` (50, the paper's λ) × discriminator loss.

As in the paper: the generator is the discriminator scaled in width by
``generator_size`` (¼: hidden, feed-forward and heads; same depth); both share
the token and position embeddings (the generator reads them through a linear
projection to its width, and its output layer is the tied token embeddings);
masked positions hold ``<mask>`` 85% of the time and the original word 15%;
samples are drawn at temperature 1 without a gradient through them.

The discriminator is a plain ``RobertaModel`` with PhoBERT's config; only it is
saved at the end, so the result loads with ``AutoModel.from_pretrained`` and
``phogov train --base`` like any PhoBERT-format backbone. The generator and the
discriminator's head live only in the training checkpoints (for resuming).
"""

from __future__ import annotations

import copy
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

RTD_WEIGHT = 50.0
GENERATOR_SIZE = 0.25
ELECTRA_MASK_SHARE = 0.85  # of the chosen words: <mask>; the rest keep their word
PARTS = ("gen_loss", "disc_loss", "disc_acc", "replaced")


def generator_config(disc_config: Any, size: float = GENERATOR_SIZE, layers: int | None = None):
    """The generator's RoBERTa config: the discriminator's, ``size`` times as wide."""
    if not 0 < size <= 1:
        raise ValueError(f"generator_size must be in (0, 1], got {size}")
    cfg = copy.deepcopy(disc_config)
    heads = max(1, round(disc_config.num_attention_heads * size))
    hidden = max(heads, round(disc_config.hidden_size * size))
    hidden -= hidden % heads  # a head count that divides the width
    cfg.hidden_size = hidden
    cfg.num_attention_heads = heads
    cfg.intermediate_size = max(1, round(disc_config.intermediate_size * size))
    cfg.num_hidden_layers = layers or disc_config.num_hidden_layers
    cfg.architectures = None
    return cfg


class _Projection(nn.Module):
    """Stands in for the generator's own embeddings: the shared embeddings, projected.

    ``RobertaModel.forward`` calls its ``embeddings`` module; this one receives the
    discriminator's embedding output as ``inputs_embeds`` and maps it to the
    generator's width, so no second copy of the embedding tables exists.
    """

    def __init__(self, d_in: int, d_out: int, std: float) -> None:
        super().__init__()
        self.linear = nn.Linear(d_in, d_out)
        nn.init.normal_(self.linear.weight, std=std)
        nn.init.zeros_(self.linear.bias)

    def forward(self, inputs_embeds: torch.Tensor | None = None, **_: Any) -> torch.Tensor:
        if inputs_embeds is None:
            raise ValueError("the ELECTRA generator reads the shared embeddings only")
        return self.linear(inputs_embeds)


def replace_tokens(
    input_ids: torch.Tensor, labels: torch.Tensor, sampled: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """The discriminator's input and targets: masked positions (``labels != -100``) take
    the generator's ``sampled`` ids; a token is "replaced" (1.0) where it differs from
    the original, so a sample that happens to be the original word counts as original."""
    selected = labels != -100
    corrupted = input_ids.clone()
    corrupted[selected] = sampled.to(corrupted.dtype)
    original = torch.where(selected, labels, input_ids)
    return corrupted, (corrupted != original).float()


class ElectraPretrainer(nn.Module):
    """Generator + discriminator with shared embeddings; ``forward`` returns the loss.

    A plain ``nn.Module`` on purpose: its state dict has each tensor once (the shared
    embeddings belong to the discriminator only), so the Trainer's safetensors
    checkpoints and its resume path take it unchanged.
    """

    def __init__(
        self,
        discriminator: Any,
        generator_size: float = GENERATOR_SIZE,
        generator_layers: int | None = None,
        rtd_weight: float = RTD_WEIGHT,
    ) -> None:
        from transformers import RobertaModel

        super().__init__()
        cfg = discriminator.config
        self.discriminator = discriminator
        self.rtd_weight = rtd_weight
        gcfg = generator_config(cfg, generator_size, generator_layers)
        self.generator = RobertaModel(gcfg, add_pooling_layer=False)
        std = cfg.initializer_range
        self.generator.embeddings = _Projection(cfg.hidden_size, gcfg.hidden_size, std)
        # generator MLM head: width → embedding width, then the tied token embeddings
        self.gen_dense = nn.Linear(gcfg.hidden_size, cfg.hidden_size)
        self.gen_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)
        self.gen_bias = nn.Parameter(torch.zeros(cfg.vocab_size))
        # discriminator head: one logit per token, "replaced". It keeps PyTorch's default
        # Linear init: with BERT's N(0, 0.02) on both layers the replaced-token signal
        # barely reaches the encoder, and on a CPU budget the discriminator never left its
        # base rate (accuracy = 1 - replaced share after 66 CPU-minutes; on a toy task
        # where the replaced tokens are obvious it still sat there after 400 steps, while
        # the default init learns it in under 200).
        self.disc_dense = nn.Linear(cfg.hidden_size, cfg.hidden_size)
        self.disc_out = nn.Linear(cfg.hidden_size, 1)
        nn.init.normal_(self.gen_dense.weight, std=std)
        nn.init.zeros_(self.gen_dense.bias)

    @property
    def config(self) -> Any:
        """The discriminator's config (what the Trainer and the saved backbone see)."""
        return self.discriminator.config

    def generator_logits(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, selected: torch.Tensor
    ) -> torch.Tensor:
        """Vocabulary logits of the generator at the ``selected`` positions only."""
        shared = self.discriminator.embeddings(input_ids=input_ids)
        hidden = self.generator(inputs_embeds=shared, attention_mask=attention_mask)
        h = hidden.last_hidden_state[selected]
        h = self.gen_norm(F.gelu(self.gen_dense(h)))
        word_embeddings = self.discriminator.embeddings.word_embeddings.weight
        return F.linear(h, word_embeddings, self.gen_bias)

    def discriminator_logits(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> torch.Tensor:
        """One "replaced" logit per token of ``input_ids`` (float32)."""
        hidden = self.discriminator(
            input_ids=input_ids, attention_mask=attention_mask
        ).last_hidden_state
        return self.disc_out(F.gelu(self.disc_dense(hidden))).squeeze(-1).float()

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        labels: torch.Tensor,
    ) -> dict[str, torch.Tensor]:
        """``input_ids`` are masked, ``labels`` hold the original ids at masked positions
        (-100 elsewhere), as ``WholeWordMaskCollator`` makes them."""
        selected = labels != -100
        targets = labels[selected]
        gen_logits = self.generator_logits(input_ids, attention_mask, selected)
        gen_loss = F.cross_entropy(gen_logits.float(), targets)
        with torch.no_grad():
            probs = torch.softmax(gen_logits.detach().float(), dim=-1)
            sampled = torch.multinomial(probs, 1).squeeze(-1)
        corrupted, replaced = replace_tokens(input_ids, labels, sampled)
        disc_logits = self.discriminator_logits(corrupted, attention_mask)
        real = attention_mask.bool()
        disc_loss = F.binary_cross_entropy_with_logits(disc_logits[real], replaced[real])
        with torch.no_grad():
            acc = ((disc_logits[real] > 0).float() == replaced[real]).float().mean()
        return {
            "loss": gen_loss + self.rtd_weight * disc_loss,
            "gen_loss": gen_loss.detach(),
            "disc_loss": disc_loss.detach(),
            "disc_acc": acc,
            "replaced": replaced[real].mean(),
        }


def electra_trainer_class(base: type) -> type:
    """``base`` (a ``Trainer`` with ``mask_inputs``, see ``pretrain``) that also logs the
    generator and discriminator parts, averaged over each logging interval
    (``gen_loss``…) and each evaluation (``eval_gen_loss``…): the total loss mixes
    them with λ = 50 and says little alone."""

    class ElectraTrainer(base):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            self.loss_is_scaled_for_ga = False  # a per-batch mean: Trainer divides by GA
            inputs = self.mask_inputs(inputs)
            with self.accelerator.autocast():
                out = model(**inputs)
            sums = self.__dict__.setdefault("_parts", {True: {}, False: {}})[model.training]
            for k in PARTS:
                total, n = sums.get(k, (0.0, 0))
                sums[k] = (total + float(out[k]), n + 1)
            return (out["loss"], out) if return_outputs else out["loss"]

        def log(self, logs: dict[str, float], start_time: float | None = None) -> None:
            parts = self.__dict__.get("_parts", {})
            if "loss" in logs or "eval_loss" in logs:  # not the end-of-training summary
                training = "loss" in logs
                prefix = "" if training else "eval_"
                for k, (total, n) in parts.get(training, {}).items():
                    if n:
                        logs[prefix + k] = round(total / n, 4)
                parts[training] = {}
            super().log(logs, start_time)

    return ElectraTrainer


__all__ = ["ElectraPretrainer", "electra_trainer_class", "generator_config", "replace_tokens"]
