"""Synthetic corpora for the benchmark: valid against the schemas, with Dutch-like text and a
realistic spread over the facets. Deterministic for a given seed.

The words come from the real content, so the index sees a Dutch vocabulary of a realistic size;
titles and summaries are recombined from it and are clearly not real entries (their sources
point at no real page).
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

from kennisbank.content import paths
from kennisbank.content.vocab import load_vocabularies

_WORD = re.compile(r"[a-zà-ÿ]{3,}")


def _vocabulary(root: Path) -> list[str]:
    words: set[str] = set()
    for path in sorted((root / "practices").glob("*.md")) + sorted((root / "guides").glob("*.yaml")):
        words.update(_WORD.findall(path.read_text(encoding="utf-8").lower()))
    words.update(_WORD.findall((root / "partners.yaml").read_text(encoding="utf-8").lower()))
    return sorted(words)


class _Writer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.words = _vocabulary(paths.ROOT)
        vocab = load_vocabularies()
        self.ids = {name: vocab.ids(name) for name in vocab.terms}
        # the kind of source each evidence level needs (crossref checks it)
        self.needs = {t.id: (t.extra.get("needs") or ["praktijk"])[0] for t in vocab.terms["evidence"].values()}

    def sentence(self, low: int, high: int) -> str:
        # Zipf-like: a few words are common, most are rare, as in real text.
        count = self.rng.randint(low, high)
        picks = [self.words[min(int(self.rng.paretovariate(0.9)) - 1, len(self.words) - 1)
                             if self.rng.random() < 0.5 else self.rng.randrange(len(self.words))]
                 for _ in range(count)]
        return (" ".join(picks).capitalize() + ".")

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence(8, 18) for _ in range(sentences))

    def some(self, name: str, low: int, high: int) -> list[str]:
        return self.rng.sample(self.ids[name], self.rng.randint(low, high))

    def title(self, number: int | None = None) -> str:
        """At most 90 characters (the schemas' limit), the number included."""
        suffix = "" if number is None else f" {number}"
        return self.sentence(3, 7).rstrip(".")[:90 - len(suffix)].rstrip() + suffix

    def source(self, kind: str = "organisatie") -> dict:
        return {"title": "Synthetische bron voor de benchmark", "publisher": "Benchmark",
                "published": "ongedateerd", "consulted": self.date(), "kind": kind}

    def practice(self, number: int, partner_ids: list[str]) -> str:
        low = self.rng.randint(3, 14)
        evidence = self.rng.choice(self.ids["evidence"])
        data = {
            "title": self.title(number),
            "summary": self.sentence(14, 30)[:300],
            "themes": self.some("themes", 1, 3),
            "levels": self.some("levels", 1, 3),
            "ages": {"min": low, "max": min(25, low + self.rng.randint(2, 8))},
            "audience": self.some("roles", 1, 3),
            "connections": self.some("connections", 1, 2),
            "pillars": self.some("pillars", 1, 2),
            "time": {"effort": self.rng.choice(self.ids["efforts"]), "description": self.sentence(6, 12)},
            "cost": {"level": self.rng.choice(self.ids["costs"]), "description": self.sentence(5, 10)},
            "evidence": {"level": evidence, "description": self.sentence(10, 20)},
            "steps": [{"title": self.sentence(3, 6).rstrip(".")[:90], "text": self.paragraph(2)}
                      for _ in range(self.rng.randint(3, 6))],
            "impact": self.sentence(10, 20),
            "measurement": [self.sentence(8, 14) for _ in range(2)],
            "pitfalls": [self.sentence(8, 14) for _ in range(2)],
            "partners": self.rng.sample(partner_ids, min(len(partner_ids), self.rng.randint(0, 3))),
            "sources": [self.source(self.needs[evidence])],
        }
        body = "\n\n".join(["## Waarom", self.paragraph(3), "## Zo ziet het eruit", self.paragraph(3)])
        return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"

    def partner(self, partner_id: str) -> dict:
        scope = self.rng.choices(["stad", "districten", "wijken", "vlaanderen"], [5, 3, 3, 1])[0]
        area: dict = {"scope": scope}
        if scope == "districten":
            area["districts"] = self.some("districts", 1, 3)
        elif scope == "wijken":
            area["wijken"] = self.some("wijken", 1, 6)
        return {
            "id": partner_id,
            "name": self.title(),
            "description": self.paragraph(2),
            "services": [{"name": self.sentence(3, 6).rstrip(".")[:90], "description": self.paragraph(1)}
                         for _ in range(self.rng.randint(1, 3))],
            "themes": self.some("themes", 1, 3),
            "support_forms": self.some("support_forms", 1, 3),
            "eligibility": {"levels": self.some("levels", 1, 4)},
            "service_area": area,
            "website": f"https://{partner_id}.example/",  # a partner says how to reach it
            "application_process": self.sentence(10, 20),
            "fees": {"level": self.rng.choice(self.ids["costs"])},
            "sources": [{**self.source(), "url": f"https://{partner_id}.example/over-ons"}],
        }

    def date(self) -> str:
        return f"2025-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"


def write_corpus(target: Path, practices: int, partners: int, seed: int = 7) -> Path:
    """Write `practices` practices and `partners` partners into `target` (a content root)."""
    writer = _Writer(seed)
    (target / "practices").mkdir(parents=True, exist_ok=True)
    (target / "guides").mkdir(exist_ok=True)
    partner_ids = [f"partner-{n:05d}" for n in range(partners)]
    for number in range(practices):
        (target / "practices" / f"praktijk-{number:05d}.md").write_text(
            writer.practice(number, partner_ids), encoding="utf-8")
    items = [writer.partner(pid) for pid in partner_ids]
    (target / "partners.yaml").write_text(
        yaml.safe_dump({"partners": items}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
