"""The codebook: the default one, and TOML files with their errors."""

from __future__ import annotations

import pytest

from stancetool.codebook import DEFAULT_CODEBOOK, label_names, load_codebook
from stancetool.errors import StanceToolError

FIVE = """
target = "China"
version = 2

[[labels]]
name = "1"
key = "1"
description = "Very negative."

[[labels]]
name = "2"
key = "2"

[[labels]]
name = "3"
key = "3"

[[labels]]
name = "4"
key = "4"

[[labels]]
name = "5"
key = "5"
description = "Very positive."
"""


def test_default_codebook_is_russia_in_ordinal_order():
    assert load_codebook(None) is DEFAULT_CODEBOOK
    assert DEFAULT_CODEBOOK.target == "Russia"
    assert DEFAULT_CODEBOOK.version == "1"
    assert [(label.name, label.key) for label in DEFAULT_CODEBOOK.labels] == [
        ("supportive", "1"),
        ("neutral", "2"),
        ("critical", "3"),
    ]
    assert all(label.description.endswith(".") for label in DEFAULT_CODEBOOK.labels)


def test_toml_codebook_keeps_order_and_fields(tmp_path):
    path = tmp_path / "cb.toml"
    path.write_text(FIVE, encoding="utf-8")
    codebook = load_codebook(path)
    assert codebook.target == "China"
    assert codebook.version == "2"
    assert label_names(codebook) == ["1", "2", "3", "4", "5"]
    assert codebook.labels[0].description == "Very negative."
    assert codebook.labels[1].description == ""


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(StanceToolError, match=r"nope\.toml: no such codebook file"):
        load_codebook(tmp_path / "nope.toml")


def test_bad_toml_gives_the_line(tmp_path):
    path = tmp_path / "cb.toml"
    path.write_text('target = "Russia"\nversion = "1"\n[[labels]\nname = "a"\n', encoding="utf-8")
    with pytest.raises(StanceToolError) as info:
        load_codebook(path)
    assert str(path) in info.value.message
    assert "invalid TOML" in info.value.message
    assert "line 3" in info.value.message


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ([("a", "1"), ("a", "2")], "label name 'a' appears twice"),
        ([("a", "1"), ("b", "1")], "key '1' is used by two labels"),
        ([("a", "1"), ("b", "q")], "key 'q' of label 'b' is reserved"),
        ([("a", "U"), ("b", "1")], "key 'U' of label 'a' is reserved"),
        ([("a", "?"), ("b", "1")], "key '?' of label 'a' is reserved"),
        ([("a", "12"), ("b", "1")], "labels.0.key"),
        ([("a", "1")], "labels"),
    ],
)
def test_bad_label_sets_are_refused(tmp_path, labels, message):
    body = 'target = "Russia"\n' + "".join(
        f'[[labels]]\nname = "{name}"\nkey = "{key}"\n' for name, key in labels
    )
    path = tmp_path / "cb.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(StanceToolError) as info:
        load_codebook(path)
    assert info.value.message.startswith(str(path))
    assert message in info.value.message


def test_unknown_field_is_refused(tmp_path):
    path = tmp_path / "cb.toml"
    path.write_text(FIVE + 'colour = "red"\n', encoding="utf-8")
    with pytest.raises(StanceToolError, match="colour: Extra inputs are not permitted"):
        load_codebook(path)
