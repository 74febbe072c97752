"""No custom stylesheet that blocks rendering (issue 14): the rules a page needs to lay out what it
shows go inline in its <head>, minified; the whole of docs/assets/kennisbank.css loads without
blocking (see docs/overrides/main.html and docs/assets/javascripts/kb-styles.js).

There is one source, kennisbank.css; nothing is copied by hand. For each page, a screen rule of it
is inlined when the page can show what the rule selects: every class and id in one of its
selectors occurs in the page's HTML, or as a "kb-..." name in one of the page's own scripts
(the finder's results, the self-scan's chart). What never changes layout stays out: print rules,
and rules that only hold images (the icon masks of the at-a-glance strip, which stay transparent
until the stylesheet brings them). The full stylesheet, loaded later, holds every rule again in
its own order, so the cascade ends exactly as with a blocking stylesheet: it may change nothing
that is already laid out, hence no layout shift.
"""
from __future__ import annotations

import re
from pathlib import Path

from kennisbank.site.stylesheet import STRING, Rule, parse

STYLESHEET = "assets/kennisbank.css"
SWAP_SCRIPT = "assets/javascripts/kb-styles.js"
_LINK = re.compile(r'<link rel="stylesheet" href="([^"<>]*' + re.escape(STYLESHEET) + r')">')
_HEAD_BLANKS = re.compile(r">[ \t]*\n\s*<")
_NAMES = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")
_PSEUDO_ARGS = re.compile(r":not\(")
_ATTRIBUTE = re.compile(r"""\[([\w-]+)(?:[~|^$*]?=["']?([^"'\]]*)["']?)?\]""")
_ATTR_PAIR = re.compile(r"""\s([\w-]+)=(["'])([^"']*)\2""")
_SCRIPT_SRC = re.compile(r"""<script\b[^>]*\bsrc="([^"]+)\"""", re.I)
_JS_NAME = re.compile(r"""["'\s.#](kb-[\w-]+)""")
_DETAILS = re.compile(r"<(/?)details\b[^>]*>", re.I)
_SUMMARY = re.compile(r"<summary\b.*?</summary>", re.I | re.S)
_STATE = re.compile(r":(?:focus|focus-visible|focus-within|hover|active)\b")  # after a user's action
FIRST_SCREEN_TEXT = 1000
PAINT = {"color", "background", "background-color", "text-underline-offset", "fill", "stroke", "stroke-width",
         "opacity", "cursor", "box-shadow", "accent-color", "mask", "-webkit-mask", "border-color", "caret-color",
         "print-color-adjust", "-webkit-print-color-adjust"}
_IMAGE_ONLY = re.compile(r"^(--[\w-]+:url\([^)]*\);?)+$")


def _required_names(selector: str) -> set[str]:
    """Classes and ids a selector needs on the page (not those inside :not(), :has(), ...)."""
    plain, level, skip = "", 0, 0
    for index, char in enumerate(selector):
        if level == 0 and _PSEUDO_ARGS.match(selector, index):
            skip = level + 1
        if char == "(":
            level += 1
        elif char == ")":
            level -= 1
            if skip and level < skip:
                skip = 0
                continue
        if not skip:
            plain += char
    names = {name for _, name in _NAMES.findall(re.sub(r"\[[^\]]*\]", "", plain))}
    for attribute, value in _ATTRIBUTE.findall(plain):  # [dir=rtl] needs dir="rtl" on the page
        if value:  # a bare [hidden] may be set by a script: no requirement
            names.add(f'{attribute}="{value}"')
    return names


def page_names(html: str, scripts: list[str], start: int = 0,
               pairs: re.Pattern = _ATTR_PAIR) -> tuple[set[str], set[str]]:
    """The classes and ids in a page's HTML (and its attribute values, for [dir=rtl]), with the
    kb- names its own scripts can add: in all of `html`, and from `start` on (the article).
    One pass over the HTML (`pairs`: the attributes to look at): this runs for every page."""
    found: tuple[set[str], set[str]] = (set(), set())
    for match in pairs.finditer(html):
        attribute, _, value = match.groups()
        names = [f'{attribute}="{value}"']
        if attribute.lower() in ("class", "id"):
            names += value.split()
        found[0].update(names)
        if match.start() >= start:
            found[1].update(names)
    for script in scripts:
        for names in found:
            names.update(_JS_NAME.findall(script))
    return found


def first_screen(html: str, text_limit: int = FIRST_SCREEN_TEXT) -> str:
    """The part of a page that can be on its first screen: the body up to the article, and the
    article until `text_limit` characters of text have passed, without the contents of closed
    <details> (only their <summary> shows). Far more than a phone or a laptop screen shows."""
    body = html.split("</head>", 1)[-1].split("<footer", 1)[0]
    out, depth, closed_at, position = [], 0, 0, 0
    for tag in _DETAILS.finditer(body):
        if tag.group(1):  # </details>
            depth -= 1
            if closed_at and depth < closed_at:
                closed_at, position = 0, tag.start()
            continue
        depth += 1
        if not closed_at and not re.search(r"\sopen\b", tag.group(0)):
            summary = _SUMMARY.search(body, tag.end())
            out.append(body[position:summary.end() if summary else tag.end()])
            closed_at, position = depth, len(body)
    out.append(body[position:])
    body = "".join(out)
    start = body.find("<article")
    if start < 0:
        return body
    seen = 0
    for match in re.finditer(r">([^<]*)<", body[start:]):
        seen += len(" ".join(match.group(1).split()))
        if seen > text_limit:
            return body[:start + match.end()]
    return body


def paint_only(rule: Rule) -> bool:
    """Colours, lines and masks: they move nothing when they arrive later."""
    properties = [d.split(":", 1)[0].strip() for d in STRING.sub("", rule.body).split(";") if d.strip()]
    return all(p in PAINT or p.startswith(("text-decoration", "outline")) for p in properties)


def is_critical(rule: Rule, names: set[str], typeset: set[str] | None = None) -> bool:
    """`typeset`: the names inside the content (.md-typeset); a selector `.md-typeset X` needs X there."""
    if rule.media.startswith("print") or _IMAGE_ONLY.match(rule.body) or paint_only(rule):
        return False
    for selector in rule.selectors:
        scoped = typeset is not None and selector.startswith(".md-typeset ")
        if not _STATE.search(selector) and _required_names(selector) - {"md-typeset"} <= (typeset if scoped else names):
            return True
    return False


def critical_css(rules: list[Rule], names: set[str], typeset: set[str] | None = None) -> str:
    """The rules a page needs, minified, in source order. A rule in an @media block joins the next
    block with the same condition when no rule in between shares a class or id with it (so it
    cannot lose or win against them)."""
    chosen = [rule for rule in rules if is_critical(rule, names, typeset)]
    order: list[Rule] = []
    for index, rule in enumerate(chosen):
        if rule.media and _joins_later(chosen, index):
            continue
        order.append(rule)
        if rule.media:  # pull in the earlier rules that waited for this block
            waiting = [r for r in chosen[:index] if r.media == rule.media and r not in order]
            order[-1:-1] = waiting
    out, media = [], ""
    for rule in order:
        if rule.media != media:
            out.append("}" if media else "")
            out.append(f"@media {rule.media}{{" if rule.media else "")
            media = rule.media
        out.append(rule.css())
    return "".join(out) + ("}" if media else "")


def _joins_later(chosen: list[Rule], index: int) -> bool:
    rule = chosen[index]
    mine = set().union(*(_required_names(s) for s in rule.selectors)) - {"md-typeset"}
    for later in chosen[index + 1:]:
        if later.media == rule.media and later.media != chosen[index + 1].media:
            return True
        if later.media == rule.media:
            return False  # the next rule is in the same block already
        theirs = set().union(*(_required_names(s) for s in later.selectors))
        if mine & theirs:
            return False
    return False


class Inliner:
    """Reads the stylesheet and the site's scripts once per build; inlines per page."""

    def __init__(self, docs_dir: Path, stylesheet: str = STYLESHEET):
        self.docs_dir, self.stylesheet = Path(docs_dir), stylesheet
        self.rules = parse((self.docs_dir / stylesheet).read_text(encoding="utf-8"))
        self._scripts: dict[str, str] = {}
        # Only the names some selector asks for decide anything: pages that agree on those get
        # the same rules, worked out once (most entry pages of a kind agree).
        self.relevant = set().union(*(_required_names(s) for rule in self.rules for s in rule.selectors))
        self._chosen: dict[tuple[frozenset, frozenset], str] = {}
        attributes = {"class", "id"} | {name.split("=", 1)[0] for name in self.relevant if '="' in name}
        self._pairs = re.compile(r"""\s(""" + "|".join(map(re.escape, sorted(attributes))) + r""")=(["'])([^"']*)\2""")

    def _script(self, src: str) -> str:
        name = re.sub(r"^(\.\./|\./)+", "", src.split("?")[0])
        if name not in self._scripts:
            path = self.docs_dir / name
            own = path.is_file() and name.startswith("assets/javascripts/") and name != SWAP_SCRIPT
            self._scripts[name] = path.read_text(encoding="utf-8") if own else ""
        return self._scripts[name]

    def for_page(self, html: str) -> str:
        scripts = [script for script in map(self._script, _SCRIPT_SRC.findall(html)) if script]
        # A page with a script of its own (the finder, the self-scan) shows or builds its parts at
        # once: all of it counts as first screen.
        body = first_screen(html, text_limit=10**9 if scripts else FIRST_SCREEN_TEXT)
        article = body.find("<article")
        everywhere, content = page_names(body, scripts, article + len("<article") if article >= 0 else 0,
                                         self._pairs)
        key = (frozenset(everywhere & self.relevant), frozenset(content & self.relevant))
        if key not in self._chosen:
            self._chosen[key] = critical_css(self.rules, set(key[0]), set(key[1]))
        return self._chosen[key]

    def inline(self, html: str) -> str:
        """Replace the blocking <link> to the stylesheet by the page's critical rules, a preload
        that kb-styles.js turns into a stylesheet, and a <noscript> link for pages without script."""
        link = _LINK.search(html.split("</head>", 1)[0])
        if not link:
            return html
        href = link.group(1)
        root = href[:-len(self.stylesheet)]
        css = self.for_page(html)
        markup = (f"<style>{css}</style>" if css else "") + (
            f'<link rel="preload" as="style" href="{href}">'
            f'<noscript><link rel="stylesheet" href="{href}"></noscript>'
            f'<script src="{root}{SWAP_SCRIPT}" defer></script>')
        head, rest = html[:link.start()] + markup + html[link.end():], ""
        if "<body" in head:
            head, rest = head.split("<body", 1)
            rest = "<body" + rest
        # The theme's template leaves many blank, indented lines in <head>; they pay for the rules.
        return _HEAD_BLANKS.sub(">\n<", head) + rest


_INLINERS: dict[tuple, Inliner] = {}


def inline(html: str, docs_dir: str | Path) -> str:
    """`Inliner.inline` with the stylesheet read again only when it changed (`mkdocs serve`)."""
    path = Path(docs_dir) / STYLESHEET
    if not path.is_file():
        return html
    key = (str(path), path.stat().st_mtime_ns, path.stat().st_size)
    if key not in _INLINERS:
        _INLINERS.clear()
        _INLINERS[key] = Inliner(Path(docs_dir))
    return _INLINERS[key].inline(html)
