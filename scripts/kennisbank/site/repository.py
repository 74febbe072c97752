"""Where the site's source lives, for 'Bewerk deze pagina' and 'Meld een correctie'.

From KENNISBANK_REPO_URL when set, else from the git remote `origin` when it is a GitHub
repository (git@github.com:owner/name.git and https://github.com/owner/name.git both give
https://github.com/owner/name). When neither says, there is no repository: the pages then leave
the links out rather than point at a guess.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

_GITHUB = re.compile(r"^(?:https?://(?:[^@/]+@)?github\.com/|(?:ssh://)?git@github\.com[:/])"
                     r"(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git)?/?$")


def web_url(remote: str) -> str | None:
    """The https web address of a GitHub remote, or None for any other remote."""
    match = _GITHUB.match(remote.strip())
    return f"https://github.com/{match['owner']}/{match['name']}" if match else None


def repository_url(root: Path) -> str | None:
    configured = os.environ.get("KENNISBANK_REPO_URL", "").strip()
    if configured:
        return configured.rstrip("/")
    try:
        remote = subprocess.run(["git", "remote", "get-url", "origin"], cwd=root, capture_output=True,
                                text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return web_url(remote) if remote.strip() else None
