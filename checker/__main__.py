"""`python -m checker` runs the command line."""

from __future__ import annotations

from checker.run.cli import main

if __name__ == "__main__":
    main()
