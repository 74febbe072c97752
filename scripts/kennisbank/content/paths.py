"""Where things live in the repository."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRACTICES_DIR = "practices"
GUIDES_DIR = "guides"
PARTNERS_FILE = "partners.yaml"
SELFSCAN_FILE = "zelfscan.yaml"
SCHEMAS_DIR = ROOT / "schemas"
VOCABULARIES_FILE = SCHEMAS_DIR / "vocabularies.yaml"
WIJKEN_FILE = SCHEMAS_DIR / "antwerpen-wijken.geojson"
TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "site" / "templates"


def content_root() -> Path:
    """Where practices/, guides/ and partners.yaml are read from: the repository, unless
    KENNISBANK_CONTENT points elsewhere (the tests and the benchmark use their own corpora)."""
    return Path(os.environ.get("KENNISBANK_CONTENT") or ROOT)


def cache_root() -> Path | None:
    """Where builds keep what they may reuse (pages, search terms): .cache/kennisbank/, or
    KENNISBANK_CACHE; None when KENNISBANK_CACHE=off. Deleting it only makes a build slower."""
    value = os.environ.get("KENNISBANK_CACHE", "").strip()
    if value.lower() in ("off", "0", "no"):
        return None
    return Path(value) if value else ROOT / ".cache" / "kennisbank"
