"""snapdrift: finds drift in the boilerplate blocks of scraped page snapshots."""

from __future__ import annotations

__version__ = "0.1.0"
