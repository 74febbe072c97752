"""MkDocs hooks (see `hooks:` in mkdocs.yml): the one place where the layers meet.

The site package makes the pages; the search and exports packages make the finder's data and
the open data. None of them imports another; this module hands their functions to the site.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # make `kennisbank` importable

from kennisbank.exports import export, jsonld, projectplan  # noqa: E402
from kennisbank.search.search_index import finder_files  # noqa: E402
from kennisbank.site import critical_css, events, nav_memo, serving, sitemap  # noqa: E402
from kennisbank.site.translations import REGISTRY as TRANSLATIONS  # noqa: E402


def _data_files(corpus, config) -> dict:
    return {**projectplan.download_files(corpus),  # downloads/: the project-plan templates
            **export.open_data_files(corpus, config.site_url)}  # data/ and feed.xml


EXTRAS = events.Extras(structured_data=jsonld.entry_jsonld,
                       search_files=finder_files,  # the finder's index, facets and summaries
                       data_files=_data_files, linked_files=projectplan.download_paths)


def on_startup(command, dirty):
    events.startup(command)


def on_config(config):
    events.configure(config)
    if events.STATE.command == "serve":
        serving.remember_theme_files(config)
    return config


def on_files(files, config):
    files = events.add_files(files, config, EXTRAS)
    TRANSLATIONS.collect(files, config)  # the parent pages in other languages
    return files


def on_env(env, config, files):
    env.globals["kb_nav"] = nav_memo  # the navigation of pages outside it, rendered once
    return serving.template_env(env)


def on_page_read_source(page, config):
    return events.stub_source(page)


def on_page_markdown(markdown, page, config, files):
    events.skip_stub(page, markdown)
    return markdown


def on_page_content(html, page, config, files):
    html = events.guard_page(html, page)
    events.reuse_output(page, html, config, TRANSLATIONS.context(page, config))
    return html


def on_page_context(context, page, config, nav):
    context["kb_i18n"] = TRANSLATIONS.context(page, config)
    context["kb_kept"] = events.kept_html(page)
    return context


def on_post_page(output, page, config):
    if events.kept_html(page) is not None:
        return events.finish_page(events.kept_html(page), page)  # kept from the last rebuild
    output = critical_css.inline(TRANSLATIONS.finish_page(output, page, config), config.docs_dir)
    return events.finish_page(output, page)


def on_serve(server, config, builder):
    return serving.quicken(server, config)


def on_post_build(config):
    events.post_build(config)


def on_template_context(context, template_name, config):
    if template_name == "sitemap.xml":
        context["kb_sitemap"] = sitemap.sitemap_pages(events.STATE.files, config)
    return context


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):
        output_content = critical_css.inline(output_content, config.docs_dir)
    return events.finish_template(output_content, template_name)
