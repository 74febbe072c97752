"""`make serve`: editing content reloads the page; a mistake shows on the page and in the
terminal while the server keeps running; fixing it reloads again."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import FIXTURES
from kennisbank.content import paths

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not come up")


@pytest.fixture
def served(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    env = {**os.environ, "KENNISBANK_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--watch", str(content)],
        cwd=paths.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url)
        yield content, url, process, log
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_edit_reloads_and_mistakes_show_without_stopping_the_server(served, browser):
    content, url, process, log = served
    practice = content / "practices" / "feedback-in-duo.md"
    page = browser.new_page()
    try:
        page.goto(url + "praktijken/feedback-in-duo/")
        assert page.locator("h1").inner_text().startswith("Feedback in duo's")

        # An edit reloads the open page by itself.
        practice.write_text(practice.read_text().replace("title: Feedback in duo's", "title: Feedback in tweetallen"))
        page.wait_for_function("document.querySelector('h1').innerText.startsWith('Feedback in tweetallen')",
                               timeout=30000)

        # A mistake: the banner names the file, line and fix; the server keeps running.
        page.goto(url)
        good = practice.read_text()
        practice.write_text(good.replace("themes: [klaspraktijk]", "themes: [klaspraktijkk]"))
        banner = page.locator(".kb-problems")
        banner.wait_for(timeout=30000)
        assert "practices/feedback-in-duo.md:4" in banner.inner_text()
        assert "bedoel je 'klaspraktijk'" in banner.inner_text()
        assert process.poll() is None
        log.seek(0)
        assert "practices/feedback-in-duo.md:4" in log.read()

        # Fixing it reloads the page without the banner.
        practice.write_text(good)
        page.wait_for_function("!document.querySelector('.kb-problems')", timeout=30000)
        assert process.poll() is None
    finally:
        page.close()
