"""A bag-of-words yardstick for topic training: TF-IDF + linear SVM on the same split.

``phogov train-topics --baseline`` fits it beside the encoder and reports both dev
scores in one report, so a backbone that loses to bag-of-words shows it at once.
The vectoriser reads the normalised text (``phogov.normalize``: NFC, one tone
placement) as syllable unigrams and bigrams — a Vietnamese word is one or two
syllables — the standard strong baseline for VNTC.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from phogov.normalize import normalize


def _require_sklearn() -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "the TF-IDF baseline needs scikit-learn: pip install 'phogov[baseline]'") from exc


def tfidf_svm_scores(train: Sequence[tuple[str, list[str]]], dev: Sequence[tuple[str, list[str]]],
                     labels: Sequence[str], multi: bool, seed: int = 42) -> dict[str, float]:
    """Dev accuracy (subset accuracy when multi-label), macro- and micro-F1 of a
    TF-IDF + LinearSVC model fitted on ``train`` (``(text, labels)`` pairs)."""
    _require_sklearn()
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.svm import LinearSVC

    vectoriser = TfidfVectorizer(lowercase=True, ngram_range=(1, 2), min_df=2,
                                 sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")
    x_train = vectoriser.fit_transform([normalize(t).text for t, _ in train])
    x_dev = vectoriser.transform([normalize(t).text for t, _ in dev])
    index = {lab: i for i, lab in enumerate(labels)}
    svm = LinearSVC(C=1.0, random_state=seed)
    if multi:
        def onehot(rows: Sequence[tuple[str, list[str]]]) -> np.ndarray:
            y = np.zeros((len(rows), len(labels)), dtype=int)
            for i, (_t, labs) in enumerate(rows):
                y[i, [index[lab] for lab in labs]] = 1
            return y

        y_train, y_dev = onehot(train), onehot(dev)
        pred = OneVsRestClassifier(svm).fit(x_train, y_train).predict(x_dev)
    else:
        y_train = np.array([index[labs[0]] for _t, labs in train])
        y_dev = np.array([index[labs[0]] for _t, labs in dev])
        pred = svm.fit(x_train, y_train).predict(x_dev)
    return {
        "accuracy": float(accuracy_score(y_dev, pred)),
        "macro_f1": float(f1_score(y_dev, pred, average="macro", zero_division=0)),
        "micro_f1": float(f1_score(y_dev, pred, average="micro", zero_division=0)),
    }
