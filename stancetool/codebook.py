"""The codebook: the target of the stance and the ordered labels annotators choose from."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from stancetool.errors import StanceToolError
from stancetool.files import validation_message
from stancetool.models import Codebook, CodebookLabel

DEFAULT_CODEBOOK = Codebook(
    target="Russia",
    version="1",
    labels=(
        CodebookLabel(
            name="supportive",
            key="1",
            description="The speaker defends, praises or sides with Russia, its government or its actions.",
        ),
        CodebookLabel(
            name="neutral",
            key="2",
            description="The speaker mentions Russia without taking a side, or states facts without judging.",
        ),
        CodebookLabel(
            name="critical",
            key="3",
            description="The speaker blames, condemns or opposes Russia, its government or its actions.",
        ),
    ),
)

RESERVED_KEYS = frozenset("usfnq?")
"""Keys the terminal app uses for itself; a codebook label cannot take them (upper case is refused too)."""


def check_codebook(codebook: Codebook, source: str = "codebook") -> Codebook:
    """Refuse duplicate names or keys and keys the app needs for itself; return the codebook unchanged."""
    names: set[str] = set()
    keys: set[str] = set()
    for label in codebook.labels:
        if label.name in names:
            raise StanceToolError(
                f"{source}: label name {label.name!r} appears twice", "give each label its own name"
            )
        names.add(label.name)
        if label.key in keys:
            raise StanceToolError(
                f"{source}: key {label.key!r} is used by two labels", "give each label its own key"
            )
        keys.add(label.key)
        if label.key.lower() in RESERVED_KEYS or not label.key.isprintable() or label.key.isspace():
            raise StanceToolError(
                f"{source}: key {label.key!r} of label {label.name!r} is reserved by the app",
                f"choose a key other than {' '.join(sorted(RESERVED_KEYS))} (digits are a good choice)",
            )
    return codebook


def load_codebook(path: Path | str | None) -> Codebook:
    """The default codebook when `path` is None, else the one in the TOML file at `path` (checked)."""
    if path is None:
        return DEFAULT_CODEBOOK
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise StanceToolError(f"{p}: no such codebook file", "check the path given to --codebook") from None
    except IsADirectoryError:
        raise StanceToolError(f"{p}: is a directory, expected a TOML codebook") from None
    except PermissionError:
        raise StanceToolError(f"{p}: permission denied") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise StanceToolError(f"{p}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise StanceToolError(f"{p}: invalid TOML ({exc})", "see the README for an example") from None
    if isinstance(data.get("version"), int | float) and not isinstance(data.get("version"), bool):
        data["version"] = str(data["version"])  # `version = 2` is as clear as `version = "2"`
    try:
        codebook = Codebook.model_validate(data)
    except ValidationError as exc:
        raise StanceToolError(
            f"{p}: not a codebook: {validation_message(exc)}",
            "a codebook sets target, version and [[labels]] with name, key and description",
        ) from None
    return check_codebook(codebook, str(p))


def label_names(codebook: Codebook) -> list[str]:
    """The label names in ordinal order."""
    return [label.name for label in codebook.labels]
