"""The command line starts light: `stancetool --help` and every command's help load neither the NLP stack, the
terminal app nor numpy (each is imported only by the command that needs it, when it runs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import typer

from stancetool.cli import app

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
HEAVY = ("spacy", "textual", "numpy", "thinc", "krippendorff")


def test_help_of_every_command_loads_nothing_heavy() -> None:
    steps = [["--help"]] + [[name, "--help"] for name in COMMANDS]
    code = f"""
import json, sys
from typer.testing import CliRunner
from stancetool.cli import app
loaded = {{}}
for args in {steps!r}:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, (args, result.output)
    loaded[" ".join(args)] = sorted(m for m in {HEAVY!r} if m in sys.modules)
print(json.dumps(loaded))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    for step, modules in json.loads(done.stdout.strip().splitlines()[-1]).items():
        assert modules == [], f"`stancetool {step}` imports {modules}"
