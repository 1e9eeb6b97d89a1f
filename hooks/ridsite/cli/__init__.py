"""Apart, on top: `rid`, the maintainer's command line (commands.py), and `rid serve` (serve.py)."""
