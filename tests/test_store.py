"""The label store: append-only files, the per-annotator lock, tolerant reading, current state."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta

import pytest

from stancetool import store
from stancetool.codebook import DEFAULT_CODEBOOK
from stancetool.errors import StanceToolError
from stancetool.models import Codebook, CodebookLabel
from stancetool.store import (
    adjudications,
    check_annotator_name,
    current_events,
    current_labels,
    make_event,
    open_writer,
    read_events,
)

CB = DEFAULT_CODEBOOK


def ev(quote_id, annotator, label, **kwargs):
    return make_event(quote_id, annotator, label, CB, **kwargs)


@pytest.mark.parametrize("name", ["alice", "Bob_2", "a.b-c", "x"])
def test_good_annotator_names(name):
    assert check_annotator_name(name) == name


@pytest.mark.parametrize(
    "name", ["", ".", "..", ".hidden", "../x", "a/b", "a b", "ä", "a\\b", "a\x00", "a:b", "a\n"]
)
def test_bad_annotator_names(name):
    with pytest.raises(StanceToolError, match="invalid annotator name"):
        check_annotator_name(name)


def test_make_event_checks_label_and_stamps_utc():
    before = datetime.now(UTC)
    event = ev("q1", "alice", "critical", note="n", flags=["wrong_speaker", "wrong_speaker"], seconds=1.23456)
    assert before <= event.created_at <= datetime.now(UTC)
    assert event.created_at.utcoffset() == timedelta(0)
    assert event.flags == ("wrong_speaker",)
    assert event.seconds == 1.235
    assert (event.target, event.codebook_version, event.schema_version) == ("Russia", "1", 1)
    assert ev("q1", "alice", None).label is None
    with pytest.raises(StanceToolError, match="label 'great' is not in the codebook"):
        ev("q1", "alice", "great")
    with pytest.raises(StanceToolError, match="invalid annotator name"):
        ev("q1", "../alice", "critical")


def test_append_writes_one_line_and_fsyncs_before_returning(tmp_path, monkeypatch):
    seen = []
    real_fsync = os.fsync

    def spy(fd):
        real_fsync(fd)
        seen.append((tmp_path / "alice.jsonl").read_text(encoding="utf-8"))

    monkeypatch.setattr(store.os, "fsync", spy)
    with open_writer(tmp_path, "alice") as writer:
        seen.clear()  # the directory fsync on creation
        writer.append(ev("q1", "alice", "critical"))
        assert len(seen) == 1 and seen[0].count("\n") == 1
        writer.append(ev("q2", "alice", "neutral"))
        assert len(seen) == 2 and seen[1].count("\n") == 2
    lines = (tmp_path / "alice.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["quote_id"] for line in lines] == ["q1", "q2"]


def test_writer_creates_directory_and_refuses_foreign_events(tmp_path):
    directory = tmp_path / "a" / "b"
    with open_writer(directory, "alice") as writer:
        with pytest.raises(StanceToolError, match="event by 'bob' cannot go to the file of 'alice'"):
            writer.append(ev("q1", "bob", "critical"))
        writer.append(ev("q1", "alice", "critical"))
    assert (directory / "alice.jsonl").is_file()


def test_second_writer_for_same_annotator_is_refused(tmp_path):
    with open_writer(tmp_path, "alice"):
        with pytest.raises(StanceToolError) as info:
            open_writer(tmp_path, "alice")
        assert info.value.message == (
            f"{tmp_path / 'alice.jsonl'}: already open by another stancetool process (annotator alice)"
        )
        with open_writer(tmp_path, "bob") as other:  # another annotator is free
            other.append(ev("q1", "bob", "neutral"))
    with open_writer(tmp_path, "alice") as again:  # released on close
        again.append(ev("q1", "alice", "neutral"))


HOLDER = textwrap.dedent(
    """
    import sys, time
    from stancetool.store import open_writer
    writer = open_writer(sys.argv[1], "alice")
    print("locked", flush=True)
    time.sleep(60)
    """
)


def test_lock_dies_with_its_process(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(StanceToolError, match="already open by another stancetool process"):
            open_writer(tmp_path, "alice")
    finally:
        child.kill()
        child.wait(timeout=10)
    with open_writer(tmp_path, "alice") as writer:  # no stale lock after SIGKILL
        writer.append(ev("q1", "alice", "critical"))


def test_torn_last_line_is_reported_and_later_events_still_count(tmp_path):
    with open_writer(tmp_path, "alice") as writer:
        writer.append(ev("q1", "alice", "critical"))
        writer.append(ev("q2", "alice", "neutral"))
    path = tmp_path / "alice.jsonl"
    whole = ev("q3", "alice", "supportive").model_dump_json()
    with path.open("a", encoding="utf-8") as handle:
        handle.write(whole[: len(whole) // 2])  # power cut in the middle of a line
    events, problems = read_events(tmp_path)
    assert [e.quote_id for e in events] == ["q1", "q2"]
    assert [(p.path, p.line) for p in problems] == [(str(path), 3)]
    assert problems[0].message.startswith("invalid JSON")
    with open_writer(tmp_path, "alice") as writer:  # the torn line is ended, not glued to the next event
        writer.append(ev("q3", "alice", "supportive"))
    events, problems = read_events(tmp_path)
    assert [e.quote_id for e in events] == ["q1", "q2", "q3"]
    assert [p.line for p in problems] == [3]


def test_read_events_reports_bad_lines_and_keeps_the_rest(tmp_path):
    good = ev("q1", "alice", "critical").model_dump()
    foreign = ev("q2", "bob", "critical").model_dump_json()
    china = make_event(
        "q3",
        "alice",
        "a",
        Codebook(target="China", labels=(CodebookLabel(name="a", key="1"), CodebookLabel(name="b", key="2"))),
    ).model_dump_json()
    unknown = json.dumps({**good, "created_at": good["created_at"].isoformat(), "label": "hostile"})
    lines = [
        json.dumps({**good, "created_at": good["created_at"].isoformat()}),
        "not json",
        "[1, 2]",
        json.dumps({"quote_id": "q9"}),
        foreign,
        "",
        china,
        unknown,
    ]
    (tmp_path / "alice.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "bad name.jsonl").write_text(foreign + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")

    events, problems = read_events(tmp_path)
    assert [e.quote_id for e in events] == ["q1", "q3", "q1"]
    events, problems = read_events(tmp_path, CB)
    assert [e.quote_id for e in events] == ["q1"]
    alice = str(tmp_path / "alice.jsonl")
    assert [str(p) for p in problems] == [
        f"{alice}:2: invalid JSON (Expecting value)",
        f"{alice}:3: expected a JSON object",
        f"{alice}:4: not a label event: annotator: Field required (and 5 more)",
        f"{alice}:5: event by 'bob' in the file of 'alice'",
        f"{alice}:7: label for target 'China', the codebook is for 'Russia'",
        f"{alice}:8: label 'hostile' is not in the codebook",
        f"{tmp_path / 'bad name.jsonl'}: file name is not an annotator name; file skipped",
    ]


def test_missing_directory_means_no_labels_yet(tmp_path):
    assert read_events(tmp_path / "absent") == ([], [])
    (tmp_path / "file").write_text("x")
    with pytest.raises(StanceToolError, match="not a directory"):
        read_events(tmp_path / "file")


def test_current_labels_last_event_wins_and_retraction_removes():
    events = [
        ev("q1", "alice", "critical"),
        ev("q1", "bob", "neutral"),
        ev("q1", "alice", "neutral"),
        ev("q2", "alice", "critical"),
        ev("q2", "alice", None),
        ev("q3", "alice", None, flags=["not_a_quote"]),
        ev("q1", "carol", "supportive", adjudication=True),
    ]
    current = current_labels(events)
    labels = {key: e.label for key, e in current.items()}
    assert labels == {("alice", "q1"): "neutral", ("bob", "q1"): "neutral"}
    everything = current_events(events)
    assert everything[("alice", "q2")].label is None
    assert everything[("alice", "q3")].flags == ("not_a_quote",)
    assert ("carol", "q1") not in everything


def test_adjudications_latest_by_time_across_files():
    early = ev("q1", "zed", "critical", adjudication=True)
    late = ev("q1", "amy", "neutral", adjudication=True).model_copy(
        update={"created_at": early.created_at + timedelta(seconds=5)}
    )
    retract_q2 = [ev("q2", "amy", "critical", adjudication=True), ev("q2", "amy", None, adjudication=True)]
    plain = ev("q3", "amy", "critical")
    result = adjudications([late, early, *retract_q2, plain])  # files are read in name order: amy, zed
    assert {q: e.label for q, e in result.items()} == {"q1": "neutral"}
