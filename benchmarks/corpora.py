"""The corpora the benchmark runs on: N copies of content/med-peds.yaml with distinct ids and
file names, either all valid or each with one mistake an editor makes."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "med-peds.yaml"

# One mistake per invalid file, taken in turn: a misspelled key, and an audience typo.
MISTAKES = (
    ("    heading: M1 and M2 Students\n", "    headng: M1 and M2 Students\n"),
    ("audiences: [M1, M2]\n", "audiences: [M1, M22]\n"),
)
_ID_LINE = "id: med-peds\n"


def _seed_text() -> str:
    text = SEED.read_text("utf-8")
    for needed in (_ID_LINE, *(right for right, _ in MISTAKES)):
        if needed not in text:
            raise SystemExit(f"{SEED} no longer has the line {needed!r} the benchmark edits")
    return text


def write_corpus(folder: Path, count: int, *, invalid: bool = False) -> list[Path]:
    """Write ``count`` records in ``folder``; with ``invalid``, each has one error."""
    text = _seed_text()
    folder.mkdir(parents=True)
    files = []
    for number in range(1, count + 1):
        record_id = f"med-peds-{number:05d}"
        record = text.replace(_ID_LINE, f"id: {record_id}\n", 1)
        if invalid:
            right, wrong = MISTAKES[number % len(MISTAKES)]
            record = record.replace(right, wrong, 1)
        path = folder / f"{record_id}.yaml"
        path.write_text(record, "utf-8")
        files.append(path)
    return files


def write_one_file(folder: Path) -> Path:
    """The seed record alone, under its own name, in ``folder``."""
    folder.mkdir(parents=True)
    return Path(shutil.copy(SEED, folder / SEED.name))
