#!/usr/bin/env python3
"""Turn a submitted 'Een praktijk voorstellen' issue into a draft practice.

    gh issue view 42 --json body --jq .body > voorstel.md
    python scripts/from_issue.py voorstel.md --issue-url https://github.com/.../issues/42

Writes practices/<id>.md with `status: concept`. A body that cannot be read (a missing section,
a choice that is not on the form, ...) gives the reasons and exit code 1; nothing is written.
"""
import argparse
import sys
from pathlib import Path

from kennisbank.tools.issue_form import IssueFormError, write_practice
from kennisbank.tools.scaffold import next_steps


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Maak een conceptpraktijk van een ingevuld issueformulier.")
    parser.add_argument("body", help="bestand met de tekst van het issue ('-' = lees van stdin)")
    parser.add_argument("--issue-url", help="webadres van het issue; het komt bij de bronnen")
    args = parser.parse_args(argv)
    try:
        body = sys.stdin.read() if args.body == "-" else Path(args.body).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"Kan '{args.body}' niet lezen: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return 1
    try:
        created = write_practice(body, issue_url=args.issue_url)
    except IssueFormError as error:
        print("Van dit issue kan ik geen praktijk maken:", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(next_steps(created))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
