"""The review gallery: written by real `make`, read as HTML, then opened in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.pipeline.conftest import Project
from tests.pipeline.test_make import LINES, SHAPES

SCENES = ["GrowingCircle", "MovingDot", "DrawnLine"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


class Page(HTMLParser):
    """The elements of a page, as (tag, attributes) in document order, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())

    def find(self, tag: str, **match: str) -> list[dict[str, str]]:
        return [
            attrs
            for t, attrs in self.elements
            if t == tag and all(attrs.get(k.rstrip("_")) == v for k, v in match.items())
        ]

    def card(self, scene: str) -> dict[str, str]:
        (card,) = self.find("article", id=f"scene-{scene}")
        return card


def gallery(project: Project) -> tuple[str, Page]:
    html = (project.quality_dir / "index.html").read_text(encoding="utf-8")
    return html, Page(html)


def test_make_writes_a_gallery_of_every_scene_in_manifest_order(rendered_project: Project):
    html, page = gallery(rendered_project)
    ids = [a["id"] for t, a in page.elements if t == "article"]
    assert ids == [f"scene-{name}" for name in SCENES]
    assert [a["id"] for t, a in page.elements if t == "section"] == [
        f"section-{SHAPES}",
        f"section-{LINES}",
    ]
    for title, concept in [
        ("A growing circle", "A circle is drawn, then a formula is written beside it."),
        ("A moving dot", "A dot slides across the frame."),
        ("A drawn line", "A line is drawn and labelled."),
    ]:
        assert title in page.text and concept in page.text
    assert all("is-rendered" in page.card(name)["class"] for name in SCENES)
    dates = re.findall(r'rendered <time datetime="[^"]+">(\d{4}-\d\d-\d\d \d\d:\d\d)</time>', html)
    assert len(dates) == 3
    assert re.search(r"<span>0:01</span>", html)  # a duration


def test_a_scene_card_lists_the_inputs_it_was_rendered_with_and_their_domain(
    rendered_project: Project,
):
    html, page = gallery(rendered_project)
    assert "Inputs a lecturer may change" in page.text
    assert "length = 4.0" in page.text
    assert "a number from 1 to 6" in page.text
    assert "scenes/s02_fixture/drawn_line.py" in page.text
    assert html.count("Inputs a lecturer may change") == 1  # the other scenes declare none


def test_every_link_is_relative_and_resolves_to_a_file(rendered_project: Project):
    _, page = gallery(rendered_project)
    links = [a["src"] for t, a in page.elements if t in ("img", "video") and "src" in a]
    links += [a["poster"] for t, a in page.elements if t == "video" and "poster" in a]
    links += [a["href"].split("#")[0] for t, a in page.elements if t == "a"]
    links = [link for link in links if link]
    assert len(links) > 20
    for link in links:
        assert not link.startswith(("/", "http:", "https:", "file:")), link
        assert (rendered_project.quality_dir / link).is_file(), link
    posters = [a["src"] for a in page.find("img", class_="poster")]
    assert posters == [
        f"{SHAPES}/01-GrowingCircle.png",
        f"{SHAPES}/02-MovingDot.png",
        f"{LINES}/01-DrawnLine.png",
    ]
    boards = [a["src"] for a in page.find("img") if a["src"].endswith(".storyboard.png")]
    assert boards == [p.replace(".png", ".storyboard.png") for p in posters]


def test_each_srt_gets_a_vtt_beside_it_and_each_player_a_subtitle_track(
    rendered_project: Project,
):
    for srt in rendered_project.quality_dir.rglob("*.srt"):
        vtt = srt.with_suffix(".vtt").read_text(encoding="utf-8")
        assert vtt.startswith("WEBVTT\n")
        assert srt.read_text().count("-->") == vtt.count("-->") > 0
    _, page = gallery(rendered_project)
    tracks = page.find("track", kind="subtitles")
    assert len(tracks) == len(page.find("video")) == 5  # 3 scenes, 2 lectures
    assert all(t["src"].startswith("data:text/vtt;") for t in tracks)
    assert len(page.find("track", kind="chapters")) == 2


def test_lecture_chapters_link_to_their_times(rendered_project: Project):
    _, page = gallery(rendered_project)
    links = [a for a in page.find("a") if a.get("data-video") == f"lecture-{SHAPES}"]
    assert links[0]["href"] == f"{SHAPES}.mp4#t=0.000"
    assert re.fullmatch(rf"{SHAPES}\.mp4#t=1\.[0-9]{{3}}", links[1]["href"])
    assert float(links[1]["data-seek"]) == pytest.approx(1.2, abs=0.2)


def test_stale_and_missing_scenes_are_marked_not_hidden(rendered_copy: Project):
    module = rendered_copy.scene_module("s02_fixture/drawn_line.py")
    module.write_text(module.read_text() + "\n# changed after the render\n")
    manifest = rendered_copy.scene_module("curriculum.toml")
    manifest.write_text(
        manifest.read_text()
        + '\n[[section.scene]]\nname = "NotYetWritten"\ntitle = "Coming soon"\n'
        + 'concept = "A scene listed and written, not yet rendered."\n'
    )
    rendered_copy.scene_module("s02_fixture/not_yet_written.py").write_text(
        "from manim import Scene\n\n\nclass NotYetWritten(Scene):\n    pass\n"
    )
    result = rendered_copy.make("gallery")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(4 scenes: 2 rendered, 1 stale, 1 missing; 1 of 2 lectures)" in result.stdout
    html, page = gallery(rendered_copy)
    assert "is-stale" in page.card("DrawnLine")["class"]
    assert "is-missing" in page.card("NotYetWritten")["class"]
    assert "make scene S=NotYetWritten" in page.text
    assert "Coming soon" in page.text
    # The stale scene still shows its poster and video; its lecture is marked too.
    assert page.find("img", src=f"{LINES}/01-DrawnLine.png")
    assert "NotYetWritten is missing" in html
    assert len(re.findall(r'class="badge badge-missing"', html)) == 1


def test_manifest_text_is_escaped(rendered_copy: Project):
    manifest = rendered_copy.scene_module("curriculum.toml")
    manifest.write_text(
        manifest.read_text().replace(
            '"A moving dot"', "\"<script>alert('x')</script> & <b>bold</b>\""
        )
    )
    assert rendered_copy.make("gallery").returncode == 0
    html, page = gallery(rendered_copy)
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert len(page.find("script")) == 1  # only the page's own


def test_make_scene_updates_the_gallery_for_that_scene(rendered_copy: Project):
    (rendered_copy.quality_dir / "index.html").unlink()
    for path in rendered_copy.quality_dir.rglob("02-MovingDot.*"):
        path.unlink()
    result = rendered_copy.make("scene", "S=MovingDot")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "gallery 144p5 written: renders/144p5/index.html" in result.stdout
    _, page = gallery(rendered_copy)
    assert "is-rendered" in page.card("MovingDot")["class"]
    assert page.find("img", src=f"{SHAPES}/02-MovingDot.png")


def test_gallery_is_rewritten_only_when_it_changes(rendered_project: Project):
    page = rendered_project.quality_dir / "index.html"
    before = page.stat().st_mtime_ns
    result = rendered_project.make("gallery")
    assert "gallery 144p5 unchanged" in result.stdout
    assert page.stat().st_mtime_ns == before


# -- in a real browser ---------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium (Debian's) through Selenium and Debian's chromedriver."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail(
            "the browser tests need Debian's chromium and chromium-driver: "
            "`make test-setup` (or `make test`) installs them"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--mute-audio",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(check: Callable[[], Any], what: str, timeout: float = 15) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:g} s waiting until {what}")


def test_gallery_works_in_a_real_browser_from_file_url(
    rendered_project: Project, browser: Any, tmp_path: Path
):
    from selenium.webdriver.common.by import By

    browser.get((rendered_project.quality_dir / "index.html").as_uri())
    run = browser.execute_script
    wait_for(lambda: run("return document.readyState") == "complete", "the page loaded")

    # Every poster decodes; every video (scenes and lectures) loads its metadata.
    images = wait_for(
        lambda: (
            (v := run("return [...document.images].map(i => [i.src, i.naturalWidth])"))
            and all(width > 0 for _, width in v)
            and v
        ),
        "every poster and storyboard decoded",
    )
    assert len(images) == 6  # three posters, three storyboards
    videos = wait_for(
        lambda: (
            (
                v := run(
                    "return [...document.querySelectorAll('video')]"
                    ".map(v => [v.id, v.readyState, v.duration])"
                )
            )
            and all(state >= 1 and duration > 0 for _, state, duration in v)
            and v
        ),
        "every video has its metadata",
    )
    assert len(videos) == 5

    # Subtitle tracks are present and load (from file://, where a .vtt src would be refused).
    scene = "scene-GrowingCircle-video"
    cues = wait_for(
        lambda: run(
            "const t = document.getElementById(arguments[0]).textTracks;"
            "return t.length >= 1 && t[0].kind === 'subtitles' && t[0].cues && t[0].cues.length",
            scene,
        ),
        "the scene's subtitles loaded",
    )
    assert cues == 2
    lecture = f"lecture-{SHAPES}"
    run(f"document.getElementById('{lecture}').textTracks[1].mode = 'hidden'")
    chapters = wait_for(
        lambda: run(
            "const t = document.getElementById(arguments[0]).textTracks[1];"
            "return t.cues && t.cues.length && [...t.cues].map(c => [c.startTime, c.text])",
            lecture,
        ),
        "the lecture's chapters loaded",
    )
    assert [text for _, text in chapters] == ["A growing circle", "A moving dot"]

    # A person clicks a poster's play button: the video replaces it and plays.
    button = browser.find_element(By.CSS_SELECTOR, f'button[data-play="{scene}"]')
    run("document.getElementById(arguments[0]).muted = true", scene)
    button.click()
    wait_for(
        lambda: run("return document.getElementById(arguments[0]).currentTime", scene) > 0.3,
        "the scene's video played",
    )
    assert run("return document.getElementById(arguments[0]).hidden", scene) is False

    # A chapter link seeks the lecture to its scene.
    run("document.getElementById(arguments[0]).muted = true", lecture)
    link = browser.find_elements(By.CSS_SELECTOR, f'a[data-video="{lecture}"]')[1]
    link.click()
    start = float(link.get_attribute("data-seek"))
    wait_for(
        lambda: run("return document.getElementById(arguments[0]).currentTime", lecture) >= start,
        "the lecture jumped to the second chapter",
    )

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors

    run("window.scrollTo(0, 0)")
    screenshot = tmp_path / "gallery.png"
    browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000
    if keep := os.environ.get("GALLERY_SCREENSHOT"):
        shutil.copyfile(screenshot, keep)
