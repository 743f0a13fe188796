"""The HTML report in a real browser: headless Chromium, driven by Playwright.

Skipped, saying why, where Playwright or Chromium is missing (`.ci/run` installs Debian's
chromium). The screenshot is kept as a test artifact in artifacts/report-shipped.png.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factcheck.pipeline.verification import verify
from factcheck.report import to_html

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("FACTCHECK_ARTIFACTS", REPO / "artifacts"))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser") or ""
# As the machine's notes advise: no background networking (the network is closed), no sandbox as root.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install -e '.[test]'")
if not CHROMIUM:
    pytest.skip("Chromium is not installed (apt-get install chromium, or set CHROMIUM=/path)", allow_module_level=True)


@pytest.fixture(scope="module")
def page():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        yield page
        browser.close()


def test_the_shipped_report_renders_cleanly_with_quotes_side_by_side(page, tmp_path):
    page.set_viewport_size({"width": 1200, "height": 900})
    html = tmp_path / "report.html"
    html.write_text(to_html(verify(REPO)), encoding="utf-8")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html.as_uri())
    assert page.title() == "factcheck report"
    assert errors == []

    conflicts = page.locator("section.discrepancy", has=page.locator(".verdict.conflict"))
    assert conflicts.count() == 3  # one finding per question: Imray's two conflicting pairs are one
    overspend = page.locator("section.discrepancy", has_text="£7.6 million").first
    overspend.scroll_into_view_if_needed()
    left, right = overspend.locator(".claim").all()[:2]
    assert left.is_visible() and right.is_visible()
    a, b = left.bounding_box(), right.bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] >= a["x"] + a["width"]  # side by side, not stacked
    assert "£7m" in left.inner_text() + right.inner_text()
    assert overspend.locator("mark").count() == 2  # each value highlighted in its quote

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("h2#conflict").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('h2#conflict').scrollIntoView()")
    shot = ARTIFACTS / "report-shipped.png"  # the first conflicts, as a reader lands on them
    page.screenshot(path=str(shot))
    page.screenshot(path=str(ARTIFACTS / "report-shipped-full.png"), full_page=True)
    assert shot.stat().st_size > 10_000


def test_the_report_fits_a_phone_and_a_desktop(page, tmp_path):
    """At 390 px (a phone) nothing scrolls sideways and each pair of quotes is stacked; at 1280 px
    they stand side by side. Both are kept as screenshots in artifacts/."""
    html = tmp_path / "report.html"
    html.write_text(to_html(verify(REPO)), encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width, name in ((1280, "report-1280.png"), (390, "report-390.png")):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(html.as_uri())
        scroll, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"{width} px: the page is {scroll} px wide"
        left, right = page.locator("section.discrepancy", has_text="£7.6 million").first.locator(".claim").all()[:2]
        a, b = left.bounding_box(), right.bounding_box()
        side_by_side = abs(a["y"] - b["y"]) < 2
        assert side_by_side == (width == 1280)
        page.screenshot(path=str(ARTIFACTS / name), full_page=False)
        assert (ARTIFACTS / name).stat().st_size > 10_000
    page.set_viewport_size({"width": 1200, "height": 900})
