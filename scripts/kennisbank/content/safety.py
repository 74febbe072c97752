"""Refuse content that could run script in a visitor's browser.

Contributors write Markdown; raw HTML is allowed for harmless markup, but not `<script>` and
friends, not `on...=` event attributes and not `javascript:` (or `vbscript:`, `data:`) links.
The check runs on every text a contributor writes, Markdown body and YAML fields alike, and
again on the rendered page (see hooks.py) as a second line of defence.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base",
                  "form", "meta", "link", "style", "svg", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
# Markdown link targets: [text](target), [id]: target and <scheme:...> autolinks.
_MD_LINK = re.compile(
    r"\]\(\s*<?\s*(?P<a>(?:javascript|vbscript|data)\s*:)"
    r"|^\s{0,3}\[[^\]]+\]:\s*<?\s*(?P<b>(?:javascript|vbscript|data)\s*:)"
    r"|<(?P<c>(?:javascript|vbscript|data):)",
    re.IGNORECASE | re.MULTILINE,
)


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in DANGEROUS_TAGS:
            self.findings.append((line, f"HTML-element <{tag}>"))
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append((line, f"HTML-attribuut '{name}='"))
            elif name in URL_ATTRIBUTES and value and _BAD_SCHEME.match(value):
                self.findings.append((line, f"link met '{_BAD_SCHEME.match(value).group(1).lower()}:'"))

    handle_startendtag = handle_starttag


# Anything the scanner below could object to contains one of these; most texts contain none.
_SUSPECT = re.compile(
    r"<\s*(?:" + "|".join(sorted(DANGEROUS_TAGS)) + r")\b|\son[a-z]+\s*=|(?:javascript|vbscript|data)\s*:",
    re.IGNORECASE)


def may_be_unsafe(text: str) -> bool:
    """False when `text` has nothing unsafe_html could object to (a quick test)."""
    return bool(_SUSPECT.search(text))


def unsafe_html(text: str) -> list[tuple[int, str]]:
    """(line within `text`, what) for each construct that could run script."""
    if not _SUSPECT.search(text):
        return []
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    findings = scanner.findings
    for match in _MD_LINK.finditer(text):
        scheme = next(g for g in match.groups() if g).rstrip(": ").lower()
        findings.append((text.count("\n", 0, match.start()) + 1, f"link met '{scheme}:'"))
    return sorted(set(findings))


SAFETY_HINT = ("verwijder het; gewone Markdown volstaat (links naar https://-adressen, lijsten, vet); "
               "scripts en event-attributen zijn niet toegestaan")
