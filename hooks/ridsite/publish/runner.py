"""The one place where `rid build` calls the static site generator.

Each language is built by a subprocess that is given a configuration file written here: the
project's mkdocs.yml with this build's folders, language and search made explicit. Nothing passes
through environment variables but SOURCE_DATE_EPOCH, the reproducible-builds convention that
MkDocs itself reads for the build date.

MkDocs 1.6 is unmaintained and its 2.0 drops plugins and hooks; ProperDocs is a drop-in fork of
1.6 that reads the same configuration and runs the same plugins. Switching is the RUNNER line.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..model import slugs
from ..model.languages import LANGUAGES

# The generator's module, run as `python -m RUNNER build`: "mkdocs" or "properdocs".
RUNNER = "mkdocs"
CONFIG_FILE = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV [NAME, default]` gives the variable or the default."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else os.environ[name]
    return default


_ConfigLoader.add_constructor("!ENV", _env_tag)


def read_config(project: Path) -> dict:
    """The project's mkdocs.yml as a plain dictionary (with !ENV values resolved)."""
    with (project / CONFIG_FILE).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader)  # noqa: S506 (a SafeLoader subclass)


def _site_url(config: dict) -> str:
    return (config.get("site_url") or "/").rstrip("/") + "/"


def site_url(project: Path) -> str:
    """The public address: mkdocs.yml's site_url (RID_SITE_URL there), with one trailing slash."""
    return _site_url(read_config(project))


def plugin_entries(config: dict):
    """(name, options) of each plugin in mkdocs.yml's list, written as a name or as {name: options}."""
    for entry in config.get("plugins") or []:
        yield next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})


def language_roots(site_url: str) -> list[dict]:
    """Each language's root from the top of the host ('/rid/fr/' for a site at /rid/), for the
    language switcher (the theme passes links that start with '/' through unchanged)."""
    root = urlsplit(site_url).path.rstrip("/") + "/"
    return [
        {"lang": language.code, "name": language.name, "root": root + slugs.language_root(language.code)}
        for language in LANGUAGES
    ]


def language_config(project: Path, docs_dir: Path, site_dir: Path, lang: str, strict: bool) -> dict:
    """mkdocs.yml for one language of `rid build`.

    * the language's own docs tree and output folder, and its address (site_url + 'fr/') so that
      canonical links say where the page is published;
    * mkdocs-static-i18n builds only that language; Material's search is off (Pagefind indexes
      the published site);
    * `extra.rid` tells the hook that the pages are rendered already, and gives the language roots
      from which it points the language switcher at the same page in all six;
    * relative paths made absolute: the file is written outside the project."""
    config = read_config(project)
    base = _site_url(config)
    config["site_url"] = slugs.public_url(base, "", lang)
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["strict"] = strict
    config.pop("watch", None)
    config["hooks"] = [str((project / hook).resolve()) for hook in config.get("hooks", [])]
    theme = config.get("theme") or {}
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((project / theme["custom_dir"]).resolve())
    plugins = []
    for name, options in plugin_entries(config):
        if name == "search":
            continue
        if name == "i18n":
            options = dict(options or {}, build_only_locale=lang, reconfigure_search=False)
        plugins.append({name: options})
    config["plugins"] = plugins
    extra = dict(config.get("extra") or {})
    extra["rid"] = {"prepared": True, "language_roots": language_roots(base)}
    config["extra"] = extra
    return config


@contextlib.contextmanager
def stopped_by_sigterm():
    """While a worker waits for a subprocess, SIGTERM (a stopped build: Pool.terminate) becomes an
    exception, so that subprocess.run kills the process it waits for instead of leaving it to
    write into a staging folder that is being removed. Outside such a wait the default applies."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(143)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass
class RunResult:
    returncode: int
    output: str


def run(config: dict, config_path: Path, cwd: Path, epoch: int | None, runner: str = RUNNER) -> RunResult:
    """Write the configuration and build it in a subprocess (quiet: only warnings and errors)."""
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if epoch is not None:
        env.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    cmd = [sys.executable, "-m", runner, "build", "-q", "-f", str(config_path)]
    with stopped_by_sigterm():
        result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    return RunResult(result.returncode, result.stdout + result.stderr)
