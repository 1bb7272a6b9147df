"""Project-wide CLI checks: every registered command has working, documented help, and the import boundary
holds (help, version and the core modules never import spaCy or textual)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from stancetool import __version__
from stancetool.cli import app

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
# Full-screen commands may need textual for their work, never spaCy; all others need neither for --help.
TUI_COMMANDS = {"annotate", "review"}
HEAVY = ("spacy", "textual", "thinc", "torch")
# Modules that exist to run spaCy (or are the entry point), everything else under stancetool/ is core.
NOT_CORE = {"extract", "__main__"}

runner = CliRunner()


def test_the_app_has_commands() -> None:
    assert "extract" in COMMANDS


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"stancetool {__version__}\n"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: stancetool {name}" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"### `stancetool {name}`" in readme


def test_root_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.stdout


def _run_probe(code: str) -> dict[str, list[str]]:
    """Run `code` in a fresh interpreter; it prints a JSON object {step: heavy modules loaded after it}."""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_and_version_import_neither_spacy_nor_textual() -> None:
    steps = [["--help"], ["--version"]] + [[name, "--help"] for name in COMMANDS]
    code = f"""
import json, sys
from typer.testing import CliRunner
from stancetool.cli import app
heavy = {HEAVY!r}
loaded = {{}}
for args in {steps!r}:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, (args, result.output)
    loaded[" ".join(args)] = sorted(m for m in heavy if m in sys.modules)
print(json.dumps(loaded))
"""
    loaded = _run_probe(code)
    # Modules stay loaded, so the first step that shows one is the culprit.
    for step, modules in loaded.items():
        allowed = {"textual"} if step.split()[0] in TUI_COMMANDS else set()
        assert set(modules) <= allowed, f"`stancetool {step}` imports {modules}"


def core_modules() -> list[str]:
    names = sorted(p.stem for p in (ROOT / "stancetool").glob("*.py") if p.stem not in NOT_CORE)
    return ["stancetool" if n == "__init__" else f"stancetool.{n}" for n in names]


def test_core_modules_import_neither_spacy_nor_textual() -> None:
    modules = core_modules()
    assert {"stancetool.models", "stancetool.files", "stancetool.articles"} <= set(modules)
    code = f"""
import importlib, json, sys
loaded = {{}}
for name in {modules!r}:
    importlib.import_module(name)
    loaded[name] = sorted(m for m in {HEAVY!r} if m in sys.modules)
print(json.dumps(loaded))
"""
    for module, heavy in _run_probe(code).items():
        assert heavy == [], f"importing {module} imports {heavy}"


def test_python_dash_m_runs_the_app() -> None:
    command = [sys.executable, "-m", "stancetool", "--version"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, f"stancetool {__version__}\n")
