"""Write generated Markdown into the docs folder: only what changed, and prune what is stale.

Writing only changed files keeps ``mkdocs serve`` from rebuilding in a loop; the manifest lists
what we wrote last time so that pruning never touches an authored file.
"""

from __future__ import annotations

from pathlib import Path

MANIFEST = ".generated"


class OutsideRoot(ValueError):
    """A path a build would write (or delete) does not resolve inside the folder it writes into."""


def inside(root: Path, rel: str) -> Path:
    """root/rel, checked where it is written: after following every '..' and symbolic link it must
    still be inside root, so that no address or link makes a build touch a file elsewhere."""
    path = root / rel
    resolved_root = root.resolve()
    resolved = path.resolve()
    if rel.startswith("/") or not resolved.is_relative_to(resolved_root) or resolved == resolved_root:
        raise OutsideRoot(f"refusing to write '{rel}': it resolves to {resolved}, outside {resolved_root}")
    return path


def write_if_changed(path: Path, content: str) -> bool:
    data = content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)  # atomic: a reader never sees half a page
    return True


def sync_generated(docs_dir: Path, files: dict[str, str]) -> tuple[int, int]:
    """Make docs_dir hold exactly these generated files. Returns (written, removed)."""
    manifest = docs_dir / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split("\n")) - {""} if manifest.exists() else set()
    written = sum(write_if_changed(inside(docs_dir, rel), content) for rel, content in sorted(files.items()))
    removed = 0
    for rel in sorted(previous - set(files)):
        try:
            stale = inside(docs_dir, rel)
        except OutsideRoot:
            continue  # a manifest line that leads elsewhere was not written by us: never delete it
        if stale.exists():
            stale.unlink()
            removed += 1
            # Remove folders we emptied, never docs_dir itself.
            parent = stale.parent
            while parent != docs_dir and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    write_if_changed(manifest, "\n".join(sorted(files)) + "\n")
    return written, removed


def generated_folders(files) -> set[str]:
    """Top-level folders of docs_dir that hold generated pages (not watched by mkdocs serve)."""
    return {rel.split("/", 1)[0] for rel in files if "/" in rel}
