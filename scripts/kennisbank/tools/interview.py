"""The questions of `make new`: what to make, its title, and the key fields to fill in now."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.vocab import load_vocabularies
from kennisbank.tools.drafts import KEY_FIELDS, KIND_NAMES, QUESTIONS, THE, ScaffoldError, relpath_of
from kennisbank.tools.scaffold import new_id, refuse_existing


def _pick(answer: str, options: list[str]) -> list[str] | None:
    """'1, 3' or 'welbevinden, leren-leren' -> ids; None when something is not an option."""
    picked = []
    for part in filter(None, (p.strip() for p in answer.replace(";", ",").split(","))):
        if part.isdigit() and 1 <= int(part) <= len(options):
            picked.append(options[int(part) - 1])
        elif part in options:
            picked.append(part)
        else:
            return None
    return list(dict.fromkeys(picked))


def interview(ask: Callable[[str], str], say: Callable[[str], None], root: Path | None = None
              ) -> tuple[str, str, dict[str, list[str]]]:
    """Ask what to make; `ask` shows a prompt and returns the answer (it may raise EOFError)."""
    root = Path(root or paths.content_root())
    kinds = ["praktijk", "partner", "stappenplan"]
    say("Wat wil je toevoegen?\n" + "\n".join(f"  {i}. {k}" for i, k in enumerate(kinds, 1)))
    while True:
        answer = ask("Kies 1, 2 of 3: ").strip().lower()
        chosen = _pick(answer, kinds)
        if chosen and len(chosen) == 1:
            kind = KIND_NAMES[chosen[0]]
            break
        say("Typ 1, 2 of 3 (of praktijk, partner, stappenplan).")
    noun = f"{'naam' if kind == 'partner' else 'titel'} van {THE[kind]}"
    while True:
        title = " ".join(ask(f"De {noun}: ").split())
        try:
            entry_id = new_id(kind, title)
            refuse_existing(kind, entry_id, root)
        except ScaffoldError as error:
            say(str(error))
            continue
        say(f"De id wordt '{entry_id}' ({relpath_of(kind, entry_id)}).")
        break
    vocab = load_vocabularies()
    choices = {}
    for field, vocabulary in KEY_FIELDS[kind]:
        options = vocab.ids(vocabulary)
        say(f"\n{QUESTIONS[field]}\n" + "\n".join(
            f"  {i}. {vocab.label(vocabulary, o)}" for i, o in enumerate(options, 1)))
        while True:
            picked = _pick(ask("Nummers, gescheiden door komma's (Enter = later invullen): "), options)
            if picked is not None:
                choices[field] = picked
                break
            say(f"Kies nummers van 1 tot {len(options)}, bv. 1, 3.")
    return kind, title, choices


