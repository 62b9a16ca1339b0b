"""``advising-content import`` as an editor runs it: the report, the exit codes, never a file
overwritten, --stdout, and the same bytes for the same page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from conftest import SOURCES, console_script

PEDIATRICS = SOURCES / "pages" / "ecu-pediatrics.txt"
DERMATOLOGY = SOURCES / "pages" / "feinberg-dermatology.txt"
ECU = (
    "--institution",
    "East Carolina University Brody School of Medicine",
    "--institution-id",
    "ecu",
)


def _page(tmp_path: Path, page: Path) -> str:
    shutil.copy(page, tmp_path / page.name)
    return page.name


def test_the_report_says_what_was_recognized_inferred_and_cut(cli: Any, tmp_path: Path) -> None:
    outcome = cli("import", _page(tmp_path, PEDIATRICS), *ECU, cwd=tmp_path)
    assert outcome.exit_code == 0
    assert outcome.output == (
        "ecu-pediatrics.txt: wrote content/pediatrics.yaml (record ecu/pediatrics)\n"
        "  recognized: a title, no audience headings, 8 questions (all from the bank), "
        "1 advisor block, 1 advisor\n"
        "  inferred (marked 'inferred: please check'; check each):\n"
        "    ecu-pediatrics.txt:33: away-rotation-count: stance not-applicable\n"
        "    ecu-pediatrics.txt:38: away-rotation-timing: stance not-applicable\n"
        "    ecu-pediatrics.txt:43: interview-month: period late October to early January\n"
        "  ecu-pediatrics.txt:48: the capture stops mid-sentence: 'Does your specialty recommend "
        "that all'; the record says the capture is partial\n"
        "For editors, wrote schemas/advising-record.schema.json, .vscode/settings.json and "
        ".vscode/extensions.json (see the README: Editing with VS Code).\n"
        "Imported 1 page: every record validates.\n"
    )
    written = (tmp_path / "content" / "pediatrics.yaml").read_text("utf-8")
    assert written.startswith(
        "# yaml-language-server: $schema=../schemas/advising-record.schema.json\n"
        "# Pediatrics specialty advising page,\n"
    )
    assert written.count("# inferred: please check\n") == 3
    assert "        # inferred: please check\n        stance: not-applicable\n" in written


def test_a_record_with_errors_is_written_and_exits_1(cli: Any, tmp_path: Path) -> None:
    feinberg = ("--institution", "Northwestern University Feinberg School of Medicine")
    outcome = cli("import", _page(tmp_path, DERMATOLOGY), *feinberg, cwd=tmp_path)
    assert outcome.exit_code == 1
    lines = outcome.output.splitlines()
    assert lines[0] == (
        "feinberg-dermatology.txt: wrote content/feinberg-dermatology.yaml "
        "(record northwestern-university-feinberg-school-of-medicine/feinberg-dermatology)"
    )
    assert lines[5:] == [
        "  left out:",
        "    feinberg-dermatology.txt:2: 'Skip to main content' (navigation)",
        "  feinberg-dermatology.txt: warning: the page does not name its specialty: the record "
        "holds a placeholder; give --name",
        "  feinberg-dermatology.txt:43: the capture stops mid-sentence: 'Which month do you "
        "recommend taking off to int'; the record says the capture is partial",
        "  content/feinberg-dermatology.yaml:18:9: error: 'name' still holds the placeholder "
        "'TODO'; replace it with the real text (placeholder)",
        "For editors, wrote schemas/advising-record.schema.json, .vscode/settings.json and "
        ".vscode/extensions.json (see the README: Editing with VS Code).",
        "Imported 1 page: 1 record still has errors to fix by hand (see above).",
    ]
    assert (tmp_path / "content" / "feinberg-dermatology.yaml").is_file()


def test_an_existing_record_is_never_overwritten(cli: Any, tmp_path: Path) -> None:
    page = _page(tmp_path, PEDIATRICS)
    target = tmp_path / "content" / "pediatrics.yaml"
    target.parent.mkdir()
    target.write_text("# an editor's work\n", "utf-8")
    outcome = cli("import", page, *ECU, cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == "Error: content/pediatrics.yaml already exists; nothing was written\n"
    assert target.read_text("utf-8") == "# an editor's work\n"


def test_the_same_page_gives_the_same_bytes(cli: Any, tmp_path: Path) -> None:
    page = _page(tmp_path, DERMATOLOGY)
    for out in ("one", "two"):
        cli("import", page, *ECU, "--name", "Dermatology", "--out", out, cwd=tmp_path)
    one, two = (tmp_path / out / "dermatology.yaml" for out in ("one", "two"))
    assert one.read_bytes() == two.read_bytes()


def test_stdout_prints_the_record_and_reports_on_stderr(cli: Any, tmp_path: Path) -> None:
    page = _page(tmp_path, PEDIATRICS)
    cli("import", page, *ECU, cwd=tmp_path)
    printed = subprocess.run(
        [str(console_script()), "import", page, *ECU, "--stdout"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert printed.returncode == 0
    assert printed.stdout == (tmp_path / "content" / "pediatrics.yaml").read_text("utf-8")
    assert printed.stderr.splitlines()[0] == (
        "ecu-pediatrics.txt: printed pediatrics.yaml (to standard output) (record ecu/pediatrics)"
    )


def test_options_for_one_page_refuse_several(cli: Any, tmp_path: Path) -> None:
    pages = (_page(tmp_path, PEDIATRICS), _page(tmp_path, DERMATOLOGY))
    outcome = cli("import", *pages, *ECU, "--id", "one", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output.endswith("Error: --id, --name and --source go with one PAGE.\n")
    assert not (tmp_path / "content").exists()


def test_a_page_that_is_not_text_is_refused(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_bytes(b"Pediatrics\n\xff\xfe\n")
    outcome = cli("import", "page.txt", *ECU, cwd=tmp_path)
    assert outcome.exit_code == 1
    assert outcome.output == (
        "Error: page.txt: not UTF-8 text (byte 12); save it again choosing the UTF-8 encoding\n"
    )
    (tmp_path / "page.docx").write_bytes(b"PK\x03\x04 a zip")
    outcome = cli("import", "page.docx", *ECU, cwd=tmp_path)
    assert (outcome.exit_code, outcome.output) == (1, (
        "Error: page.docx: a Word document or other binary file, not text; open the page in a "
        "browser, select all, copy, and paste into a .txt file\n"
    ))  # fmt: skip
    (tmp_path / "empty.txt").write_text(" \n\n", "utf-8")
    outcome = cli("import", "empty.txt", *ECU, cwd=tmp_path)
    assert (outcome.exit_code, outcome.output) == (
        1,
        "Error: empty.txt: the page has no text; paste the page's text into it\n",
    )
    assert not (tmp_path / "content").exists()


def test_a_line_that_fits_nowhere_is_kept_and_reported(cli: Any, tmp_path: Path) -> None:
    text = PEDIATRICS.read_text("utf-8").replace(
        "leonardsa15@ecu.edu\n", "leonardsa15@ecu.edu\n\nCall 555 now.\n"
    )
    (tmp_path / "page.txt").write_text(text, "utf-8")
    outcome = cli("import", "page.txt", *ECU, cwd=tmp_path)
    assert (
        "  could not place (check where each belongs):\n"
        "    page.txt:15: 'Call 555 now.', kept as the section 'unplaced'\n"
    ) in outcome.output
    assert "Call 555 now." in (tmp_path / "content" / "pediatrics.yaml").read_text("utf-8")


def test_two_pages_of_one_id_are_refused_by_name(cli: Any, tmp_path: Path) -> None:
    page = _page(tmp_path, PEDIATRICS)
    shutil.copy(tmp_path / page, tmp_path / "again.txt")
    outcome = cli("import", page, "again.txt", *ECU, cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output.endswith(
        "Error: ecu-pediatrics.txt and again.txt both give the record id 'pediatrics'; import "
        "them one at a time, with --id or --out\n"
    )
    assert not (tmp_path / "content").exists()


def test_source_gives_the_address_of_a_page_without_its_note(cli: Any, tmp_path: Path) -> None:
    lines = PEDIATRICS.read_text("utf-8").split("\n")[1:]
    (tmp_path / "page.txt").write_text("\n".join(lines), "utf-8")
    url = "https://medicine.ecu.edu/studentaffairs/?p=18791"
    cli("import", "page.txt", *ECU, "--source", url, cwd=tmp_path)
    written = (tmp_path / "content" / "pediatrics.yaml").read_text("utf-8")
    assert f"source:\n  url: {url}\n  complete: false\n" in written


def test_source_replaces_the_page_note_and_says_so(cli: Any, tmp_path: Path) -> None:
    page = _page(tmp_path, PEDIATRICS)
    outcome = cli("import", page, *ECU, "--source", "https://example.edu/peds", cwd=tmp_path)
    assert (
        "  ecu-pediatrics.txt: warning: --source https://example.edu/peds replaces the address on "
        "line 1, https://medicine.ecu.edu/studentaffairs/?p=18791\n"
    ) in outcome.output
    written = (tmp_path / "content" / "pediatrics.yaml").read_text("utf-8")
    assert "  url: https://example.edu/peds\n" in written
