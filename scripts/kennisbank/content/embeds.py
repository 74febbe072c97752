"""Content is what it seems: what a page shows inside itself comes from the site itself.

An image or another embedded resource (a Markdown image, <img>, <iframe>, <video>, <audio>,
<source>, <object>, <embed>) from another site would be blocked by the page's Content-Security-
Policy, so readers would see a broken image and nobody would be told; and it would let that site
see who reads the page. Links to other sites stay allowed: they are not loaded with the page.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

EMBED_TAGS = {"img": "afbeelding", "iframe": "ingebedde pagina (<iframe>)", "video": "video",
              "audio": "geluid", "source": "bron van een video of geluid", "object": "ingebed object",
              "embed": "ingebed object", "track": "ondertitels", "input": "afbeeldingsknop"}
SOURCE_ATTRIBUTES = {"src", "data", "poster", "srcset"}
EMBED_HINT = ("zet het bestand in docs/assets/ en verwijs er met een lokaal pad naar, of maak er een gewone link "
              "van: [beschrijving](https://...)")
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)  # a scheme or '//host'
# ![alt](target "title") and ![alt][ref] with [ref]: target
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_MD_IMAGE_REF = re.compile(r"!\[[^\]]*\]\[([^\]]*)\]")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_SUSPECT = re.compile(r"!\[|<\s*(?:" + "|".join(EMBED_TAGS) + r")\b", re.IGNORECASE)


def may_embed(text: str) -> bool:
    """False when `text` has nothing external_embeds could object to (a quick test)."""
    return bool(_SUSPECT.search(text))


def is_external(target: str) -> bool:
    return bool(_EXTERNAL.match(target))


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in EMBED_TAGS:
            return
        for name, value in attrs:
            if name not in SOURCE_ATTRIBUTES or not value:
                continue
            targets = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            for target in targets:
                if is_external(target):
                    self.findings.append((self.getpos()[0], f"{EMBED_TAGS[tag]} van een andere site ({target})"))

    handle_startendtag = handle_starttag


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def external_embeds(text: str) -> list[tuple[int, str]]:
    """(line within `text`, what) for each embedded resource that does not come from the site."""
    if not _SUSPECT.search(text):
        return []
    findings = []
    for match in _MD_IMAGE.finditer(text):
        if is_external(match.group(1)):
            findings.append((_line(text, match.start()), f"afbeelding van een andere site ({match.group(1)})"))
    references = {m.group(1).lower(): m.group(2) for m in _MD_REF_DEF.finditer(text)}
    for match in _MD_IMAGE_REF.finditer(text):
        target = references.get((match.group(1) or "").lower(), "")
        if is_external(target):
            findings.append((_line(text, match.start()), f"afbeelding van een andere site ({target})"))
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return sorted(set(findings + scanner.findings))
