"""Tests of the synthetic-site generator and scorer themselves (no detector needed)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.synth import LANGUAGES, PLACEMENTS, Drift, SiteCorpus, generate_site, mega, score
from tests.synth.noise import normalize

CONTENT = {
    "number-changed",
    "url-changed",
    "url-missing",
    "url-added",
    "value-changed",
    "text-changed",
    "no-majority",
}
CONFIGS = [
    dict(placement=pl, language=lang, wrap=w, optional=o, per_page=pp)
    for pl, lang, w, o, pp in [
        ("top", "en", 0, True, True),
        ("bottom", "de", 0, False, True),
        ("after-header", "ru", 78, True, False),
        ("both", "fr", 0, True, True),
        ("both", "el", 78, False, True),
        ("top", "es", 60, True, True),
    ]
] + [
    dict(families=2, pages=12),
    dict(relative_links=True),
    dict(encoding_faults=True, language="de"),
    dict(half_rollout=True, pages=12),
    dict(edge_drift=True, placement="after-header"),
    dict(block_missing=True, placement="both", pages=30, drift_rate=0.4),
]


def read_lines(path: Path) -> list[str]:
    """Physical lines with BOM and CR removed."""
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").split("\n")[:-1]


def logical(lines: list[str], wrap: int) -> dict[int, str]:
    """Normalized logical lines by first physical line (paragraphs joined when wrapping)."""
    out: dict[int, str] = {}
    start = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            start = 0
        elif wrap and start:
            out[start] += " " + normalize(line)
        else:
            start = n
            out[n] = normalize(line)
    return out


def make(tmp: Path, seed: int, **kw: object) -> SiteCorpus:
    args = dict(pages=7, drift_rate=0.3) | kw
    return generate_site(tmp / f"s{seed}-{len(list(tmp.iterdir()))}", seed=seed, **args)


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = make(tmp_path, 5, placement="both", wrap=78, optional=True, per_page=True)
    b = make(tmp_path, 5, placement="both", wrap=78, optional=True, per_page=True)
    assert a.files == b.files and a.drifts == b.drifts and a.noise_only == b.noise_only
    for f in a.files:
        assert (a.root / f).read_bytes() == (b.root / f).read_bytes()


def test_different_seeds_different_blocks(tmp_path: Path) -> None:
    blocks = [make(tmp_path, s, pages=3).blocks for s in range(12)]
    assert len(set(blocks)) == len(blocks)
    assert all(6 <= len(b) <= 21 for bl in blocks for b in bl)


def _check_drift(corpus: SiteCorpus, d: Drift, wrap: int) -> None:
    lines = read_lines(corpus.root / d.snapshot)
    logic = logical(lines, wrap)
    canon = {normalize(x) for b in corpus.blocks for x in b}
    where = f"{d} in\n" + "\n".join(f"{n:3} {t}" for n, t in enumerate(lines, 1))
    if d.kind in CONTENT:
        assert logic.get(d.line) == normalize(d.found) != normalize(d.expected), where
    elif d.kind == "line-added":
        assert logic.get(d.line) == normalize(d.found) and d.found not in canon, where
    elif d.kind == "line-moved":
        assert logic.get(d.line) == normalize(d.expected) and d.origin not in (0, d.line), where
    elif d.kind == "line-missing":
        assert normalize(d.expected) not in logic.values(), where
        assert d.line in logic or d.line - 1 in logic, where
    else:
        assert d.kind == "block-missing" and 0 < d.line <= len(lines) + 1, where


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: "-".join(f"{k}={v}" for k, v in c.items()))
def test_truth_lines_hold_the_drift(tmp_path: Path, cfg: dict, seed: int) -> None:
    corpus = make(tmp_path, seed, **cfg)
    assert corpus.drifts
    for d in corpus.drifts:
        _check_drift(corpus, d, int(cfg.get("wrap", 0)))
    pages = len(corpus.files) / corpus.params["families"]
    per_variant = Counter((d.expected, d.found) for d in corpus.drifts if d.kind != "no-majority")
    assert all(n < pages / 2 for n in per_variant.values()), per_variant


@pytest.mark.parametrize("placement", PLACEMENTS)
def test_noise_only_pages_normalize_to_clean(tmp_path: Path, placement: str) -> None:
    for seed in range(3):
        kw = dict(pages=12, placement=placement, optional=True, per_page=True, language="fr")
        noisy, clean = make(tmp_path, seed, **kw), make(tmp_path, seed, noise=False, **kw)
        assert noisy.noise_only and not clean.noise_only and noisy.drifts == clean.drifts
        for f in noisy.noise_only:
            raw = (noisy.root / f).read_bytes()
            assert raw != (clean.root / f).read_bytes()
            got = [normalize(x) for x in read_lines(noisy.root / f) if x.strip()]
            assert got == [normalize(x) for x in read_lines(clean.root / f) if x.strip()]


def test_noise_kinds_all_occur(tmp_path: Path) -> None:
    en, fr = (make(tmp_path, 1, pages=60, drift_rate=0.0, language=lang) for lang in ("en", "fr"))
    raw = b"".join((c.root / f).read_bytes() for c in (en, fr) for f in c.noise_only)
    text = raw.decode("utf-8", errors="replace")
    for mark in ("\u00a0", "\t", "  ", " \n", "\r\n", "\ufeff", "\u0301", "’", "“", "–"):
        assert mark in text, repr(mark)


def test_every_language_present(tmp_path: Path) -> None:
    scripts = {
        "ru": "[а-я]",
        "el": "[α-ω]",
        "de": "[äöüß]",
        "fr": "[éèà]",
        "es": "[ñáí]",
        "en": "[a-z]",
    }
    assert set(scripts) <= set(LANGUAGES)
    for lang, pattern in scripts.items():
        c = make(tmp_path, 2, language=lang)
        assert re.search(pattern, " ".join(c.blocks[0])), lang


def test_wrapped_lines_fit_the_column(tmp_path: Path) -> None:
    for seed, lang in enumerate(LANGUAGES):
        c = make(
            tmp_path, seed, wrap=78, noise=False, per_page=True, language=lang, placement="both"
        )
        wraps = Counter()
        for f in c.files:
            lines = read_lines(c.root / f)
            assert all(len(x) <= 78 or " " not in x for x in lines)
            wraps[tuple(n for n, x in enumerate(lines) if len(x) > 60)] += 1
        assert len(wraps) > 1  # the per-page share link wraps differently


def test_page_features(tmp_path: Path) -> None:
    c = make(tmp_path, 4, pages=20, optional=True, per_page=True, placement="after-header")
    texts = [(c.root / f).read_text(encoding="utf-8-sig") for f in c.files]
    box = [t for t in texts if "Questions? Write to us" in map(normalize, t.splitlines())]
    assert 0.7 <= len(box) / len(texts) <= 0.85
    own = {
        tuple(x for x in map(normalize, t.splitlines()) if x.startswith(("Share this", "Page upd")))
        for t in texts
    }
    assert len(own) == len(texts) and all(own)
    first = {t.splitlines()[0] for t in texts}
    assert len(first) == len(texts)  # a per-page title heads every page


def test_heavy_drift_and_every_kind(tmp_path: Path) -> None:
    kinds: Counter = Counter()
    heavy = 0
    for seed in range(25):
        c = make(
            tmp_path,
            seed,
            pages=5,
            drift_rate=0.2,
            placement=PLACEMENTS[seed % 4],
            block_missing=True,
        )
        kinds.update(d.kind for d in c.drifts)
        heavy += Counter((d.kind, d.expected, d.found) for d in c.drifts).most_common(1)[0][1] >= 2
    big = make(tmp_path, 9, pages=30, placement="both", block_missing=True, drift_rate=0.5)
    kinds.update(d.kind for d in big.drifts)
    assert heavy >= 3
    assert set(kinds) >= CONTENT - {"no-majority"} | {
        "line-missing",
        "line-added",
        "line-moved",
        "block-missing",
    }


def test_decoys_quote_block_lines(tmp_path: Path) -> None:
    c = make(tmp_path, 3, pages=30, drift_rate=0.0, noise=False)
    canon = [x for b in c.blocks for x in b]
    stems = {
        re.sub(r"\d+", "#", x).lower() for x in canon if re.search(r"\d", x) and "http" not in x
    }
    keys = tuple(x.split(": ")[0] + ": " for x in canon if x.startswith(("Chair: ", "Secretary: ")))
    hits = sum(
        (any(s in re.sub(r"\d+", "#", line).lower() for s in stems) or line.startswith(keys))
        and line not in canon
        for f in c.files
        for line in read_lines(c.root / f)
    )
    assert hits >= 5


def test_families_and_relative_links(tmp_path: Path) -> None:
    c = make(tmp_path, 6, families=2, pages=12)
    assert len(c.blocks) == 2 and c.blocks[0] != c.blocks[1]
    r = make(tmp_path, 6, relative_links=True, pages=12)
    links = {
        m
        for f in r.files
        for m in re.findall(r"\S*students\.html", (r.root / f).read_text("utf-8-sig"))
    }
    assert len(links) >= 2 and any("/news/" in f for f in r.files)


def test_mega_is_quick_and_sparse(tmp_path: Path) -> None:
    c = mega(tmp_path / "m", seed=1, pages=1000)
    assert len(c.files) == 1000 and 5 <= len({d.snapshot for d in c.drifts}) <= 30


def test_score_perfect_and_paths(tmp_path: Path) -> None:
    c = make(tmp_path, 8, pages=12, placement="both")
    perfect = [dict(snapshot=f"{c.root}/{d.snapshot}", line=d.line, kind=d.kind) for d in c.drifts]
    s = score(c, perfect)
    assert (s.recall, s.precision, s.kind_accuracy, s.noise_flagged) == (1.0, 1.0, 1.0, 0)
    assert score(c, []).recall == 0.0 and score(c, []).precision == 1.0
    moved = Drift("page_000.txt", 5, "line-moved", "x", "x", origin=9)
    c2 = SiteCorpus(c.root, ["page_000.txt"], [moved], [])
    split = [
        dict(snapshot="page_000.txt", line=5, kind="line-added"),
        dict(snapshot="./page_000.txt", line=9, kind="line-missing"),
    ]
    s2 = score(c2, split)
    assert (s2.recall, s2.precision, s2.kind_accuracy) == (1.0, 1.0, 1.0)
    s3 = score(c2, [dict(snapshot="page_000.txt", line=7, kind="line-moved")])
    assert s3.precision == 0.0 and s3.recall == 0.0
