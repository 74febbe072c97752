"""A Content-Security-Policy for every built page, as a <meta> tag (a static site sets no headers).

Only the site's own scripts, styles, images and data may load. The theme puts two small inline
scripts on each page and the site inlines its own stylesheet; they are allowed by their SHA-256
hash, so nothing else inline can run (no injected script, no on...= handler, no javascript: link).
"""
from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)  # executable inline scripts only
_CHARSET = '<meta charset="utf-8">'


def _hashes(bodies: list[str]) -> list[str]:
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                   for body in bodies})


def policy(html: str, styles: tuple[str, ...] = ()) -> str:
    """`styles`: the inline stylesheets the site itself put in the page (no other <style> is allowed)."""
    hashes = _hashes(_INLINE_SCRIPT.findall(html))
    style_hashes = _hashes(list(styles))
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        " ".join(["style-src 'self'", *style_hashes]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])



def add_policy(html: str, styles: tuple[str, ...] = ()) -> str:
    """Insert the policy right after the charset declaration, before any script or style."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, styles)}">'
    return html.replace(_CHARSET, _CHARSET + "\n      " + meta, 1)
