"""An export never deletes or overwrites a file it did not write, nor an exported file changed
since; it says which files stand in the way, and --force discards them knowingly."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from advising_content.export.exporter import export_records
from advising_content.export.output_dir import UnusableOutputDir
from conftest import ALL_FIELDS, MED_PEDS, tree

FOREIGN_ADVICE = (
    "Export to a folder of its own (such as site/advising-content), or move them out of site; "
    "or add --force to replace site and discard them"
)
EDIT_ADVICE = (
    "Make such changes in the content, which every export is written from; or add --force to "
    "replace site and discard them"
)


@pytest.fixture
def site(cli, tmp_path: Path) -> Path:
    """An export in tmp_path/site, made from the command line."""
    outcome = cli("export", str(MED_PEDS), "--out", "site", "-q", cwd=tmp_path)
    assert outcome.exit_code == 0, outcome.output
    return tmp_path / "site"


def _add_files_of_a_static_site(site: Path) -> None:
    (site / "NOTES.md").write_text("my notes\n")
    (site / "images").mkdir()
    (site / "images" / "logo.png").write_bytes(b"\x89PNG")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/main\n")


def test_the_manifest_lists_every_file_with_its_checksum(site: Path) -> None:
    import hashlib

    manifest = json.loads((site / "manifest.json").read_text("utf-8"))
    assert manifest["generator"] == "advising-content"
    files = tree(site)
    del files["manifest.json"]
    assert manifest["files"] == {
        name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in sorted(files.items())
    }


def test_files_that_no_export_wrote_stop_the_export(cli, site: Path, tmp_path: Path) -> None:
    _add_files_of_a_static_site(site)
    before = tree(site)
    outcome = cli("export", str(MED_PEDS), str(ALL_FIELDS), "--out", "site", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output == (
        "Error: cannot export to site: replacing site would delete what advising-content did "
        "not write (.git/HEAD, NOTES.md, images/logo.png). " + FOREIGN_ADVICE + "\n"
    )
    assert tree(site) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_an_exported_file_edited_by_hand_stops_the_export(cli, site: Path, tmp_path: Path) -> None:
    page = site / "markdown" / "feinberg" / "med-peds.md"
    page.write_text(page.read_text("utf-8") + "\nA line added by hand.\n", "utf-8")
    outcome = cli("export", str(MED_PEDS), "--out", "site", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output == (
        "Error: cannot export to site: replacing site would delete 1 exported file changed "
        "since it was written (markdown/feinberg/med-peds.md). " + EDIT_ADVICE + "\n"
    )
    assert "A line added by hand." in page.read_text("utf-8")


def test_a_folder_without_a_manifest_is_not_replaced(cli, tmp_path: Path, site: Path) -> None:
    copied = tmp_path / "copied"
    copied.mkdir()
    shutil.copy(site / "index.json", copied / "index.json")
    (copied / "thesis.docx").write_bytes(b"PK\x03\x04")
    outcome = cli("export", str(MED_PEDS), "--out", "copied", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output == (
        "Error: cannot export to copied: copied has no manifest.json of an earlier export, so "
        "replacing it would delete all it holds (index.json, thesis.docx). Export to a folder "
        "of its own (such as copied/advising-content), or move them out of copied; or add "
        "--force to replace copied and discard them\n"
    )
    assert sorted(tree(copied)) == ["index.json", "thesis.docx"]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda site: (site / "manifest.json").write_text("{not json"), "no manifest.json"),
        (lambda site: (site / "empty").mkdir(), "(empty/)"),
        (lambda site: (site / "link.json").symlink_to(site / "index.json"), "(link.json)"),
        (lambda site: (site / "json" / "extra.json").write_text("{}"), "(json/extra.json)"),
    ],
    ids=["broken-manifest", "empty-folder", "symbolic-link", "file-among-exported-ones"],
)
def test_anything_else_in_dir_stops_the_export(cli, site: Path, tmp_path: Path, change, named):
    change(site)
    outcome = cli("export", str(MED_PEDS), "--out", "site", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert named in outcome.output


def test_many_files_are_named_by_the_first_few_and_a_count(cli, site: Path, tmp_path: Path):
    for number in range(12):
        (site / f"page-{number:02}.html").write_text("<p>mine</p>")
    outcome = cli("export", str(MED_PEDS), "--out", "site", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert (
        "what advising-content did not write (page-00.html, page-01.html, page-02.html, "
        "page-03.html, page-04.html and 7 more)"
    ) in outcome.output


def test_a_folder_of_your_own_counts_as_one(cli, site: Path, tmp_path: Path) -> None:
    for name in ("HEAD", "config", "objects/ab/cdef", "refs/heads/main"):
        (site / ".git" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / ".git" / name).write_text("x")
    (site / ".git" / "branches").mkdir()
    (site / "json" / "extra.json").write_text("{}")
    outcome = cli("export", str(MED_PEDS), "--out", "site", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert "(.git/ (5 items), json/extra.json)." in outcome.output


def test_a_file_of_the_export_that_was_deleted_does_not_stop_it(cli, site: Path, tmp_path: Path):
    (site / "markdown" / "feinberg" / "med-peds.md").unlink()
    outcome = cli("export", str(MED_PEDS), "--out", "site", "-q", cwd=tmp_path)
    assert outcome.exit_code == 0
    assert (site / "markdown" / "feinberg" / "med-peds.md").is_file()


def test_force_replaces_dir_and_says_what_it_discards(cli, site: Path, tmp_path: Path) -> None:
    _add_files_of_a_static_site(site)
    outcome = cli("export", str(MED_PEDS), "--out", "site", "--force", "-q", cwd=tmp_path)
    assert outcome.exit_code == 0
    assert outcome.output == (
        "--force: replacing site discards what advising-content did not write (.git/HEAD, "
        "NOTES.md, images/logo.png).\n"
    )
    assert "NOTES.md" not in tree(site)
    assert (site / "manifest.json").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_the_check_is_made_again_just_before_the_swap(site: Path, tmp_path: Path) -> None:
    import yaml

    (site / "NOTES.md").write_text("written while the export was running\n")
    before = tree(site)
    record = yaml.safe_load(MED_PEDS.read_text("utf-8"))
    with pytest.raises(UnusableOutputDir, match=r"did not write \(NOTES\.md\)"):
        export_records([record], site)
    assert tree(site) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def _staging(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder


def test_abandoned_staging_folders_that_are_provably_ours_are_removed(
    cli, site: Path, tmp_path: Path
) -> None:
    marked = _staging(tmp_path, ".site.ab12cd.new")
    (marked / ".advising-content-temporary").write_text("temporary\n")
    (marked / "json").mkdir()
    (marked / "json" / "half.json").write_text('{"id": ')
    _staging(tmp_path, ".site.ef34gh.new")  # empty
    previous = _staging(tmp_path, ".site.ij56kl.old")
    for name, data in tree(site).items():  # an earlier export, exactly as its manifest says
        (previous / name).parent.mkdir(parents=True, exist_ok=True)
        (previous / name).write_bytes(data)
    mine = _staging(tmp_path, ".site.backup.new")
    (mine / "thesis.docx").write_bytes(b"PK")
    edited = _staging(tmp_path, ".site.mn78op.new")
    for name, data in tree(site).items():
        (edited / name).parent.mkdir(parents=True, exist_ok=True)
        (edited / name).write_bytes(data)
    (edited / "index.json").write_text("{}")
    (tmp_path / ".site.qr90st.new").symlink_to(mine)

    outcome = cli("export", str(MED_PEDS), "--out", "site", "-q", cwd=tmp_path)
    assert outcome.exit_code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".site.backup.new", ".site.mn78op.new", ".site.qr90st.new", "site"
    ]  # fmt: skip
    assert (mine / "thesis.docx").read_bytes() == b"PK"
    assert (edited / "index.json").read_text() == "{}"


def test_the_content_being_exported_is_never_replaced(cli, tmp_path: Path) -> None:
    (tmp_path / "site" / "content").mkdir(parents=True)
    shutil.copy(MED_PEDS, tmp_path / "site" / "content")
    before = tree(tmp_path)
    outcome = cli("export", "site/content", "--out", "site", "--force", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert outcome.output == (
        "Error: cannot export to site: it holds the content being exported "
        "(site/content/med-peds.yaml), which replacing it would delete; choose a folder of its "
        "own for the export, such as one beside the content\n"
    )
    assert tree(tmp_path) == before


@pytest.mark.parametrize(
    ("exported", "named"),
    [
        ("linked-folder", "linked-folder/med-peds.yaml"),  # a link to site/content
        ("elsewhere/med-peds.yaml", "elsewhere/med-peds.yaml"),  # a link to the file
    ],
)
def test_content_reached_through_a_link_is_never_replaced(
    cli, tmp_path: Path, exported: str, named: str
) -> None:
    (tmp_path / "site" / "content").mkdir(parents=True)
    shutil.copy(MED_PEDS, tmp_path / "site" / "content")
    (tmp_path / "linked-folder").symlink_to(tmp_path / "site" / "content")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "med-peds.yaml").symlink_to(
        tmp_path / "site" / "content" / "med-peds.yaml"
    )
    before = tree(tmp_path)
    outcome = cli("export", exported, "--out", "site", "--force", cwd=tmp_path)
    assert outcome.exit_code == 2
    assert f"it holds the content being exported ({named})" in outcome.output
    assert tree(tmp_path) == before


@pytest.mark.parametrize("out", [".", ".."])
def test_the_current_folder_is_never_replaced(cli, tmp_path: Path, out: str) -> None:
    (tmp_path / "here").mkdir()
    outcome = cli("export", str(MED_PEDS), "--out", out, cwd=tmp_path / "here")
    assert outcome.exit_code == 2
    assert outcome.output == (
        f"Error: cannot export to {out}: {out} is the current folder or holds it, which an "
        "export cannot replace; export to a folder of its own inside or beside it\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["here"]


def test_the_new_export_keeps_the_mode_of_the_folder_it_replaces(tmp_path: Path) -> None:
    from unprivileged import run_unprivileged

    (tmp_path / "site").mkdir()
    (tmp_path / "site").chmod(0o2750)
    for _ in range(2):  # into the empty folder, then over the export it holds
        result = run_unprivileged(["export", str(MED_PEDS), "--out", "site", "-q"], tmp_path)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "site").stat().st_mode & 0o7777 == 0o2750


def test_as_root_the_new_export_keeps_the_owner_and_group(cli, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("this test changes the owner of files, which needs root")
        pytest.skip("changing the owner of files needs root")
    (tmp_path / "site").mkdir()
    os.chown(tmp_path / "site", 65534, 65534)
    (tmp_path / "site").chmod(0o2770)
    outcome = cli("export", str(MED_PEDS), "--out", "site", "-q", cwd=tmp_path)
    assert outcome.exit_code == 0
    for path in [tmp_path / "site", *(tmp_path / "site").rglob("*")]:
        assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534), path
    assert (tmp_path / "site").stat().st_mode & 0o7777 == 0o2770
