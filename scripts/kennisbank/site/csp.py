"""A Content-Security-Policy for every built page, as a <meta> tag (a static site sets no headers).

Only the site's own scripts, styles, images and data may load. The theme puts two small inline
scripts on each page; they are allowed by their SHA-256 hash, computed from the page itself, so
nothing else inline can run (no injected script, no on...= handler, no javascript: link).
"""
from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)  # executable inline scripts only
_INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)  # the first screen's rules (critical_css.py)
_CHARSET = '<meta charset="utf-8">'


def _hashes(pattern: re.Pattern, html: str) -> str:
    return "".join(sorted({" 'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                           for body in pattern.findall(html)}))


def policy(html: str) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'" + _hashes(_INLINE_SCRIPT, html),
        "style-src 'self'" + _hashes(_INLINE_STYLE, html),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_policy(html: str) -> str:
    """Insert the policy right after the charset declaration, before any script or style."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(_CHARSET, _CHARSET + "\n      " + meta, 1)
