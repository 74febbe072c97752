"""MkDocs hooks (see `hooks:` in mkdocs.yml): a thin layer over kennisbank.site."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # make `kennisbank` importable

from kennisbank import site  # noqa: E402


def on_startup(command, dirty):
    site.startup(command)


def on_config(config):
    site.configure(config)
    return config


def on_files(files, config):
    return site.add_files(files, config)


def on_env(env, config, files):
    return site.template_env(env)


def on_page_content(html, page, config, files):
    return site.guard_page(html, page)


def on_post_page(output, page, config):
    return site.finish_page(output, page)


def on_post_template(output_content, template_name, config):
    return site.finish_template(output_content, template_name)
