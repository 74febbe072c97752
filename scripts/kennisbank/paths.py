"""Where things live in the repository."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRACTICES_DIR = "practices"
GUIDES_DIR = "guides"
PARTNERS_FILE = "partners.yaml"
SELFSCAN_FILE = "zelfscan.yaml"
SCHEMAS_DIR = ROOT / "schemas"
VOCABULARIES_FILE = SCHEMAS_DIR / "vocabularies.yaml"
WIJKEN_FILE = SCHEMAS_DIR / "antwerpen-wijken.geojson"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
