"""The GitHub workflows: every action pinned by commit, and the same commands as README.md."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> tuple[str, dict]:
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    return text, yaml.safe_load(text)


def steps(parsed: dict) -> list[dict]:
    return [step for job in parsed["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_by_full_commit_sha_with_its_version():
    lines = [line for path in sorted(WORKFLOWS.glob("*.yml")) for line in path.read_text(encoding="utf-8").splitlines()]
    uses = [line.strip() for line in lines if re.match(r"\s*(- )?uses:", line)]
    assert uses
    for line in uses:
        # A tag can be moved to other code; a commit cannot. The comment says which release it is.
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), line


def test_pull_requests_check_build_test_and_keep_a_preview():
    text, parsed = workflow("pull-request.yml")
    assert "pull_request" in parsed[True]  # YAML reads the key `on` as true
    runs = [step.get("run", "") for step in steps(parsed)]
    assert runs.index("bash .ci/setup --test") < runs.index(".venv/bin/rid check")
    # The preview is the published form: the very command the deploy runs (test below).
    assert ".venv/bin/rid build --site-dir site" in runs
    assert not [run for run in runs if "mkdocs build" in run or "mkdocs serve" in run]
    assert ".venv/bin/python -m pytest" in runs
    upload = next(step for step in steps(parsed) if "upload-artifact@" in step.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert parsed["permissions"] == {"contents": "read"}


def test_main_is_tested_built_and_deployed_to_pages():
    _, parsed = workflow("deploy.yml")
    assert parsed[True]["push"]["branches"] == ["main"]
    build_runs = [step.get("run", "") for step in parsed["jobs"]["build"]["steps"]]
    # The published site is `rid build`'s (strict unless told otherwise; Pagefind search).
    assert build_runs.index(".venv/bin/python -m pytest") < build_runs.index(".venv/bin/rid build --site-dir site")
    deploy = parsed["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("deploy-pages@" in step.get("uses", "") for step in deploy["steps"])


def test_every_project_command_the_workflows_run_is_documented_and_the_two_builds_agree():
    """A maintainer can run, from README or CONTRIBUTING, each command CI runs (the commands of
    the project itself; installing git in the container is CI's own); the pull-request preview is
    built by the very command the deploy publishes with; `.ci/run` is README's test command."""
    documented = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "CONTRIBUTING.md").read_text(
        encoding="utf-8"
    )
    runs = {
        name: [step["run"].strip() for step in steps(workflow(name)[1]) if "run" in step]
        for name in ("pull-request.yml", "deploy.yml")
    }
    ours = [run for commands in runs.values() for run in commands if run.startswith((".venv/bin/", "bash .ci/"))]
    assert len(ours) >= 8
    assert [run for run in ours if run not in documented] == []
    # The deploy checks all that a pull request checks.
    project = {
        name: {run for run in commands if run.startswith((".venv/bin/", "bash .ci/"))}
        for name, commands in runs.items()
    }
    assert project["deploy.yml"] == project["pull-request.yml"]
    build = [run for run in runs["deploy.yml"] if run.startswith(".venv/bin/rid build")]
    assert (
        build == [run for run in runs["pull-request.yml"] if run.startswith(".venv/bin/rid build")] and len(build) == 1
    )
    test_command = "bash .ci/setup --test && .venv/bin/python -m pytest"
    assert test_command in (ROOT / "README.md").read_text(encoding="utf-8")
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith(test_command)


def test_every_dependency_is_locked_at_one_version_with_its_hashes():
    """The deploy publishes with the packages CI tested: .ci/setup installs .ci/requirements.lock
    with --require-hashes, so each package must be there, at a version pyproject.toml allows."""
    import tomllib

    from packaging.requirements import Requirement

    lock = (ROOT / ".ci" / "requirements.lock").read_text(encoding="utf-8")
    entries = re.findall(
        r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", lock, re.M
    )
    pinned = {name: version for name, version, _ in entries}
    assert len(pinned) == len(re.findall(r"^\S+==", lock, re.M)) >= 60  # every pin carries its hashes
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = project["project"]["dependencies"] + project["project"]["optional-dependencies"]["test"]
    wanted += project["build-system"]["requires"]
    for line in wanted:
        req = Requirement(line)
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name in pinned, f"{req.name} is not in .ci/requirements.lock: regenerate it (CONTRIBUTING)"
        assert req.specifier.contains(pinned[name], prereleases=True), f"{line}: the lock has {pinned[name]}"
    setup = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r .ci/requirements.lock" in setup
