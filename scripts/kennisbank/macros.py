"""Variables and macros for the hand-written pages in docs/ (mkdocs-macros-plugin).

Generated pages switch macros off (`render_macros: false`): contributor text is never Jinja.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # make `kennisbank` importable

from kennisbank.site import pages_content  # noqa: E402


def define_env(env):
    pages_content.register(env)
