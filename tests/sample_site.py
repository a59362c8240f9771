"""The sample site and the six findings it must give (shared by the acceptance tests)."""

from __future__ import annotations

from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "snapshots" / "csto-pa"
SIX = [
    ("001_86663546f0d1bad6.txt", 10, "text-changed"),
    ("002_993dc854e827fd50.txt", 10, "text-changed"),
    ("003_bd67f9c5a52d8a82.txt", 7, "number-changed"),
    ("004_f380ec6e52b63cae.txt", 3, "url-missing"),
    ("004_f380ec6e52b63cae.txt", 4, "url-missing"),
    ("004_f380ec6e52b63cae.txt", 9, "url-missing"),
]
