"""Inter-annotator agreement coefficients over an items × annotators label matrix.

Labels are coded as integers 0 … q-1 in the codebook's ordinal order, and a missing label (an annotator who
did not label the item) as `MISSING` (-1). Every function is pure: numpy arrays in, numbers out. A
coefficient that is undefined on the data (one annotator, one label only, no overlap) comes back as
`Coefficient(None, reason)`, never as a number.

Definitions (the references the tests reproduce are named in tests/test_agreement.py):

- percent agreement: for each item labelled by two or more annotators, the share of agreeing pairs of
  labels; averaged over those items (Gwet 2014). With two annotators this is the plain share of items they
  agree on.
- Cohen's kappa (Cohen 1960) for a pair of annotators, on the items both labelled; the weighted kappa (Cohen
  1968) uses agreement weights from the codebook's ordinal order, `1 - (i - j)² / (q - 1)²` (quadratic, the
  default) or `1 - |i - j| / (q - 1)` (linear).
- Fleiss' kappa (Fleiss 1971), in Gwet's form for items labelled by different numbers of annotators (it is
  Fleiss' own formula when every item has the same number of labels).
- Krippendorff's alpha, nominal and ordinal (Krippendorff 2011), computed by the `krippendorff` package;
  missing labels are missing values.
- Gwet's AC1 (Gwet 2008) and the Brennan–Prediger coefficient (Brennan & Prediger 1981): their chance
  agreement does not collapse when one label dominates, so they stay meaningful where kappa and alpha
  paradoxically drop.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

MISSING = -1
"""The code of a missing label in a label matrix."""

Weights = Literal["linear", "quadratic"]

DEFAULT_WEIGHTS: Weights = "quadratic"
"""The weights of the weighted Cohen's kappa reported by `stancetool agreement`."""


@dataclass(frozen=True)
class Coefficient:
    """A figure, or the reason it is undefined on the data."""

    value: float | None
    reason: str | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None


def undefined(reason: str) -> Coefficient:
    return Coefficient(None, reason)


def _check_matrix(ratings: np.ndarray, q: int) -> np.ndarray:
    matrix = np.asarray(ratings)
    if matrix.ndim != 2:
        raise ValueError("ratings must be a 2-D items × annotators matrix")
    if q < 1:
        raise ValueError("there must be at least one category")
    matrix = matrix.astype(np.int64, copy=False)
    if matrix.size and (matrix.max() >= q or matrix.min() < MISSING):
        raise ValueError(f"labels must be coded 0 … {q - 1}, or {MISSING} for a missing label")
    return matrix


def count_matrix(ratings: np.ndarray, q: int) -> np.ndarray:
    """The items × categories matrix of how many annotators gave each label to each item."""
    matrix = _check_matrix(ratings, q)
    n = matrix.shape[0]
    counts = np.zeros((n, q), dtype=np.int64)
    rows, cols = np.nonzero(matrix != MISSING)
    np.add.at(counts, (rows, matrix[rows, cols]), 1)
    return counts


def _check_counts(counts: np.ndarray) -> np.ndarray:
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 2 or table.shape[1] < 1:
        raise ValueError("counts must be a 2-D items × categories matrix")
    if (table < 0).any():
        raise ValueError("counts cannot be negative")
    return table


def _pairwise_agreement(table: np.ndarray) -> tuple[float | None, np.ndarray]:
    """Gwet's observed agreement over the items with two or more labels, and the mask of those items."""
    r = table.sum(axis=1)
    pairable = r >= 2
    if not pairable.any():
        return None, pairable
    t = table[pairable]
    rp = r[pairable]
    per_item = (t * (t - 1)).sum(axis=1) / (rp * (rp - 1))
    return float(per_item.mean()), pairable


def _classification_shares(table: np.ndarray) -> np.ndarray:
    """pi_k: the average over labelled items of the share of the item's labels that are k."""
    r = table.sum(axis=1)
    labelled = r > 0
    return (table[labelled] / r[labelled, None]).mean(axis=0)


NO_PAIRS = "no item is labelled by two or more annotators"


def percent_agreement_counts(counts: np.ndarray) -> Coefficient:
    """Percent agreement (as a proportion) from an items × categories count matrix."""
    pa, _ = _pairwise_agreement(_check_counts(counts))
    return undefined(NO_PAIRS) if pa is None else Coefficient(pa)


def fleiss_kappa_counts(counts: np.ndarray) -> Coefficient:
    """Fleiss' kappa from an items × categories count matrix (Gwet's form when items have unequal counts)."""
    table = _check_counts(counts)
    pa, _ = _pairwise_agreement(table)
    if pa is None:
        return undefined(NO_PAIRS)
    pi = _classification_shares(table)
    pe = float((pi**2).sum())
    if math.isclose(pe, 1.0):
        return undefined("only one label was used, so chance agreement is 1 and kappa is 0/0")
    return Coefficient((pa - pe) / (1 - pe))


def gwet_ac1_counts(counts: np.ndarray) -> Coefficient:
    """Gwet's AC1 from an items × categories count matrix (columns: every label annotators could use)."""

    def chance(table: np.ndarray) -> float:
        pi = _classification_shares(table)
        return float((pi * (1 - pi)).sum() / (table.shape[1] - 1))

    return _beyond_chance(counts, chance)


def brennan_prediger_counts(counts: np.ndarray) -> Coefficient:
    """The Brennan–Prediger coefficient (chance agreement 1/q) from an items × categories count matrix."""
    return _beyond_chance(counts, lambda table: 1 / table.shape[1])


def _beyond_chance(counts: np.ndarray, chance: Callable[[np.ndarray], float]) -> Coefficient:
    """(pa - pe) / (1 - pe) for a chance agreement pe that is defined whenever the codebook has two labels."""
    table = _check_counts(counts)
    if table.shape[1] < 2:
        return undefined("the codebook has a single label")
    pa, _ = _pairwise_agreement(table)
    if pa is None:
        return undefined(NO_PAIRS)
    pe = chance(table)
    return Coefficient((pa - pe) / (1 - pe))


def krippendorff_alpha_counts(counts: np.ndarray, level: Literal["nominal", "ordinal"]) -> Coefficient:
    """Krippendorff's alpha from an items × categories count matrix whose columns are in ordinal order."""
    import krippendorff

    table = np.asarray(_check_counts(counts))
    r = table.sum(axis=1)
    pairable = table[r >= 2]
    if pairable.shape[0] == 0:
        return undefined(NO_PAIRS)
    if table.shape[1] < 2 or np.count_nonzero(pairable.sum(axis=0)) < 2:
        return undefined("only one label was used, so expected disagreement is 0 and alpha is 0/0")
    value = krippendorff.alpha(
        value_counts=pairable, value_domain=list(range(table.shape[1])), level_of_measurement=level
    )
    return Coefficient(float(value))


def percent_agreement(ratings: np.ndarray, q: int) -> Coefficient:
    """Percent agreement (as a proportion) of an items × annotators label matrix."""
    return percent_agreement_counts(count_matrix(ratings, q))


def fleiss_kappa(ratings: np.ndarray, q: int) -> Coefficient:
    """Fleiss' kappa of an items × annotators label matrix."""
    return fleiss_kappa_counts(count_matrix(ratings, q))


def gwet_ac1(ratings: np.ndarray, q: int) -> Coefficient:
    """Gwet's AC1 of an items × annotators label matrix."""
    return gwet_ac1_counts(count_matrix(ratings, q))


def brennan_prediger(ratings: np.ndarray, q: int) -> Coefficient:
    """The Brennan–Prediger coefficient of an items × annotators label matrix."""
    return brennan_prediger_counts(count_matrix(ratings, q))


def krippendorff_alpha(ratings: np.ndarray, q: int, level: Literal["nominal", "ordinal"]) -> Coefficient:
    """Krippendorff's alpha of an items × annotators label matrix (missing labels are missing values)."""
    return krippendorff_alpha_counts(count_matrix(ratings, q), level)


def agreement_weights(q: int, weights: Weights | None) -> np.ndarray:
    """q × q agreement weights: identity when unweighted, else linear or quadratic in ordinal distance."""
    if weights is None or q < 2:
        return np.eye(q)
    distance = np.abs(np.subtract.outer(np.arange(q), np.arange(q))) / (q - 1)
    if weights == "linear":
        return 1 - distance
    if weights == "quadratic":
        return 1 - distance**2
    raise ValueError(f"unknown weights {weights!r}")


def confusion_matrix(a: np.ndarray, b: np.ndarray, q: int) -> np.ndarray:
    """q × q counts of the items both annotators labelled: rows are `a`'s label, columns `b`'s."""
    first = np.asarray(a, dtype=np.int64)
    second = np.asarray(b, dtype=np.int64)
    both = (first != MISSING) & (second != MISSING)
    return np.bincount(first[both] * q + second[both], minlength=q * q).reshape(q, q)


def cohen_kappa_table(table: np.ndarray, weights: Weights | None = None) -> Coefficient:
    """Cohen's kappa (weighted when `weights` is given) from a q × q contingency table."""
    t = np.asarray(table, dtype=np.float64)
    if t.ndim != 2 or t.shape[0] != t.shape[1]:
        raise ValueError("a contingency table must be square")
    n = t.sum()
    if n == 0:
        return undefined("the two annotators labelled no item in common")
    w = agreement_weights(t.shape[0], weights)
    p = t / n
    po = float((w * p).sum())
    pe = float((w * np.outer(p.sum(axis=1), p.sum(axis=0))).sum())
    if math.isclose(pe, 1.0):
        return undefined("both annotators used one and the same label only, so kappa is 0/0")
    return Coefficient((po - pe) / (1 - pe))


def cohen_kappa(a: np.ndarray, b: np.ndarray, q: int, weights: Weights | None = None) -> Coefficient:
    """Cohen's kappa of two annotators' labels over the items both labelled."""
    return cohen_kappa_table(confusion_matrix(a, b, q), weights)


@dataclass(frozen=True)
class PairAgreement:
    """Agreement of one pair of annotators on the items both labelled."""

    a: str
    b: str
    n: int
    percent_agreement: Coefficient
    kappa: Coefficient
    weighted_kappa: Coefficient
    confusion: np.ndarray


def pair_agreements(
    ratings: np.ndarray, annotators: list[str], q: int, weights: Weights = DEFAULT_WEIGHTS
) -> list[PairAgreement]:
    """Cohen's kappa, weighted kappa, percent agreement and confusion matrix for every pair of annotators."""
    matrix = _check_matrix(ratings, q)
    if matrix.shape[1] != len(annotators):
        raise ValueError("one annotator name per column is needed")
    pairs = []
    for i, j in itertools.combinations(range(len(annotators)), 2):
        table = confusion_matrix(matrix[:, i], matrix[:, j], q)
        n = int(table.sum())
        pa = Coefficient(float(np.trace(table) / n)) if n else undefined("no item in common")
        pairs.append(
            PairAgreement(
                annotators[i],
                annotators[j],
                n,
                pa,
                cohen_kappa_table(table),
                cohen_kappa_table(table, weights),
                table,
            )
        )
    return pairs


@dataclass(frozen=True)
class LabelBreakdown:
    """How one label was used and how far annotators agree on it."""

    label: str
    count: int
    """How many labels (over all annotators and items counted) were this label."""
    share: float | None
    """count / all labels counted."""
    specific_agreement: Coefficient
    """Of the pairs of labels on one item in which at least one is this label, the share in which both are."""
    kappa: Coefficient
    """Fleiss' kappa for this label against all others (Fleiss 1971, kappa_j)."""


def label_breakdown(counts: np.ndarray, labels: list[str]) -> list[LabelBreakdown]:
    """Per-label use, specific agreement and Fleiss' per-category kappa from an item × label count matrix."""
    table = _check_counts(counts)
    if table.shape[1] != len(labels):
        raise ValueError("one label name per column is needed")
    r = table.sum(axis=1)
    pairable = table[r >= 2]
    rp = r[r >= 2]
    total = float(table.sum())
    result = []
    for k, name in enumerate(labels):
        column = table[:, k]
        agreeing = float((pairable[:, k] * (pairable[:, k] - 1)).sum())
        involving = float((pairable[:, k] * (rp - 1)).sum())
        if involving:
            specific = Coefficient(agreeing / involving)
        else:
            specific = undefined(f"no item labelled by two or more annotators has the label {name}")
        binary = np.stack([column, r - column], axis=1)
        kappa = fleiss_kappa_counts(binary)
        if not kappa.defined and kappa.reason != NO_PAIRS:
            kappa = undefined(f"the label {name} was used on every item or on none")
        result.append(
            LabelBreakdown(
                name, int(column.sum()), float(column.sum()) / total if total else None, specific, kappa
            )
        )
    return result


@dataclass(frozen=True)
class Summary:
    """The agreement figures of a label matrix, all over the items labelled by two or more annotators."""

    items: int
    """Items labelled by two or more annotators (those the figures are computed on)."""
    labels: int
    """Labels given to those items."""
    unanimous: int
    """Of those items, how many got the same label from everyone who labelled them."""
    percent_agreement: Coefficient
    fleiss_kappa: Coefficient
    krippendorff_alpha_nominal: Coefficient
    krippendorff_alpha_ordinal: Coefficient
    gwet_ac1: Coefficient
    brennan_prediger: Coefficient


def summarise(counts: np.ndarray, annotators: int) -> Summary:
    """The overall figures of an items × categories count matrix, labelled by `annotators` annotators."""
    table = _check_counts(counts)
    r = table.sum(axis=1)
    pairable = table[r >= 2]
    if annotators < 2:
        reason = "only one annotator has labels" if annotators == 1 else "no annotator has labels"
        none = undefined(reason)
        return Summary(0, 0, 0, none, none, none, none, none, none)
    return Summary(
        items=int(pairable.shape[0]),
        labels=int(pairable.sum()),
        unanimous=int((pairable.max(axis=1) == pairable.sum(axis=1)).sum()) if pairable.size else 0,
        percent_agreement=percent_agreement_counts(pairable),
        fleiss_kappa=fleiss_kappa_counts(pairable),
        krippendorff_alpha_nominal=krippendorff_alpha_counts(pairable, "nominal"),
        krippendorff_alpha_ordinal=krippendorff_alpha_counts(pairable, "ordinal"),
        gwet_ac1=gwet_ac1_counts(pairable),
        brennan_prediger=brennan_prediger_counts(pairable),
    )
