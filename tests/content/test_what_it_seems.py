"""Content is what it seems: no symbolic links among the content files, and no image or other
embedded resource from another site (links to other sites stay allowed)."""
from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES
from kennisbank.content.embeds import external_embeds
from kennisbank.content.loader import load_corpus


@pytest.fixture
def root(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", target)
    return target


@pytest.mark.parametrize("relpath", ["practices/gelinkt.md", "guides/gelinkt.yaml"])
def test_a_symbolic_link_among_the_content_files_is_refused(root, tmp_path, relpath):
    outside = tmp_path / "buiten.md"
    shutil.copy(root / "practices" / "feedback-in-duo.md", outside)
    (root / relpath).symlink_to(outside)
    corpus, problems = load_corpus(root)
    assert [str(p) for p in problems] == [
        f"{relpath}:1: {relpath} is een symbolische link, geen gewoon bestand — zet de inhoud zelf in de "
        "repository (kopieer het bestand en verwijder de link)"]
    assert "gelinkt" not in corpus.practices and "gelinkt" not in corpus.guides


def test_partners_yaml_as_a_link_is_refused_and_its_references_are_held_back(root, tmp_path):
    outside = tmp_path / "partners.yaml"
    (root / "partners.yaml").rename(outside)
    (root / "partners.yaml").symlink_to(outside)
    corpus, problems = load_corpus(root)
    lines = [str(p) for p in problems]
    assert lines[0].startswith("partners.yaml:1: partners.yaml is een symbolische link")
    assert "niet gecontroleerd omdat partners.yaml niet gelezen kon worden" in lines[1]
    assert len(lines) == 2 and not corpus.partners


def test_zelfscan_yaml_as_a_link_is_refused(root, tmp_path):
    outside = tmp_path / "zelfscan.yaml"
    outside.write_text("scale: []\n", encoding="utf-8")
    (root / "zelfscan.yaml").symlink_to(outside)
    _, problems = load_corpus(root)
    assert [p.message for p in problems] == ["zelfscan.yaml is een symbolische link, geen gewoon bestand"]


@pytest.mark.parametrize("text", [
    "![foto](https://example.org/a.jpg)",
    "![foto](//example.org/a.jpg)",
    '![foto][f]\n\n[f]: https://example.org/a.jpg "titel"',
    '<img src="https://example.org/a.jpg" alt="">',
    '<img alt="" srcset="../a.jpg 1x, https://example.org/a2.jpg 2x">',
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    '<video controls poster="https://example.org/p.jpg"></video>',
    '<audio src="http://example.org/a.mp3"></audio>',
    '<video><source src="https://example.org/a.mp4"></video>',
    '<object data="https://example.org/a.pdf"></object>',
    '<embed src="https://example.org/a.swf">',
])
def test_an_embedded_resource_from_another_site_is_found(text):
    assert external_embeds(text), text


@pytest.mark.parametrize("text", [
    "![schema](../assets/schema.png)",
    '<img src="/assets/logo.svg" alt="">',
    "Lees [de gids](https://example.org/gids.pdf) of <https://example.org>.",
    "[![badge](../assets/b.png)](https://example.org)",
])
def test_local_resources_and_links_to_other_sites_are_fine(text):
    assert external_embeds(text) == []
