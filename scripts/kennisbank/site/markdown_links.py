"""A Markdown extension: links to other sites get rel="noopener" (and never a target)."""
from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class _ExternalLinks(Treeprocessor):
    def run(self, root):
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith(("http://", "https://")):
                rel = set((link.get("rel") or "").split()) | {"noopener"}
                link.set("rel", " ".join(sorted(rel)))
        return root


class ExternalLinksExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_ExternalLinks(md), "kennisbank_external_links", 5)
