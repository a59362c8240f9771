"""Formatting noise, html2text-style wrapping, encoding faults and the matching normalizer."""

from __future__ import annotations

import random
import re
import unicodedata

QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
)
DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")


def wrap_text(text: str, width: int) -> list[str]:
    """Greedy word wrap at `width`; a word longer than the width stands on its own line."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    return [*lines, cur] if cur else lines


def _smart_quotes(line: str) -> str:
    out, opened = [], False
    for ch in line:
        if ch == '"':
            out.append("”" if opened else "“")
            opened = not opened
        else:
            out.append("’" if ch == "'" else ch)
    return "".join(out)


def _dashes(line: str, rng: random.Random) -> str:
    line = DASHES.sub("-", line)
    return line.replace(" - ", rng.choice([" – ", " — "]))


def _one_space(line: str, rng: random.Random, repl: str) -> str:
    spots = [m.start() for m in re.finditer(" ", line)]
    if not spots:
        return line
    at = rng.choice(spots)
    return line[:at] + repl + line[at + 1 :]


def noisy_line(line: str, rng: random.Random) -> str:
    """The same line as another capture might write it: same meaning, other bytes."""
    ops = rng.sample(range(7), rng.randint(1, 3))
    for op in ops:
        if op == 0:
            line = _one_space(line, rng, "\u00a0")
        elif op == 1:
            line = unicodedata.normalize("NFD", line)
        elif op == 2:
            line = _smart_quotes(line)
        elif op == 3:
            line = _dashes(line, rng)
        elif op == 4:
            line = _one_space(line, rng, "\t")
        elif op == 5:
            line = _one_space(line, rng, "  ")
        else:
            line = line + " " * rng.randint(1, 3)
    return line


def add_noise(lines: list[str], rng: random.Random, share: float = 0.4) -> list[str]:
    """Noise on about `share` of the non-blank lines; blank lines may gain spaces."""
    out = []
    for line in lines:
        if line and rng.random() < share:
            line = noisy_line(line, rng)
        elif not line and rng.random() < 0.2:
            line = " \t"[rng.randrange(2)]
        out.append(line)
    return out


def encode_page(lines: list[str], *, crlf: bool, bom: bool) -> bytes:
    """The file's bytes: UTF-8, optional BOM, LF or CRLF endings, final newline."""
    nl = "\r\n" if crlf else "\n"
    data = nl.join(lines) + nl
    return ("\ufeff" if bom else "").encode() + data.encode("utf-8")


def mojibake(line: str, style: int) -> str:
    """A line as a wrong-encoding capture shows it: `Â©` (cp1252) or `??` (ASCII)."""
    if style == 0:
        return "".join(
            c if ord(c) < 128 else c.encode().decode("cp1252", errors="replace") for c in line
        )
    return "".join(c if ord(c) < 128 else "?" * len(c.encode()) for c in line)


def normalize(line: str) -> str:
    """NFKC, quotes and dashes folded, whitespace collapsed and stripped."""
    line = unicodedata.normalize("NFKC", line.replace("\ufeff", "")).translate(QUOTES)
    return " ".join(DASHES.sub("-", line).split())
