"""A flat stylesheet read as rules (plain rules and @media blocks of them), each minified: what
critical_css.py chooses from."""
from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
STRING = re.compile(r"\"[^\"]*\"|'[^']*'")


@dataclass(frozen=True)
class Rule:
    media: str  # "" or the @media condition
    selectors: tuple[str, ...]
    body: str  # minified declarations

    def css(self) -> str:
        return ",".join(self.selectors) + "{" + self.body + "}"


def _minify(text: str) -> str:
    """Collapse whitespace outside strings and drop it around punctuation."""
    parts, last = [], 0
    for match in STRING.finditer(text):
        parts.append(_squeeze(text[last:match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(_squeeze(text[last:]))
    return "".join(parts).strip()


def _squeeze(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,>])\s*", r"\1", text)
    text = re.sub(r":\s+", ":", text)
    text = re.sub(r"(?<![\w.])0\.(\d)", r".\1", text)  # 0.35rem -> .35rem, -0.4rem -> -.4rem
    text = re.sub(r"#([0-9a-fA-F])\1([0-9a-fA-F])\2([0-9a-fA-F])\3\b", r"#\1\2\3", text)  # #ffffff -> #fff
    text = text.replace(" !important", "!important")
    return text.replace(";}", "}")


def parse(css: str) -> list[Rule]:
    """The rules of a flat stylesheet (rules, and @media blocks of rules), in source order."""
    css = _COMMENT.sub("", css)
    rules: list[Rule] = []
    position, media, depth = 0, "", 0
    while True:
        brace = _next_brace(css, position)
        if brace < 0:
            break
        head = css[position:brace].strip()
        if css[brace] == "}":  # end of an @media block
            media, depth, position = "", depth - 1, brace + 1
            continue
        if head.startswith("@media"):
            media, depth, position = _minify(head[len("@media"):]), depth + 1, brace + 1
            continue
        end = _next_brace(css, brace + 1)
        selectors = tuple(_minify(s) for s in _split_selectors(head))
        body = _minify(css[brace + 1:end]).rstrip(";")
        rules.append(Rule(media, selectors, body))
        position = end + 1
    return rules


def _next_brace(css: str, start: int) -> int:
    """The next { or } outside a quoted string."""
    quote = ""
    for index in range(start, len(css)):
        char = css[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "{}":
            return index
    return -1


def _split_selectors(head: str) -> list[str]:
    out, level, current = [], 0, ""
    for char in head:
        level += char == "("
        level -= char == ")"
        if char == "," and level == 0:
            out.append(current)
            current = ""
        else:
            current += char
    return out + [current]
