"""The site's own stylesheet travels inside each built page, allowed by its hash and by nothing else."""
from __future__ import annotations

import base64
import hashlib

import pytest

from kennisbank.site import csp
from kennisbank.site.stylesheet import inline_stylesheet, stylesheet_text


@pytest.mark.parametrize("href", ["assets/kennisbank.css", "../../assets/kennisbank.css", "/assets/kennisbank.css"])
def test_the_link_becomes_the_stylesheet_at_any_depth(href):
    page = f'<head><link rel="stylesheet" href="x/main.css"><link rel="stylesheet" href="{href}"></head>'
    inlined = inline_stylesheet(page)
    assert "kennisbank.css" not in inlined
    assert f"<style>{stylesheet_text()}</style>" in inlined
    assert '<link rel="stylesheet" href="x/main.css">' in inlined, "the theme's stylesheets stay links"


def test_the_policy_allows_exactly_the_inlined_stylesheet():
    css = stylesheet_text()
    page = '<meta charset="utf-8"><style>body{color:red}</style>' + f"<style>{css}</style>"
    policy = csp.policy(page, styles=(css,))
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    style_src = next(part for part in policy.split("; ") if part.startswith("style-src"))
    assert style_src == f"style-src 'self' 'sha256-{digest}'", "a <style> the site did not put there stays blocked"


def test_built_pages_carry_the_stylesheet_and_its_hash(built_site):
    for page in ("index.html", "404.html", "vinden/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert "assets/kennisbank.css" not in html, page
        assert html.count("<style>") == 1 and "'sha256-" in html.split("style-src", 1)[1].split(";", 1)[0], page
