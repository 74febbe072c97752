"""`mkdocs serve` sees every input: an edit to schemas/vocabularies.yaml (not a content file)
takes effect on the next reload. The vocabularies and validators are cached for the life of the
process; their caches are keyed on the stamps of the files they come from (content/inputs.py)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from kennisbank.content import paths

TOP_LEVEL_SKIPPED = {".git", ".venv", "site", "tests", ".pytest_cache"}


def _ignore(directory: str, names: list[str]) -> set[str]:
    skipped = {"__pycache__"}
    if os.path.samefile(directory, paths.ROOT):
        skipped |= TOP_LEVEL_SKIPPED | {n for n in names if n.startswith("site.")}
    return skipped & set(names)
NEW_THEME = """\
  - id: proef-thema
    label: Een proefthema voor de test
    description: >-
      Een thema dat de test toevoegt terwijl de server draait, om te zien dat het verschijnt.
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, check, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = _get(url)
        if text is not None and check(text):
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url}: not as expected within {seconds} s")


def test_a_theme_added_to_the_vocabularies_appears_after_reload(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(paths.ROOT, repo, ignore=_ignore)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("KENNISBANK_CONTENT", None)
    with open(tmp_path / "serve.log", "w+", encoding="utf-8") as log:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            themes = f"http://127.0.0.1:{port}/themas/"
            before = _wait_for(themes, lambda text: "Thema" in text)
            assert "Een proefthema voor de test" not in before
            vocabularies = repo / "schemas" / "vocabularies.yaml"
            text = vocabularies.read_text(encoding="utf-8")
            vocabularies.write_text(text.replace("themes:\n", "themes:\n" + NEW_THEME, 1), encoding="utf-8")
            _wait_for(themes, lambda text: "Een proefthema voor de test" in text)
            _wait_for(f"http://127.0.0.1:{port}/themas/proef-thema/", lambda text: "Een proefthema" in text)
            assert process.poll() is None
        except AssertionError:
            log.seek(0)
            raise AssertionError(log.read()[-1500:]) from None
        finally:
            process.terminate()
            process.wait(timeout=20)
