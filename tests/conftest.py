"""Shared fixtures: the built site (built once per test session), a local web server for it,
and a Chromium browser driven by Playwright."""
from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

import pytest

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.tools.building import run_mkdocs
from kennisbank.tools.localsite import CHROMIUM, CHROMIUM_FLAGS, serve_directory

FIXTURES = Path(__file__).parent / "fixtures"

# Builds in the tests start from nothing: the page cache of incremental builds stays off (test
# processes build side by side and would share it); tests/site/test_incremental.py turns it on
# in a folder of its own.
os.environ["KENNISBANK_CACHE"] = "off"


@pytest.fixture(scope="session")
def corpus():
    corpus, problems = load_corpus(paths.ROOT)
    assert not problems, "\n".join(map(str, problems))
    return corpus


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly from the repository's content."""
    os.environ.pop("KENNISBANK_CONTENT", None)
    site = tmp_path_factory.mktemp("site") / "site"
    os.chdir(paths.ROOT)
    run_mkdocs(paths.ROOT / "mkdocs.yml", site)
    return site




@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve_directory(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class PageWatch:
    """Records console errors, page errors and requests to other origins of one page."""

    def __init__(self, page, origin: str):
        self.page, self.origin = page, origin
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()


@pytest.fixture
def page(browser, site_url):
    """A page for functional tests. It bypasses the site's Content-Security-Policy, which would
    block Playwright's own injected helpers (wait_for_function); test_quality.py checks the
    policy itself on every page, without bypass."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE", bypass_csp=True)
    page = context.new_page()
    page.watch = PageWatch(page, site_url)
    yield page
    context.close()


@pytest.fixture
def content_root(tmp_path, monkeypatch):
    """An empty content root that the loader and the build read instead of the repository."""
    monkeypatch.setenv("KENNISBANK_CONTENT", str(tmp_path))
    return tmp_path


def copy_fixture(name: str, target: Path) -> Path:
    shutil.copytree(FIXTURES / name, target, dirs_exist_ok=True)
    return target


def differences(one: Path, other: Path) -> list[str]:
    found = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        found.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")
    walk(filecmp.dircmp(one, other))
    return found
