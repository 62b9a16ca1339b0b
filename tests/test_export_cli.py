"""``advising-content export``: validates first, replaces DIR at once, and is deterministic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advising_content.question_bank import load_question_bank
from conftest import ALL_FIELDS, EXAMPLES, EXPORT_EXAMPLES, MED_PEDS, tree

# The tables of the README's list, in its order.
CSV_TABLES = (
    "records",
    "short_names",
    "citations",
    "citation_authors",
    "question_groups",
    "answers",
    "sections",
    "page_blocks",
    "sessions",
    "session_advisors",
    "advisor_groups",
    "advisor_group_members",
    "advisors",
    "advisor_titles",
    "degrees",
    "contacts",
    "links",
)
MED_PEDS_JSON = "json/feinberg/med-peds.json"
MED_PEDS_MARKDOWN = "markdown/feinberg/med-peds.md"
EVERY_FILE = {
    "index.json",
    "manifest.json",
    MED_PEDS_JSON,
    MED_PEDS_MARKDOWN,
    "csv/datapackage.json",
    *(f"csv/{name}.csv" for name in CSV_TABLES),
    "xlsx/advising-records.xlsx",
    "html/index.html",
    "html/coverage.html",
    "html/style.css",
    "html/questions/index.html",
    *(f"html/questions/{question.key}.html" for question in load_question_bank().questions),
    "html/records/feinberg/med-peds.html",
}


ALWAYS = {"index.json", "manifest.json"}


def _content(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def test_export_writes_every_format_by_default(cli, tmp_path: Path) -> None:
    _content(tmp_path, MED_PEDS)
    outcome = cli("export", "--out", "build", cwd=tmp_path)
    assert outcome.exit_code == 0, outcome.output
    assert set(tree(tmp_path / "build")) == EVERY_FILE
    assert outcome.output == (
        "Checked 1 file: no problems.\n"
        "Exported to build: 1 record, 1 JSON document in json/, 1 Markdown page in markdown/, "
        "17 CSV tables in csv/, 1 workbook of 17 sheets in xlsx/, 19 files of a static site in "
        "html/, index.json and manifest.json.\n"
    )


@pytest.mark.parametrize(
    ("formats", "expected"),
    [
        (["json"], {*ALWAYS, MED_PEDS_JSON}),
        (["markdown"], {*ALWAYS, MED_PEDS_MARKDOWN}),
        (["json", "markdown"], {*ALWAYS, MED_PEDS_JSON, MED_PEDS_MARKDOWN}),
        (["csv"], {name for name in EVERY_FILE if name.startswith("csv/")} | ALWAYS),
        (["json", "all"], EVERY_FILE),
    ],
)
def test_format_may_repeat(cli, tmp_path: Path, formats: list[str], expected: set[str]) -> None:
    options = [part for name in formats for part in ("--format", name)]
    outcome = cli("export", str(MED_PEDS), "--out", str(tmp_path / "out"), *options)
    assert outcome.exit_code == 0, outcome.output
    assert set(tree(tmp_path / "out")) == expected


def test_quiet_prints_nothing(cli, tmp_path: Path) -> None:
    outcome = cli("export", str(MED_PEDS), "--out", str(tmp_path / "out"), "--quiet")
    assert (outcome.exit_code, outcome.output) == (0, "")
    assert (tmp_path / "out" / "index.json").is_file()


def test_the_same_content_gives_byte_identical_files(cli, tmp_path: Path) -> None:
    sources = [str(MED_PEDS), str(ALL_FIELDS), str(EXPORT_EXAMPLES)]
    first = cli("export", *sources, "--out", str(tmp_path / "first"))
    second = cli("export", *reversed(sources), "--out", str(tmp_path / "second"))
    assert (first.exit_code, second.exit_code) == (0, 0)
    written = tree(tmp_path / "first")
    assert {
        MED_PEDS_JSON,
        "json/feinberg/all-fields.json",
        "markdown/feinberg/hostile-text.md",
    } <= set(written)
    assert written == tree(tmp_path / "second")


def test_line_ends_and_encoding(cli, tmp_path: Path) -> None:
    outcome = cli("export", str(EXPORT_EXAMPLES), "--out", str(tmp_path / "out"))
    assert outcome.exit_code == 0, outcome.output
    written = tree(tmp_path / "out")
    suffixes = {name.rsplit(".", 1)[-1] for name in written}
    assert suffixes == {"json", "md", "csv", "html", "css", "xlsx"}
    for name, data in written.items():
        if name.endswith(".xlsx"):  # a zip archive
            assert data.startswith(b"PK\x03\x04"), name
            continue
        text = data.decode("utf-8")
        assert not text.startswith("\ufeff"), name
        if name.endswith((".json", ".md", ".html", ".css")):
            assert "\r" not in text.replace("\\r", ""), name
            assert text.endswith("\n"), name
        else:
            assert text.endswith("\r\n"), name


def test_under_github_actions_problems_are_annotations(cli, tmp_path: Path) -> None:
    negative = EXAMPLES / "negative" / "missing-keys.yaml"
    outcome = cli(
        "export", str(negative), "--out", "out", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"}
    )
    assert outcome.exit_code == 1
    assert outcome.output.startswith(f"::error file={negative},line=1,col=1,title=")
    assert not (tmp_path / "out").exists()


def test_invalid_content_writes_nothing_and_exits_1(cli, tmp_path: Path) -> None:
    folder = _content(tmp_path, MED_PEDS)
    (tmp_path / "out").mkdir()
    cli("export", str(folder), "--out", str(tmp_path / "out"))
    before = tree(tmp_path / "out")
    shutil.copy(EXAMPLES / "negative" / "missing-keys.yaml", folder)
    outcome = cli("export", str(folder), "--out", str(tmp_path / "out"))
    assert outcome.exit_code == 1
    assert any(line.endswith("(missing-key)") for line in outcome.output.splitlines())
    assert outcome.output.endswith(f"Nothing was exported; {tmp_path / 'out'} is unchanged.\n")
    assert tree(tmp_path / "out") == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content", "out"]


def test_invalid_content_does_not_create_dir(cli, tmp_path: Path) -> None:
    negative = EXAMPLES / "negative" / "missing-keys.yaml"
    outcome = cli("export", str(negative), "--out", str(tmp_path / "out"))
    assert outcome.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_warnings_are_shown_but_do_not_block(cli, tmp_path: Path) -> None:
    outcome = cli(
        "export", str(EXPORT_EXAMPLES / "hostile-text.yaml"), "--out", "out", cwd=tmp_path
    )
    assert outcome.exit_code == 0
    assert "warning" in outcome.output
    assert (tmp_path / "out" / "json" / "feinberg" / "hostile-text.json").is_file()


def test_strict_refuses_to_export_with_warnings(cli, tmp_path: Path) -> None:
    hostile = str(EXPORT_EXAMPLES / "hostile-text.yaml")
    outcome = cli("export", hostile, "--out", "out", "--strict", cwd=tmp_path)
    assert outcome.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_a_previous_export_is_replaced_whole(cli, tmp_path: Path) -> None:
    cli("export", str(ALL_FIELDS), str(MED_PEDS), "--out", "out", cwd=tmp_path)
    assert (tmp_path / "out" / "json" / "feinberg" / "all-fields.json").exists()
    outcome = cli("export", str(MED_PEDS), "--out", "out", "--format", "json", cwd=tmp_path)
    assert outcome.exit_code == 0
    assert set(tree(tmp_path / "out")) == {*ALWAYS, MED_PEDS_JSON}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (
            lambda out: out.write_text("a file"),
            "out is a file, not a directory; choose another --out",
        ),
        (
            lambda out: (out.mkdir(), (out / "notes.txt").write_text("mine")),
            "out has no manifest.json of an earlier export, so replacing it would delete all it "
            "holds (notes.txt). Export to a folder of its own (such as out/advising-content), or "
            "move them out of out; or add --force to replace out and discard them",
        ),
        (
            lambda out: out.symlink_to(out.parent),
            "out is a symbolic link; give the directory it points to instead",
        ),
    ],
    ids=["file", "foreign-directory", "symlink"],
)
def test_an_unusable_dir_is_a_usage_error(cli, tmp_path: Path, prepare, message: str) -> None:
    prepare(tmp_path / "out")
    before = tree(tmp_path)
    outcome = cli("export", str(MED_PEDS), "--out", "out", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output == f"Error: cannot export to out: {message}\n"
    assert tree(tmp_path) == before


def test_a_dir_under_a_file_is_a_usage_error(cli, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    outcome = cli("export", str(MED_PEDS), "--out", "file/out", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output == (
        f"Error: cannot export to file/out: {tmp_path / 'file'} is a file, so file/out cannot be "
        "created in it\n"
    )


def test_an_empty_existing_dir_is_fine(cli, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert cli("export", str(MED_PEDS), "--out", str(tmp_path / "out")).exit_code == 0


def test_missing_parents_are_created(cli, tmp_path: Path) -> None:
    outcome = cli("export", str(MED_PEDS), "--out", str(tmp_path / "a" / "b" / "out"))
    assert outcome.exit_code == 0
    assert (tmp_path / "a" / "b" / "out" / "index.json").is_file()


def test_out_is_required(cli, tmp_path: Path) -> None:
    outcome = cli("export", str(MED_PEDS), cwd=tmp_path)
    assert outcome.exit_code == 2
    assert "Missing option '--out'" in outcome.output


def test_no_exported_path_leaves_dir(cli, tmp_path: Path) -> None:
    outcome = cli("export", str(EXPORT_EXAMPLES), str(MED_PEDS), "--out", str(tmp_path / "out"))
    assert outcome.exit_code == 0
    out = (tmp_path / "out").resolve()
    assert len(list(out.rglob("*"))) > len(EVERY_FILE)
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out)
        assert not path.is_symlink()


def test_two_exports_to_the_same_dir_at_once_do_not_mix(tmp_path: Path) -> None:
    import subprocess

    from conftest import console_script

    solo = {}
    for name, source in (("a", MED_PEDS), ("b", ALL_FIELDS)):
        subprocess.run(
            [str(console_script()), "export", str(source), "--out", str(tmp_path / name), "-q"],
            check=True,
        )
        solo[name] = tree(tmp_path / name)
    for _ in range(5):
        shared = tmp_path / "shared"
        runs = [
            subprocess.Popen(
                [str(console_script()), "export", str(source), "--out", str(shared), "-q"]
            )
            for source in (MED_PEDS, ALL_FIELDS, MED_PEDS, ALL_FIELDS)
        ]
        assert [run.wait(timeout=120) for run in runs] == [0, 0, 0, 0]
        assert tree(shared) in (solo["a"], solo["b"])
        assert sorted(path.name for path in tmp_path.iterdir()) == ["a", "b", "shared"]
