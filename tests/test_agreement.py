"""Agreement coefficients against the published worked examples of their methods, to 3 decimals.

Sources of the expected values (each printed in the source, none computed with this code):

- cac.raw4raters: Krippendorff's reliability data with missing values, 4 observers × 12 units, values 1–5
  (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011; also Hayes & Krippendorff 2007), as
  shipped in Gwet's R package irrCAC. Nominal alpha .743 (Krippendorff 2011; irrCAC README: 0.74342),
  ordinal alpha .815 (Krippendorff 2011; the `krippendorff` package's test_ordinal_metric), percent
  agreement 0.8181818, Gwet's AC1 0.77544, Fleiss' kappa 0.76117, Brennan–Prediger 0.77273 (irrCAC README,
  github.com/kgwet/irrCAC).
- Wikipedia's Fleiss' kappa example, 10 subjects × 14 raters × 5 categories: kappa 0.210 (Wikipedia "Fleiss'
  kappa"; Cardillo's MATLAB `fleiss` README: 0.2099 with per-category kappa_j 0.2013 0.0797 0.1716 0.0304
  0.5077).
- cont3x3abstractors, 2 raters × 100 subjects as a 3 × 3 table (Gwet, Handbook of Inter-Rater Reliability,
  4th ed.; irrCAC README and weighting vignette): Cohen's kappa 0.7964094, quadratic weighted kappa
  0.8921569, Gwet's AC1 0.8493305, Brennan–Prediger 0.835, Krippendorff's alpha 0.7972585, percent agreement
  0.89.
- distrib.6raters, 15 subjects × 6 raters (Fleiss 1971's psychiatric diagnoses, irrCAC README): AC1
  0.4448007, Fleiss' kappa 0.4139265, Krippendorff's alpha 0.4204384, Brennan–Prediger 0.4388889.
- Wikipedia's Krippendorff's alpha computational example, 3 coders × 15 units with missing values: nominal
  alpha 0.691 (the `krippendorff` package's test_nominal_metric_reliability_data: 0.691358).
- Wikipedia's Cohen's kappa example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15: kappa 0.4.
"""

from __future__ import annotations

import numpy as np
import pytest

from stancetool import agreement as ag

N = None

RAW4 = [
    [1, 1, N, 1],
    [2, 2, 3, 2],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [2, 2, 2, 2],
    [1, 2, 3, 4],
    [4, 4, 4, 4],
    [1, 1, 2, 1],
    [2, 2, 2, 2],
    [N, 5, 5, 5],
    [N, N, 1, 1],
    [N, N, 3, N],
]

FLEISS_WIKIPEDIA = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]

ABSTRACTORS = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]

DISTRIB_6RATERS = [
    [0, 0, 0, 6, 0],
    [0, 3, 0, 0, 3],
    [0, 1, 4, 0, 1],
    [0, 0, 0, 0, 6],
    [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0],
    [0, 0, 4, 0, 2],
    [2, 0, 3, 1, 0],
    [2, 0, 0, 4, 0],
    [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0],
    [1, 1, 0, 4, 0],
    [0, 3, 3, 0, 0],
    [1, 0, 0, 5, 0],
    [0, 2, 0, 3, 1],
]

KRIPPENDORFF_WIKIPEDIA = [  # coders in rows, units in columns
    [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
    [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
    [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
]


def coded(rows: list[list[int | None]], first: int = 1) -> np.ndarray:
    """Values first … in a matrix with None for missing, as 0-based codes with MISSING."""
    return np.array([[ag.MISSING if v is None else v - first for v in row] for row in rows], dtype=np.int64)


def table_to_matrix(table: list[list[int]]) -> np.ndarray:
    """A two-rater contingency table as an items × 2 label matrix."""
    rows = [[i, j] for i, line in enumerate(table) for j, count in enumerate(line) for _ in range(count)]
    return np.array(rows, dtype=np.int64)


def r3(c: ag.Coefficient) -> float:
    assert c.value is not None, c.reason
    return round(c.value, 3)


class TestKrippendorffData:
    """Krippendorff (2011)'s 4 observers × 12 units with missing values."""

    def setup_method(self) -> None:
        self.matrix = coded(RAW4)

    def test_alpha_nominal(self) -> None:
        assert r3(ag.krippendorff_alpha(self.matrix, 5, "nominal")) == 0.743

    def test_alpha_ordinal(self) -> None:
        assert r3(ag.krippendorff_alpha(self.matrix, 5, "ordinal")) == 0.815

    def test_percent_agreement(self) -> None:
        assert r3(ag.percent_agreement(self.matrix, 5)) == 0.818

    def test_gwet_ac1(self) -> None:
        assert r3(ag.gwet_ac1(self.matrix, 5)) == 0.775

    def test_fleiss_kappa_with_missing_values(self) -> None:
        assert r3(ag.fleiss_kappa(self.matrix, 5)) == 0.761

    def test_brennan_prediger(self) -> None:
        assert r3(ag.brennan_prediger(self.matrix, 5)) == 0.773


def test_krippendorff_wikipedia_example_nominal() -> None:
    matrix = coded(KRIPPENDORFF_WIKIPEDIA).T
    assert r3(ag.krippendorff_alpha(matrix, 4, "nominal")) == 0.691


class TestFleissWikipedia:
    def test_kappa(self) -> None:
        assert r3(ag.fleiss_kappa_counts(np.array(FLEISS_WIKIPEDIA))) == 0.210

    def test_per_category_kappa(self) -> None:
        breakdown = ag.label_breakdown(np.array(FLEISS_WIKIPEDIA), ["1", "2", "3", "4", "5"])
        assert [round(b.kappa.value or 0, 4) for b in breakdown] == [0.2013, 0.0797, 0.1716, 0.0304, 0.5077]
        assert [b.count for b in breakdown] == [20, 28, 39, 21, 32]

    def test_same_from_raw_matrix(self) -> None:
        rows = [[k for k, c in enumerate(line) for _ in range(c)] for line in FLEISS_WIKIPEDIA]
        assert r3(ag.fleiss_kappa(np.array(rows), 5)) == 0.210


class TestTwoRaterTable:
    """Gwet's cont3x3abstractors: two abstractors, 100 pregnancies, 3 categories."""

    def setup_method(self) -> None:
        self.matrix = table_to_matrix(ABSTRACTORS)

    def test_cohen_kappa(self) -> None:
        assert r3(ag.cohen_kappa(self.matrix[:, 0], self.matrix[:, 1], 3)) == 0.796

    def test_cohen_kappa_quadratic_weights(self) -> None:
        assert r3(ag.cohen_kappa(self.matrix[:, 0], self.matrix[:, 1], 3, "quadratic")) == 0.892

    def test_confusion_matrix_is_the_table(self) -> None:
        assert ag.confusion_matrix(self.matrix[:, 0], self.matrix[:, 1], 3).tolist() == ABSTRACTORS

    def test_gwet_ac1(self) -> None:
        assert r3(ag.gwet_ac1(self.matrix, 3)) == 0.849

    def test_brennan_prediger(self) -> None:
        assert r3(ag.brennan_prediger(self.matrix, 3)) == 0.835

    def test_krippendorff_alpha(self) -> None:
        assert r3(ag.krippendorff_alpha(self.matrix, 3, "nominal")) == 0.797

    def test_percent_agreement(self) -> None:
        assert r3(ag.percent_agreement(self.matrix, 3)) == 0.89

    def test_pair_agreements(self) -> None:
        (pair,) = ag.pair_agreements(self.matrix, ["x", "y"], 3)
        assert (pair.a, pair.b, pair.n) == ("x", "y", 100)
        assert r3(pair.kappa) == 0.796
        assert r3(pair.weighted_kappa) == 0.892
        assert r3(pair.percent_agreement) == 0.89


class TestSixRaters:
    def setup_method(self) -> None:
        self.counts = np.array(DISTRIB_6RATERS)

    def test_gwet_ac1(self) -> None:
        assert r3(ag.gwet_ac1_counts(self.counts)) == 0.445

    def test_fleiss_kappa(self) -> None:
        assert r3(ag.fleiss_kappa_counts(self.counts)) == 0.414

    def test_krippendorff_alpha(self) -> None:
        assert r3(ag.krippendorff_alpha_counts(self.counts, "nominal")) == 0.420

    def test_brennan_prediger(self) -> None:
        assert r3(ag.brennan_prediger_counts(self.counts)) == 0.439


def test_cohen_wikipedia_example() -> None:
    table = [[20, 5], [10, 15]]
    assert r3(ag.cohen_kappa_table(np.array(table))) == 0.4


def test_weights_do_not_matter_for_two_labels() -> None:
    table = np.array([[20, 5], [10, 15]])
    values = {r3(ag.cohen_kappa_table(table, w)) for w in (None, "linear", "quadratic")}
    assert values == {0.4}


def test_agreement_weights() -> None:
    assert ag.agreement_weights(3, "linear").tolist() == [[1, 0.5, 0], [0.5, 1, 0.5], [0, 0.5, 1]]
    assert ag.agreement_weights(3, "quadratic").tolist() == [[1, 0.75, 0], [0.75, 1, 0.75], [0, 0.75, 1]]


def test_weighted_kappa_credits_near_misses() -> None:
    # one annotator always one step more critical than the other on a 3-point scale
    a = np.array([0, 0, 1, 1, 2, 2, 0, 1])
    b = np.array([1, 0, 2, 1, 2, 2, 1, 1])
    plain = ag.cohen_kappa(a, b, 3)
    linear = ag.cohen_kappa(a, b, 3, "linear")
    quadratic = ag.cohen_kappa(a, b, 3, "quadratic")
    assert plain.value is not None and linear.value is not None and quadratic.value is not None
    assert plain.value < linear.value < quadratic.value


class TestUndefined:
    def test_one_label_only(self) -> None:
        matrix = np.zeros((5, 3), dtype=np.int64)
        assert ag.fleiss_kappa(matrix, 3).value is None
        assert "one label" in (ag.fleiss_kappa(matrix, 3).reason or "")
        assert ag.krippendorff_alpha(matrix, 3, "nominal").value is None
        assert ag.krippendorff_alpha(matrix, 3, "ordinal").value is None
        assert ag.cohen_kappa(matrix[:, 0], matrix[:, 1], 3).value is None
        # percent agreement and AC1 stay defined: everyone agrees
        assert ag.percent_agreement(matrix, 3).value == 1.0
        assert ag.gwet_ac1(matrix, 3).value == 1.0

    def test_no_overlap(self) -> None:
        matrix = np.array([[0, ag.MISSING], [ag.MISSING, 1]])
        for c in (
            ag.percent_agreement(matrix, 3),
            ag.fleiss_kappa(matrix, 3),
            ag.gwet_ac1(matrix, 3),
            ag.krippendorff_alpha(matrix, 3, "nominal"),
            ag.cohen_kappa(matrix[:, 0], matrix[:, 1], 3),
        ):
            assert c.value is None and c.reason

    def test_one_annotator_summary(self) -> None:
        summary = ag.summarise(ag.count_matrix(np.array([[0], [1], [2]]), 3), annotators=1)
        assert summary.items == 0
        assert summary.krippendorff_alpha_nominal == ag.Coefficient(None, "only one annotator has labels")

    def test_bad_codes_rejected(self) -> None:
        with pytest.raises(ValueError):
            ag.count_matrix(np.array([[0, 3]]), 3)


def test_summarise_uses_items_with_two_or_more_labels() -> None:
    m = ag.MISSING
    matrix = np.array([[0, 0, m], [1, 2, 2], [2, m, m], [0, 0, 0]])
    summary = ag.summarise(ag.count_matrix(matrix, 3), annotators=3)
    assert (summary.items, summary.labels, summary.unanimous) == (3, 8, 2)
    # items 1, 2, 4: agreeing pairs 1/1, 1/3, 3/3
    assert summary.percent_agreement.value == pytest.approx((1 + 1 / 3 + 1) / 3)


def test_specific_agreement() -> None:
    counts = np.array([[2, 0], [1, 1], [0, 2]])
    first, second = ag.label_breakdown(counts, ["a", "b"])
    # label a: pairs involving a: item 1 (2 ordered pairs, both a), item 2 (1 ordered pair a-b) → 2/3
    assert first.specific_agreement.value == pytest.approx(2 / 3)
    assert second.specific_agreement.value == pytest.approx(2 / 3)
    assert first.share == 0.5
