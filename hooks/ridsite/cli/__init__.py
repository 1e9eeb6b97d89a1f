"""Apart, on top: `rid`, the maintainer's command line (commands.py), and `rid serve` (serve.py).

`main` is here too, so that the console script `rid = "ridsite.cli:main"` (pyproject.toml) names
the command line by its package, as every installed environment already does.
"""

from .commands import main

__all__ = ["main"]
