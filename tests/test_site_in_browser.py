"""The exported site in a real browser: headless Chromium (Debian's package) loads every page,
with no console errors; every answer's text is in the rendered page; hostile text renders as
text; axe-core (npm, pinned in tests/browser) finds no accessibility violation; and screenshots
at desktop and phone widths are written to test-artifacts/site-screenshots/ for a person to look
at.

Without Chromium the tests are skipped, except under CI, where .ci/run installs it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from advising_content.prose import prose_blocks
from conftest import REPO
from needs import npm_package, program

pytestmark = pytest.mark.external

ARTIFACTS = REPO / "test-artifacts" / "site-screenshots"
SOURCES = [REPO / "content", REPO / "examples"]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
# Debian's Chromium, headless, as root, on a machine whose network is closed.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HOSTILE = "<img src=x onerror=alert(1)> </script><script>alert(2)</script> &amp; {{ x }}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = program("chromium", "the site's pages are checked in headless Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def axe_script() -> Path:
    return npm_package(REPO / "tests" / "browser", "axe-core") / "axe.min.js"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from advising_content.cli import main

    root = tmp_path_factory.mktemp("exported")
    folder = root / "content"
    for source in SOURCES:
        shutil.copytree(source, folder / source.name)
    record = folder / "content" / "med-peds.yaml"
    text = record.read_text(encoding="utf-8").replace(
        "answer: Not needed.\n", f"answer: {json.dumps(HOSTILE)}\n", 1
    )
    record.write_text(text, encoding="utf-8")
    out = root / "out"
    result = CliRunner().invoke(
        main, ["export", "--format", "html", "--out", str(out), str(folder)]
    )
    assert result.exit_code == 0, result.output
    return out / "html"


def _open(browser: Any, path: Path, width: str = "desktop") -> tuple[Any, list[str]]:
    page = browser.new_page(viewport=dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    return page, errors


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_loads_without_console_errors(browser, site) -> None:
    for path in _pages(site):
        page, errors = _open(browser, path)
        assert page.title(), path
        page.close()
        assert errors == [], f"{path.relative_to(site)}: {errors}"


def test_every_answer_is_in_the_rendered_page(browser, site) -> None:
    checked = 0
    for source in sorted((site.parent.parent / "content").rglob("*.yaml")):
        record = yaml.safe_load(source.read_text(encoding="utf-8"))
        path = site / "records" / record["institution"]["id"] / f"{record['id']}.html"
        page, _ = _open(browser, path)
        shown = " ".join(page.locator("main").inner_text().split())
        page.close()
        for group in record.get("question_groups") or []:
            for question in group.get("questions") or []:
                for block in prose_blocks(question.get("answer") or []):
                    for text in [block] if isinstance(block, str) else block:
                        assert " ".join(text.split()) in shown, (path.name, text)
                        checked += 1
    assert checked > 40


def test_hostile_text_renders_as_text(browser, site) -> None:
    page, errors = _open(browser, site / "records/feinberg/med-peds.html")
    assert HOSTILE in page.locator("main").inner_text()
    assert page.evaluate("document.querySelectorAll('main img, main script').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 1  # the JSON-LD
    document = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert HOSTILE in [q["acceptedAnswer"]["text"] for q in document["mainEntity"]]
    page.close()
    assert errors == []


def test_axe_finds_no_accessibility_violations(browser, site, axe_script) -> None:
    for path in _pages(site):
        for width in WIDTHS:
            page, _ = _open(browser, path, width)
            page.add_script_tag(path=str(axe_script))
            violations = page.evaluate(
                """async () => (await axe.run(document, {
                    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                    'best-practice']}
                })).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' | '))"""
            )
            page.close()
            assert violations == [], f"{path.relative_to(site)} at {width} width: {violations}"


def test_screenshots_at_desktop_and_phone_widths(browser, site) -> None:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    shots = {
        "record": site / "records/ecu/pediatrics.html",
        "comparison": site / "questions/away-rotations.html",
        "coverage": site / "coverage.html",
        "index": site / "index.html",
    }
    for name, path in shots.items():
        for width in WIDTHS:
            page, _ = _open(browser, path, width)
            target = ARTIFACTS / f"{name}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            page.close()
            assert target.read_bytes().startswith(b"\x89PNG")
    assert len(list(ARTIFACTS.glob("*.png"))) == 2 * len(shots)
