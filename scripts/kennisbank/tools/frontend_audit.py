"""Front-end weight and accessibility figures of a built site, for `make bench` (issue 14).

Own checks on the built files: custom stylesheets that block rendering (read from each page's
<head>), vendored scripts that are not minified, <img> elements without width and height. In
Chromium: axe-core (the copy shipped with axe-playwright-python) with WCAG 2.2 AA rules, and its
`target-size` rule on its own, on the finder, the self-scan, a practice, a partner and a guide.
When a `lighthouse` command is available (`--lighthouse PATH`, $LIGHTHOUSE or on PATH), also
Lighthouse's mobile performance and accessibility scores for /vinden/ and /zelfscan/; it runs
locally against the built site with /usr/bin/chromium.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kennisbank.tools.localsite import CHROMIUM, CHROMIUM_FLAGS, serve_directory

THEME_CSS = "assets/stylesheets/"  # mkdocs-material's own stylesheets: what the theme needs
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_LINK = re.compile(r"<link\b[^>]*>", re.I)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r'([a-zA-Z-]+)\s*=\s*"([^"]*)"')


def sample_pages(site: Path) -> dict[str, str]:
    """Site-relative URLs of the pages measured in the browser: one of each kind."""
    pages = {"vinden": "vinden/", "zelfscan": "zelfscan/"}
    for name, folder in (("praktijk", "praktijken"), ("partner", "partners"), ("stappenplan", "stappenplannen")):
        found = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
        if found:
            pages[name] = f"{folder}/{found[0]}/"
    return pages


def _attrs(tag: str) -> dict[str, str]:
    return {k.lower(): v for k, v in _ATTR.findall(tag)}


def render_blocking_css(site: Path) -> dict:
    """Stylesheets every page must load before it can render: <link rel=stylesheet> in the head
    with no media query that is false on a screen. Theme stylesheets are counted apart."""
    custom: dict[str, int] = {}
    theme: dict[str, int] = {}
    pages = sorted(site.rglob("index.html"))
    for page in pages:
        head = page.read_text(encoding="utf-8", errors="replace").split("</head>", 1)[0]
        head = re.sub(r"<noscript>.*?</noscript>", "", head, flags=re.S | re.I)
        for tag in _LINK.findall(head):
            attrs = _attrs(tag)
            if attrs.get("rel", "").lower() != "stylesheet" or attrs.get("media", "all") not in ("all", "screen", ""):
                continue
            href = attrs.get("href", "")
            target = (page.parent / href.split("?")[0]).resolve()
            size = target.stat().st_size if target.is_file() else 0
            (theme if THEME_CSS in href else custom)[re.sub(r"^(\.\./)+", "", href)] = size
    return {"pages": len(pages), "custom": custom, "custom_kb": round(sum(custom.values()) / 1024, 1),
            "theme_kb": round(sum(theme.values()) / 1024, 1)}


def is_minified(text: str) -> bool:
    """Minified code has long lines and little whitespace (licence comments aside)."""
    code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    lines = [line for line in code.splitlines() if line.strip()]
    if not lines:
        return True
    whitespace = sum(1 for c in code if c in " \t\n") / max(1, len(code))
    return len(code) / len(lines) > 200 and whitespace < 0.1


def vendored_js(site: Path) -> dict:
    files = {}
    for path in sorted((site / "assets" / "vendor").rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        files[str(path.relative_to(site))] = {"kb": round(len(text.encode()) / 1024, 1), "minified": is_minified(text)}
    return {"files": files, "kb": round(sum(f["kb"] for f in files.values()), 1),
            "unminified": [name for name, f in files.items() if not f["minified"]]}


def images_without_size(site: Path) -> dict:
    total, missing = 0, set()
    for page in site.rglob("*.html"):
        for tag in _IMG.findall(page.read_text(encoding="utf-8", errors="replace")):
            total += 1
            attrs = _attrs(tag)
            if "width" not in attrs or "height" not in attrs:
                missing.add(attrs.get("src", "?").split("/")[-1])
    return {"img_elements": total, "without_size": sorted(missing)}


def axe_figures(base: str, pages: dict[str, str]) -> dict:
    """axe-core in Chromium, with the site's own Content-Security-Policy in force."""
    import axe_playwright_python
    from playwright.sync_api import sync_playwright

    axe_js = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    version = re.search(r"axe v([\d.]+)", axe_js[:200]).group(1)
    found: dict = {"axe_version": version, "pages": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for viewport in ({"width": 1280, "height": 800}, {"width": 390, "height": 844}):
            context = browser.new_context(viewport=viewport, bypass_csp=True)  # axe is injected as a script
            page = context.new_page()
            for name, url in pages.items():
                page.goto(f"{base}/{url}", wait_until="load")
                page.evaluate(axe_js)
                run = page.evaluate("""async (tags) => {
                    const all = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                    const size = await axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}});
                    const ids = (r) => r.violations.map(v => v.id + ' (' + v.nodes.length + ')');
                    return {violations: ids(all), target_size: ids(size),
                            target_size_checked: size.passes.concat(size.violations)
                                .reduce((n, r) => n + r.nodes.length, 0)};
                }""", AXE_TAGS)
                found["pages"].setdefault(name, {})[f"{viewport['width']}"] = run
            context.close()
        browser.close()
    found["violations"] = sum(len(v["violations"]) for p in found["pages"].values() for v in p.values())
    found["target_size_violations"] = sum(len(v["target_size"]) for p in found["pages"].values() for v in p.values())
    return found


def lighthouse_command(given: str | None = None) -> str | None:
    return given or os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")


def lighthouse_figures(command: str, base: str, pages: dict[str, str]) -> dict:
    """Lighthouse (mobile, its default throttling), run locally against the served site."""
    audits = ("render-blocking-resources", "unminified-javascript", "unsized-images", "target-size",
              "largest-contentful-paint", "cumulative-layout-shift", "total-blocking-time")
    found = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    with tempfile.TemporaryDirectory(prefix="kb-lighthouse-") as tmp:
        for name in ("vinden", "zelfscan"):
            out = Path(tmp) / f"{name}.json"
            subprocess.run([command, f"{base}/{pages[name]}", "--quiet", "--output=json", f"--output-path={out}",
                            "--only-categories=performance,accessibility",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                           env=env, check=True, timeout=300, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            report = json.loads(out.read_text(encoding="utf-8"))
            row = {c: round(report["categories"][c]["score"] * 100) for c in ("performance", "accessibility")}
            for audit in audits:
                if audit in report["audits"]:
                    item = report["audits"][audit]
                    row[audit] = item.get("displayValue") or item.get("score")
            found[name] = row
        found["lighthouse_version"] = report.get("lighthouseVersion")
    return found


def audit(site: Path, lighthouse: str | None = None) -> dict:
    pages = sample_pages(site)
    result = {"pages": pages, "render_blocking_css": render_blocking_css(site), "vendored_js": vendored_js(site),
              "images": images_without_size(site)}
    server, base = serve_directory(site)
    try:
        result["axe"] = axe_figures(base, pages)
        command = lighthouse_command(lighthouse)
        result["lighthouse"] = lighthouse_figures(command, base, pages) if command else "niet gevonden"
    finally:
        server.shutdown()
    return result


def print_figures(result: dict) -> None:
    css, js, img, axe = result["render_blocking_css"], result["vendored_js"], result["images"], result["axe"]
    print(f"render-blocking CSS: custom {css['custom_kb']} KiB {sorted(css['custom'])}, theme {css['theme_kb']} KiB")
    print(f"vendored JS: {js['kb']} KiB, unminified: {js['unminified'] or 'none'}")
    print(f"<img> without width/height: {img['without_size'] or 'none'} (of {img['img_elements']} <img> elements)")
    print(f"axe {axe['axe_version']} ({', '.join(AXE_TAGS)}): {axe['violations']} violations; "
          f"target-size: {axe['target_size_violations']} violations on {', '.join(result['pages'])} at 1280 and 390 px")
    for name, views in axe["pages"].items():
        for width, run in views.items():
            if run["violations"] or run["target_size"]:
                print(f"  {name} @ {width}: {run['violations']} target-size: {run['target_size']}")
    lighthouse = result["lighthouse"]
    if isinstance(lighthouse, dict):
        for name in ("vinden", "zelfscan"):
            print(f"lighthouse {lighthouse['lighthouse_version']} mobile /{name}/: {lighthouse[name]}")
    else:
        print("lighthouse: not found (pass --lighthouse PATH or set $LIGHTHOUSE); axe and own checks only")


def build_and_audit(lighthouse: str | None = None) -> dict:
    """Build the shipped content into a temporary folder and audit it."""
    from kennisbank.content import paths

    with tempfile.TemporaryDirectory(prefix="kb-frontend-") as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "scripts/build.py", "--site-dir", str(site)], cwd=paths.ROOT, check=True,
                       stdout=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        return audit(site, lighthouse)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", help="a built site (default: build the shipped content)")
    parser.add_argument("--lighthouse", help="the lighthouse command")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    figures = audit(Path(args.site), args.lighthouse) if args.site else build_and_audit(args.lighthouse)
    print_figures(figures)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
