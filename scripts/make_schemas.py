#!/usr/bin/env python3
"""Write schemas/vocabularies.schema.json from the vocabularies: `make schemas`.

Editors read that file; the build makes the same schema in memory, and a test checks that
the file on disk is up to date.
"""
from kennisbank.content import paths
from kennisbank.content.schema import vocabulary_schema_text
from kennisbank.content.vocab import load_vocabularies

if __name__ == "__main__":
    target = paths.SCHEMAS_DIR / "vocabularies.schema.json"
    target.write_text(vocabulary_schema_text(load_vocabularies()), encoding="utf-8")
    print(f"{target.relative_to(paths.ROOT)} bijgewerkt.")
