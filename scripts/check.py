#!/usr/bin/env python3
"""Validate all content without building: `make check`.

Prints every problem as `path:line: what is wrong — how to fix it` and exits 1 if there is any.
"""
import sys

from kennisbank.tools.checking import run_check

if __name__ == "__main__":
    sys.exit(run_check())
