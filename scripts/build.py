#!/usr/bin/env python3
"""Validate the content and build the site into site/: `make build`.

The site is built in a temporary folder next to site/ and only swapped in when the build
succeeded, so a failed build leaves the previous site/ exactly as it was.
"""
import argparse
import sys

from kennisbank.tools.building import build_site

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", default="site", help="where to write the site (default: site)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration file")
    args = parser.parse_args()
    sys.exit(build_site(args.config, args.site_dir))
