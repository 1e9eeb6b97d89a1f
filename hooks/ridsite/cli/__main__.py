"""`python -m ridsite.cli …` is `rid …` (a build run from a fresh process uses it)."""

from .commands import main

main()
