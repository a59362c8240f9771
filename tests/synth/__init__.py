"""Synthetic test corpora for snapdrift: generator (`generate_site`, `mega`) and `score`."""

from .generator import PLACEMENTS, Drift, SiteCorpus, generate_site, mega
from .pools_more import LANGUAGES
from .score import Score, score

__all__ = [
    "LANGUAGES",
    "PLACEMENTS",
    "Drift",
    "Score",
    "SiteCorpus",
    "generate_site",
    "mega",
    "score",
]
