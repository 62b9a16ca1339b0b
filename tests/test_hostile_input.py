"""Hostile input: each case with its exact outcome. Never a traceback, a hang or a code run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES
from conftest import MED_PEDS as MED_PEDS_FILE

MED_PEDS = MED_PEDS_FILE.read_bytes()
MINIMAL = (EXAMPLES / "positive" / "minimal.yaml").read_bytes()


def _minimal(record_id: str) -> bytes:
    return MINIMAL.replace(b"id: minimal", b"id: " + record_id.encode())


# name -> (file bytes, the problems expected as 'line:col: severity (rule)')
CORPUS: dict[str, tuple[bytes, list[str]]] = {
    "invalid-utf8.yaml": (_minimal("invalid-utf8") + b"# caf\xe9\n", ["19:6: error (encoding)"]),
    "utf16.yaml": (_minimal("utf16").decode().encode("utf-16"), ["1:1: error (encoding)"]),
    "nul.yaml": (_minimal("nul").replace(b"Yes, one", b"Yes,\x00one"), ["17:21: error (syntax)"]),
    "lone-bom.yaml": (b"\xef\xbb\xbf", ["1:1: error (empty-file)"]),
    "cr-only.yaml": (_minimal("cr-only").replace(b"\n", b"\r"), []),
    "tabs.yaml": (
        _minimal("tabs").replace(b"\n  name: Example S", b"\n\tname: Example S"),
        ["7:1: error (syntax)"],
    ),
    "alias-bomb.yaml": (
        b"id: alias-bomb\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + b"".join(
            b"%s: &%s [%s]\n" % (n.encode(), n.encode(), b", ".join([b"*" + p.encode()] * 9))
            for n, p in zip("bcdefghij", "abcdefghi", strict=True)
        ),
        [
            *(
                ["1:1: error (missing-key)"] * 4
                + ["2:1: error (unknown-key)", "2:4: error (anchor)"]
                + [
                    rule
                    for line in range(3, 12)
                    for rule in (
                        f"{line}:1: error (unknown-key)",
                        f"{line}:4: error (anchor)",
                        *(f"{line}:{8 + 4 * i}: error (alias)" for i in range(9)),
                    )
                ]
            )[:100],  # of 105: the first 100 are shown, then one line counts the rest
            "11:24: note (too-many-problems)",
        ],
    ),
    "python-tag.yaml": (
        _minimal("python-tag")
        + b"extra: !!python/object/apply:os.system ['touch /tmp/advising-content-pwned']\n",
        ["19:8: error (tag)"],
    ),
    "other-tags.yaml": (
        _minimal("other-tags").replace(b"name: Example Specialty", b"name: !custom Example"),
        ["9:9: error (tag)"],
    ),
    "merge-key.yaml": (
        _minimal("merge-key").replace(b"specialty:\n", b"specialty:\n  <<: {x: 1}\n"),
        ["9:3: error (merge-key)"],
    ),
    "multiple-documents.yaml": (
        _minimal("multiple-documents") + b"---\nid: two\n",
        ["19:1: error (multiple-documents)"],
    ),
    "top-level-list.yaml": (b"- id: x\n", ["1:1: error (not-a-mapping)"]),
    "top-level-scalar.yaml": (b"just some text\n", ["1:1: error (not-a-mapping)"]),
    "deep-flow.yaml": (
        b"id: deep-flow\nx: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        ["2:1003: error (syntax)"],
    ),
    "deep-block.yaml": (
        b"id: deep-block\n" + b"".join(b" " * i + b"k%d:\n" % i for i in range(40)),
        ["34:33: error (too-deep)"],
    ),
    "many-values.yaml": (
        b"id: many-values\nx:\n"
        + b"".join(b"  - [" + b",".join([b"a"] * 999) + b"]\n" for _ in range(51)),
        ["52:1998: error (too-many-values)"],
    ),
    "many-entries.yaml": (
        b"id: many-entries\nx: [" + b",".join([b"a"] * 5000) + b"]\n",
        ["2:2005: error (too-many-entries)"],
    ),
    "long-line.yaml": (
        _minimal("long-line").replace(b"Yes, one or two.", b"x" * 900_000),
        ["17:17: error (text-too-long)"],
    ),
    "newline-key.yaml": (_minimal("newline-key") + b'"a\\nb": 1\n', ["19:1: error (unknown-key)"]),
    "long-key.yaml": (
        _minimal("long-key") + b"k" * 500 + b": 1\n",
        ["19:1: error (text-too-long)"],
    ),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_file(cli, tmp_path: Path, name: str) -> None:
    data, expected = CORPUS[name]
    (tmp_path / name).write_bytes(data)
    outcome = cli("validate", name, cwd=tmp_path)
    assert outcome.problem_lines == [f"{name}:{line}" for line in expected]
    assert outcome.exit_code == (1 if any(": error " in line for line in expected) else 0)
    assert outcome.output.splitlines()[-1].startswith("Checked 1 file: ")
    assert not Path("/tmp/advising-content-pwned").exists()


@pytest.mark.parametrize(
    ("size", "message"),
    [
        (50 * 1024 * 1024, "the file is 50 MiB; a content file may be at most 1 MiB"),
        (
            1024 * 1024 + 1,
            "the file is 1,048,577 bytes; a content file may be at most 1,048,576 bytes (1 MiB)",
        ),
    ],
    ids=["50-mib", "one-byte-over"],
)
def test_a_file_over_1_mib_is_not_read(cli, tmp_path: Path, size: int, message: str) -> None:
    with (tmp_path / "huge.yaml").open("wb") as stream:
        stream.truncate(size)
    outcome = cli("validate", "huge.yaml", cwd=tmp_path)
    assert outcome.problem_lines == ["huge.yaml:1:1: error (file-too-large)"]
    assert outcome.messages == [f"{message} (an advising record is a few KiB), so it was not read"]


def _layout(tmp_path: Path, build: Callable[[Path], None]) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    build(content)
    return content


def test_a_symlink_loop_does_not_hang(cli, tmp_path: Path) -> None:
    def build(content: Path) -> None:
        (content / "minimal.yaml").write_bytes(MINIMAL)
        (content / "loop").symlink_to(content)
        (content / "sub").mkdir()
        (content / "sub" / "back").symlink_to(content)

    _layout(tmp_path, build)
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.output == "Checked 1 file: no problems.\n"


def test_a_symlink_out_of_the_tree_is_reported_not_followed(cli, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "private.yaml").write_text("password: hunter2\n")

    def build(content: Path) -> None:
        (content / "minimal.yaml").write_bytes(MINIMAL)
        (content / "linked.yaml").symlink_to(secret / "private.yaml")
        (content / "linked-folder").symlink_to(secret)

    _layout(tmp_path, build)
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.problem_lines == [
        "content/linked-folder:1:1: error (symlink-outside)",
        "content/linked.yaml:1:1: error (symlink-outside)",
    ]
    assert "hunter2" not in outcome.output
    assert outcome.exit_code == 1


def test_a_symlink_inside_the_tree_is_read_once(cli, tmp_path: Path) -> None:
    def build(content: Path) -> None:
        (content / "minimal.yaml").write_bytes(MINIMAL)
        (content / "alias.yaml").symlink_to(content / "minimal.yaml")

    _layout(tmp_path, build)
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.output == "Checked 1 file: no problems.\n"


def test_a_broken_symlink_in_the_tree_is_unreadable(cli, tmp_path: Path) -> None:
    _layout(tmp_path, lambda content: (content / "gone.yaml").symlink_to(content / "nowhere"))
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.problem_lines == ["content/gone.yaml:1:1: error (unreadable)"]


def test_a_directory_named_like_a_yaml_file_is_searched(cli, tmp_path: Path) -> None:
    def build(content: Path) -> None:
        (content / "folder.yaml").mkdir()
        (content / "folder.yaml" / "minimal.yaml").write_bytes(MINIMAL)

    _layout(tmp_path, build)
    outcome = cli("validate", cwd=tmp_path)
    assert outcome.output == "Checked 1 file: no problems.\n"


def test_paths_with_spaces_and_non_ascii_names(cli, tmp_path: Path) -> None:
    folder = tmp_path / "mes dossiers" / "médecine"
    folder.mkdir(parents=True)
    (folder / "minimal.yaml").write_bytes(MINIMAL)
    (folder / "péd iatrie.yaml").write_bytes(_minimal("pediatrie"))
    outcome = cli("validate", "mes dossiers", cwd=tmp_path)
    assert outcome.problem_lines == [
        "mes dossiers/médecine/péd iatrie.yaml:3:5: error (id-file-name)"
    ]
