"""`stancetool extract` end to end: bad inputs, atomic output, standard input, summary and exit status.

Runs where every input is bad never load spaCy (the command stops before the model); the few runs that
extract use the real model on tiny inputs, and the mid-run failure uses a stand-in extractor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stancetool.articles import Article
from stancetool.cli import app
from stancetool.errors import StanceToolError
from stancetool.models import Quote

runner = CliRunner()

# A quotation every extractor must find: quotation marks, a cue verb, a named speaker.
SPEAKER = "Jean Dupr\u00e9"
SAID = "The caf\u00e9 will stay open whatever happens"
ARTICLE = f"The mayor spoke on Monday. \u201c{SAID},\u201d said {SPEAKER}. The council did not comment.\n"


def extract(*args: str, stdin: bytes | None = None):
    result = runner.invoke(app, ["extract", *args], input=stdin)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def quotes_of(text: str) -> list[Quote]:
    return [Quote.model_validate_json(line) for line in text.splitlines()]


def stderr_lines(result) -> list[str]:
    return result.stderr.splitlines()


# --- nothing usable: one line per input, exit 1, and the model is never loaded ---------------------------


def _missing(d: Path) -> tuple[Path, str]:
    return d / "missing.txt", "no such file or directory"


def _empty(d: Path) -> tuple[Path, str]:
    return _write(d / "empty.txt", b""), "empty file, no text to read"


def _whitespace(d: Path) -> tuple[Path, str]:
    return _write(d / "blank.txt", b" \n\n\t"), "empty file, no text to read"


def _binary(d: Path) -> tuple[Path, str]:
    path = _write(d / "image.txt", b"GIF89a\x01\x00\x01\x00\x00\xff")
    return path, "binary file (contains NUL bytes), expected text"


def _no_articles(d: Path) -> tuple[Path, str]:
    _write(d / "docs" / "notes.md", b"no articles")
    return d / "docs", "no .txt articles in this directory"


def _bad_corpus(d: Path) -> tuple[Path, str]:
    path = _write(d / "c.jsonl", b"\n{not json}\n")
    return path, "invalid JSON (Expecting property name enclosed in double quotes at column 2)"


@pytest.mark.parametrize("make", [_missing, _empty, _whitespace, _binary, _no_articles, _bad_corpus])
def test_nothing_readable_fails_with_one_line_per_input(tmp_path: Path, make) -> None:
    path, message = make(tmp_path)
    where = f"{path}:2" if path.suffix == ".jsonl" else str(path)
    target = tmp_path / "quotes.jsonl"
    result = extract(str(path), "-o", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert stderr_lines(result) == [
        f"warning: {where}: {message}",
        f"0 articles read, 1 skipped, 0 quotations written to {target}",
        "error: no article could be read",
        "hint: check the paths above",
    ]
    assert not target.exists()


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_all_inputs_bad_reports_each_and_exits_1(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.txt", b"")
    binary = _write(tmp_path / "bin.txt", b"\x00\x01\x02")
    result = extract(str(empty), str(tmp_path / "gone.txt"), str(binary))
    assert result.exit_code == 1
    assert stderr_lines(result)[:3] == [
        f"warning: {empty}: empty file, no text to read",
        f"warning: {tmp_path / 'gone.txt'}: no such file or directory",
        f"warning: {binary}: binary file (contains NUL bytes), expected text",
    ]
    assert "0 articles read, 3 skipped, 0 quotations written" in result.stderr


def test_usage_errors_are_one_line() -> None:
    result = extract()
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


# --- with the real model -----------------------------------------------------------------------------------


def test_bad_inputs_are_skipped_and_the_good_ones_extracted(tmp_path: Path) -> None:
    good = _write(tmp_path / "articles" / "a.txt", ARTICLE.encode("utf-8"))
    _write(tmp_path / "articles" / "b.txt", b"")  # a bad file inside a directory
    legacy = _write(tmp_path / "legacy.txt", ARTICLE.replace("Monday", "Tuesday").encode("cp1252"))
    binary = _write(tmp_path / "binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00")
    lines = [
        json.dumps({"id": "doc-1", "text": ARTICLE.replace("Monday", "Friday")}),
        '{"id": "doc-2", "text": "unterminated',
        json.dumps({"id": "doc-3", "text": ARTICLE.replace("Monday", "Sunday")}),
    ]
    corpus = _write(tmp_path / "corpus.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    missing = tmp_path / "missing.txt"

    paths = [good.parent, legacy, binary, corpus, empty_dir, missing]
    result = extract(*map(str, paths))

    assert result.exit_code == 0, result.output
    warnings = [line for line in stderr_lines(result) if line.startswith("warning:")]
    assert warnings == [
        f"warning: {good.parent / 'b.txt'}: empty file, no text to read",
        f"warning: {binary}: binary file (contains NUL bytes), expected text",
        f"warning: {corpus}:2: invalid JSON (Unterminated string starting at column 25)",
        f"warning: {empty_dir}: no .txt articles in this directory",
        f"warning: {missing}: no such file or directory",
    ]
    quotes = quotes_of(result.stdout)
    by_doc = {q.doc_id: q for q in quotes if q.kind == "direct"}
    assert sorted(by_doc) == ["a.txt", "doc-1", "doc-3", "legacy.txt"]
    for doc_id in by_doc:
        quote = by_doc[doc_id]
        assert (quote.text, quote.speaker) == (SAID, SPEAKER)
    # The cp1252 file was decoded, not rejected: é and the curly marks are read right, offsets point into it.
    legacy_text = legacy.read_bytes().decode("cp1252")
    quote = by_doc["legacy.txt"]
    assert legacy_text[quote.start : quote.end] == SAID
    assert legacy_text[quote.start - 1] == "\u201c"
    assert f"4 articles read, 5 skipped, {len(quotes)} quotations written" in result.stderr
    assert SPEAKER in result.stderr  # the per-speaker table


def test_standard_input_and_atomic_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "quotes.jsonl"
    target.parent.mkdir()
    result = extract("-", "-o", str(target), stdin=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    quotes = quotes_of(target.read_text(encoding="utf-8"))
    direct = [(q.doc_id, q.text, q.speaker) for q in quotes if q.kind == "direct"]
    assert direct == [("<stdin>", SAID, SPEAKER)]
    assert [p.name for p in target.parent.iterdir()] == ["quotes.jsonl"]  # no temporary file left
    written = f"{len(quotes)} quotation{'s' * (len(quotes) != 1)} written to {target}"
    assert f"1 article read, 0 skipped, {written}" in result.stderr


def test_missing_model_is_one_line_and_leaves_no_file(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", ARTICLE.encode("utf-8"))
    target = tmp_path / "quotes.jsonl"
    result = extract(str(article), "--model", "no_such_spacy_model", "-o", str(target))
    assert result.exit_code == 1
    assert "error: spaCy pipeline 'no_such_spacy_model' is not installed" in stderr_lines(result)
    assert list(tmp_path.iterdir()) == [article]


# --- a run that fails midway never leaves half a file ------------------------------------------------------


def _failing_after_one(error: BaseException):
    def fake(articles: Iterable[Article], **options) -> Iterator[tuple[Article, list[Quote]]]:
        for number, article in enumerate(articles):
            if number == 1:
                raise error
            quote = Quote(
                id=f"q{number}",
                doc_id=article.doc_id,
                text="x",
                speaker="S",
                kind="direct",
                start=0,
                end=1,
                context=article.text,
                context_start=0,
            )
            yield article, [quote]

    return fake


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (KeyboardInterrupt(), 130, "error: interrupted"),
        (StanceToolError("the pipeline broke"), 1, "error: the pipeline broke"),
    ],
    ids=["interrupted", "error"],
)
@pytest.mark.parametrize("existing", [None, '{"old": "content"}\n'], ids=["new-file", "existing-file"])
def test_failure_midway_leaves_the_target_untouched(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    code: int,
    message: str,
    existing: str | None,
) -> None:
    import stancetool.extract

    monkeypatch.setattr(stancetool.extract, "extract_quotes", _failing_after_one(error))
    articles = tmp_path / "articles"
    for name in ("a.txt", "b.txt", "c.txt"):
        _write(articles / name, ARTICLE.encode("utf-8"))
    target = tmp_path / "quotes.jsonl"
    if existing is not None:
        target.write_text(existing, encoding="utf-8")

    result = extract(str(articles), "-o", str(target))

    assert result.exit_code == code
    assert message in stderr_lines(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == (
        ["articles"] if existing is None else ["articles", "quotes.jsonl"]
    )
    if existing is not None:
        assert target.read_text(encoding="utf-8") == existing


def test_fake_extractor_receives_articles_only_and_options(tmp_path: Path, monkeypatch) -> None:
    import stancetool.extract

    seen: dict = {}

    def fake(articles, **options):
        seen["options"] = options
        for article in articles:
            seen.setdefault("docs", []).append(article.doc_id)
            yield article, []

    monkeypatch.setattr(stancetool.extract, "extract_quotes", fake)
    _write(tmp_path / "a.txt", b"text")
    _write(tmp_path / "b.txt", b"")
    result = extract(str(tmp_path), "--n-process", "2", "--batch-size", "8", "--no-indirect", "--model", "m")
    assert result.exit_code == 0
    failures = seen["options"].pop("failures")
    assert failures == []
    assert seen["options"] == {"model": "m", "n_process": 2, "indirect": False, "batch_size": 8}
    assert seen["docs"] == ["a.txt"]
    assert stderr_lines(result) == [
        f"warning: {tmp_path / 'b.txt'}: empty file, no text to read",
        "1 article read, 1 skipped, 0 quotations written",
    ]


def test_output_into_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", ARTICLE.encode("utf-8"))
    target = tmp_path / "no" / "such" / "quotes.jsonl"
    result = extract(str(article), "-o", str(target))
    assert result.exit_code == 1
    assert stderr_lines(result)[0] == f"error: {target}: directory {target.parent} does not exist"
    assert list(tmp_path.iterdir()) == [article]


def _no_quotes(articles: Iterable[Article], **_options) -> Iterator[tuple[Article, list[Quote]]]:
    return ((article, []) for article in articles)


def test_warnings_stop_after_fifty_and_the_rest_are_counted(tmp_path: Path, monkeypatch) -> None:
    import stancetool.extract

    monkeypatch.setattr(stancetool.extract, "extract_quotes", _no_quotes)
    lines = ["not json"] * 55 + [json.dumps({"id": "ok", "text": "fine"})]
    corpus = _write(tmp_path / "c.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    result = extract(str(corpus))
    assert result.exit_code == 0
    lines = stderr_lines(result)
    assert lines[0] == f"warning: {corpus}:1: invalid JSON (Expecting value at column 1)"
    assert lines[49] == f"warning: {corpus}:50: invalid JSON (Expecting value at column 1)"
    assert lines[50:] == [
        "warning: … and 5 more problems not shown",
        "1 article read, 55 skipped, 0 quotations written",
    ]


def test_several_processes_give_the_same_quotations(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        _write(tmp_path / "in" / name, ARTICLE.replace("Monday", name).encode("utf-8"))
    result = extract(str(tmp_path / "in"), "--n-process", "2", "--batch-size", "1")
    assert result.exit_code == 0, result.output
    direct = [(q.doc_id, q.text, q.speaker) for q in quotes_of(result.stdout) if q.kind == "direct"]
    assert direct == [(name, SAID, SPEAKER) for name in ("a.txt", "b.txt", "c.txt")]


def test_progress_bar_on_a_terminal_with_several_articles(tmp_path: Path, monkeypatch) -> None:
    import io

    from rich.console import Console

    import stancetool.cli.extract as command
    import stancetool.extract

    monkeypatch.setattr(stancetool.extract, "extract_quotes", _no_quotes)
    terminal = io.StringIO()
    monkeypatch.setattr(command, "stderr", Console(file=terminal, force_terminal=True, width=100))
    for name in ("a.txt", "b.txt", "c.txt"):
        _write(tmp_path / name, b"text")
    assert extract(str(tmp_path)).exit_code == 0
    assert "extracting" in terminal.getvalue() and "3/3" in terminal.getvalue()

    terminal.truncate(0)
    assert extract(str(tmp_path / "a.txt")).exit_code == 0  # one article: no bar
    assert "extracting" not in terminal.getvalue()


def test_an_article_the_rules_fail_on_is_reported_and_the_others_extracted(
    tmp_path: Path, monkeypatch
) -> None:
    from stancetool.nlp import attribution

    real = attribution.Attributor.attribute

    def brittle(self, candidates):
        if "Lisbon" in self.text:
            raise ValueError("an odd article")
        return real(self, candidates)

    monkeypatch.setattr(attribution.Attributor, "attribute", brittle)
    _write(tmp_path / "in" / "a.txt", b'"Ports will stay open all winter," Mayor Ana Silva said in Lisbon.\n')
    _write(tmp_path / "in" / "b.txt", b'"Trains will run on time," said Minister Jan Berg.\n')
    result = extract(str(tmp_path / "in"))
    assert result.exit_code == 0
    assert [json.loads(line)["speaker"] for line in result.stdout.splitlines()] == ["Jan Berg"]
    assert stderr_lines(result)[:2] == [
        "warning: a.txt: extraction failed (ValueError: an odd article); article skipped",
        "1 article read, 1 skipped, 1 quotation written",
    ]
