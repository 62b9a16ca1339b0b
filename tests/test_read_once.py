"""Each content file is read once: what is checked is what was read, even when a file changes
or vanishes during the run (a duplicate record id is located from the first reading)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from advising_content import validate_paths
from audit_events import watching
from conftest import EXAMPLES

MINIMAL = (EXAMPLES / "positive" / "minimal.yaml").read_text("utf-8")


@contextlib.contextmanager
def watching_opens(watcher: Callable[[str], None]) -> Iterator[None]:
    """Call ``watcher`` with the path of every file opened by name inside the block."""

    def on_open(arguments: tuple[Any, ...]) -> None:
        # Python raises "open" for open() with its mode, and again for os.open with none.
        if isinstance(arguments[0], str) and arguments[1]:
            watcher(arguments[0])

    with watching("open", on_open):
        yield


def _records(folder: Path) -> None:
    """a.yaml and copy/a.yaml share the record id 'a'; d.yaml is read after them."""
    (folder / "copy").mkdir()
    (folder / "a.yaml").write_text(MINIMAL.replace("id: minimal", "id: a"), "utf-8")
    (folder / DUPLICATE).write_text("# b\n" + MINIMAL.replace("id: minimal", "id: a"), "utf-8")
    (folder / "d.yaml").write_text(MINIMAL.replace("id: minimal", "id: d"), "utf-8")


DUPLICATE = "copy/a.yaml"


def _problems(folder: Path) -> list[tuple[str, int, int, str]]:
    report = validate_paths([folder])
    return [(p.path, p.line, p.column, p.rule) for p in report.problems]


def test_each_content_file_is_opened_once(tmp_path: Path) -> None:
    _records(tmp_path)
    opened: list[str] = []
    with watching_opens(opened.append):
        found = _problems(tmp_path)
    content = sorted(name for name in opened if name.endswith(".yaml"))
    assert content == [str(tmp_path / name) for name in ("a.yaml", DUPLICATE, "d.yaml")]
    assert found == [(str(tmp_path / DUPLICATE), 4, 5, "duplicate-record")]


def _after_the_duplicate_is_read(
    change: Callable[[Path], None], folder: Path
) -> Callable[[str], None]:
    def watcher(name: str) -> None:
        if name == str(folder / "d.yaml"):
            change(folder / DUPLICATE)

    return watcher


def test_a_duplicate_that_vanishes_after_it_was_read(tmp_path: Path) -> None:
    _records(tmp_path)
    with watching_opens(_after_the_duplicate_is_read(Path.unlink, tmp_path)):
        found = _problems(tmp_path)
    assert not (tmp_path / DUPLICATE).exists()
    assert found == [(str(tmp_path / DUPLICATE), 4, 5, "duplicate-record")]


def test_a_duplicate_that_changes_after_it_was_read(tmp_path: Path) -> None:
    _records(tmp_path)
    garble = _after_the_duplicate_is_read(lambda path: path.write_text("[\n"), tmp_path)
    with watching_opens(garble):
        found = _problems(tmp_path)
    assert (tmp_path / DUPLICATE).read_text() == "[\n"
    assert found == [(str(tmp_path / DUPLICATE), 4, 5, "duplicate-record")]
