"""Tests of the gen2 generator itself (tests/gen2/generate.py). None of them runs the checker."""

from __future__ import annotations

import collections
import difflib
import gzip
import json
import pathlib
import sys
import unicodedata

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "gen2"))
import generate  # noqa: E402

SEEDS = range(100, 160)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """seed -> (truth, drifted dir, clean dir, clean truth), built once for the module."""
    root = tmp_path_factory.mktemp("gen2")
    out = {}
    for seed in SEEDS:
        truth = generate.build_site(seed, root / str(seed) / "site")
        ctruth = generate.build_site(seed, root / str(seed) / "clean", clean=True)
        out[seed] = (truth, root / str(seed) / "site", root / str(seed) / "clean", ctruth)
    return out


def files(d: pathlib.Path) -> dict[str, bytes]:
    return {
        p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()
    }


def lines(b: bytes) -> list[str]:
    return b.decode("utf-8", errors="replace").splitlines()


def test_deterministic_for_a_seed(tmp_path, sites):
    for seed in (100, 117, 151):
        t1 = generate.build_site(seed, tmp_path / "a")
        t2 = generate.build_site(seed, tmp_path / "b")
        assert t1 == t2
        assert files(tmp_path / "a") == files(tmp_path / "b") == files(sites[seed][1])
    # different seeds give different sites
    assert files(sites[100][1]) != files(sites[101][1])


def test_truth_lines_point_at_the_change(sites):
    checked = collections.Counter()
    for seed, (truth, site, clean, _) in sites.items():
        for d in truth["drifts"]:
            drifted = (site / d["page"]).read_bytes()
            original = (clean / d["page"]).read_bytes()
            kind, line = d["kind"], d["line"]
            if kind == "snapshot-unreadable":
                assert drifted[:2] == b"\x1f\x8b" and gzip.decompress(drifted) == original, (
                    seed,
                    d,
                )
            elif kind in ("line-missing", "block-missing"):
                assert len(lines(original)) > len(lines(drifted)), (seed, d)
                assert 1 <= line <= len(lines(drifted)) + 1, (seed, d)
            else:
                new, old = lines(drifted), lines(original)
                for ln in d.get("lines") or [line]:
                    assert 1 <= ln <= len(new), (seed, d)
                    # a wrapped logical line may change only in a continuation line
                    span = range(ln - 1, min(ln + 2, len(new)))
                    assert any(k >= len(old) or new[k] != old[k] for k in span), (seed, d)
            checked[kind] += 1
    assert sum(checked.values()) > 100


def test_line_missing_points_after_the_previous_line(sites):
    """The clean copy holds the lost line; everything before the truth line is unchanged."""
    for seed, (truth, site, clean, _) in sites.items():
        for d in truth["drifts"]:
            if d["kind"] != "line-missing":
                continue
            new, old = (
                lines((site / d["page"]).read_bytes()),
                lines((clean / d["page"]).read_bytes()),
            )
            others = [
                x for x in truth["drifts"] if x["page"] == d["page"] and x["line"] < d["line"]
            ]
            if not others:
                assert new[: d["line"] - 1] == old[: d["line"] - 1], (seed, d)


def test_truth_lines_match_the_page_diff(tmp_path):
    """tests/gen2/audit_lines.py on a handful of seeds covering every kind, recipe and format
    (wrapped or not): every truth line lies within score.TOL of the clean/drifted diff, or is the
    line-missing convention (right after the previous block line, per-page lines skipped), and
    every change of the diff is claimed by a truth."""
    import audit_lines

    seeds = (334, 361, 109, 141, 146, 160, 170, 263)
    recs = [r for seed in seeds for r in audit_lines.audit_seed(seed, tmp_path)]
    bad = [r for r in recs if r["status"] in ("MISMATCH", "uncovered")]
    assert not bad, bad
    assert {r["kind"] for r in recs} >= set(generate.KINDS) | {"snapshot-unreadable"}
    assert {r["fmt"] for r in recs} == {
        f"{e}/{w}" for e in ("txt", "md", "html") for w in ("plain", "wrapped")
    }
    # the brief's examples: the copyright line lost after per-page lines (a wrapped share line,
    # a permanent link, an update date) is reported right after the report link before them
    conv = {(r["seed"], r["page"], r["line"]) for r in recs if r["status"] == "convention"}
    assert (334, "members/p-20.txt", 19) in conv
    assert (361, "about/team/page-03.html", 32) in conv


def test_drift_changes_stay_near_the_truth_lines(sites):
    for seed, (truth, site, clean, _) in sites.items():
        by_page = collections.defaultdict(list)
        for d in truth["drifts"]:
            by_page[d["page"]].append(d)
        for page, data in files(site).items():
            original = (clean / page).read_bytes()
            if page not in by_page:
                assert data == original, (
                    seed,
                    page,
                )  # an undrifted page is byte-identical, noise included
                continue
            ds = by_page[page]
            if any(d["kind"] in ("block-missing", "snapshot-unreadable") for d in ds):
                continue
            anchors = [ln for d in ds for ln in (d.get("lines") or [d["line"]])]
            sm = difflib.SequenceMatcher(a=lines(original), b=lines(data), autojunk=False)
            for tag, _i1, _i2, j1, j2 in sm.get_opcodes():
                if tag == "equal":
                    continue
                for j in range(j1 + 1, max(j1 + 1, j2) + 1):
                    assert any(abs(j - a) <= 10 for a in anchors), (seed, page, tag, j, anchors)


def test_clean_copy_has_no_drift_but_the_same_noise(sites):
    seen = collections.Counter()
    for truth, site, clean, ctruth in sites.values():
        assert ctruth["drifts"] == [] and ctruth["clean"] is True
        assert ctruth["noise"] == truth["noise"]
        assert set(files(site)) == set(files(clean))
        for data in files(clean).values():
            if data.startswith(b"\xef\xbb\xbf"):
                seen["bom"] += 1
            text = data.decode("utf-8", errors="replace")
            seen["stray"] += b"\xa9 some vendor" in data
            seen["crlf"] += "\r\n" in text
            seen["nbsp"] += "\u00a0" in text or "&nbsp;" in text
            seen["smart"] += "\u2019" in text or "&rsquo;" in text
            seen["nfd"] += any(unicodedata.combining(ch) for ch in text)
            seen["tab"] += "\t" in text.replace("\n\t", "\n")
            seen["trailing"] += any(ln != ln.rstrip() for ln in text.splitlines())
            seen["dotdot"] += "../" in text
            seen["sep"] += "* * *" in text
    feats = ("bom", "crlf", "nbsp", "smart", "nfd", "tab", "trailing", "dotdot", "sep", "stray")
    for feat in feats:
        assert seen[feat] >= 3, (feat, seen)


def test_variety_across_seeds(sites):
    truths = [s[0] for s in sites.values()]
    assert {t["format"] for t in truths} == {"txt", "html"}
    assert {t["ext"] for t in truths} >= {".txt", ".md", ".html"}
    assert {t["placement"] for t in truths} == {"top", "bottom", "after_header", "both", "several"}
    langs = {lg for t in truths for lg in t["languages"]}
    assert len(langs) >= 4 and {"ru", "el", "zh"} <= langs
    assert any(t["families"] == 2 for t in truths)
    assert any("profile" in t["page_types"] for t in truths)
    assert any(t["wrap"] for t in truths) and any(
        t["format"] == "txt" and not t["wrap"] for t in truths
    )
    assert all(6 <= t["pages"] <= 60 for t in truths)
    assert any(not t["drifts"] for t in truths)
    kinds = {d["kind"] for t in truths for d in t["drifts"]}
    assert kinds >= set(generate.KINDS), set(generate.KINDS) - kinds
    notes = {d["note"] for t in truths for d in t["drifts"]}
    for note in (
        "missing pair",
        "missing near page",
        "block edge",
        "added near page",
        "number inside URL",
        "moved",
    ):
        assert note in notes
    assert any(n.startswith("shared by 2") for n in notes)


def test_no_line_loses_its_majority():
    """Drifted pages on one block line stay under a third of the pages carrying it."""
    for seed in SEEDS:
        site = generate.make_site(seed)
        carriers = collections.Counter(
            it["slot"] for p in site["pages"] for it in generate.block_items(p)
        )
        drifted = collections.defaultdict(set)
        for p in site["pages"]:
            for op in p["ops"]:
                if op[0] == "replace":
                    drifted[op[4]].add(p["index"])
                elif op[0] == "delete":
                    drifted[op[3]].add(p["index"])
                elif op[0] == "stale":
                    for slot in op[3]:
                        drifted[slot].add(p["index"])
                elif op[0] in ("block_missing", "unreadable"):
                    for it in generate.block_items(p):
                        drifted[it["slot"]].add(p["index"])
        for slot, pages in drifted.items():
            assert len(pages) * 3 < carriers[slot], (seed, slot, len(pages), carriers[slot])


def test_record_fields_and_optional_box_are_noise(sites):
    """Profile pages carry per-page record fields; the optional box is on some pages only."""
    site = generate.make_site(next(s for s in SEEDS if "profile" in sites[s][0]["page_types"]))
    prof = [p for p in site["pages"] if p["type"] == "profile"]
    assert prof and all(any(it["role"] == "page" for it in p["items"]) for p in prof)
    helped = [p["help"] for p in site["pages"]]
    assert any(helped) and not all(helped)


def test_cli_writes_site_clean_copy_and_truth(tmp_path):
    assert generate.main([str(tmp_path), "--seeds", "104,116"]) == 0
    for seed in (104, 116):
        truth = json.loads((tmp_path / str(seed) / "truth.json").read_text(encoding="utf-8"))
        assert truth["seed"] == seed and not truth["clean"]
        assert set(files(tmp_path / str(seed) / "site")) == set(
            files(tmp_path / str(seed) / "clean")
        )
        for d in truth["drifts"]:
            assert (tmp_path / str(seed) / "site" / d["page"]).is_file()


def test_scorer_gives_full_marks_to_a_perfect_checker(capsys):
    """score.py against tests/gen2/oracle.py, which reports exactly the truth (not the checker)."""
    import score

    oracle = pathlib.Path(generate.__file__).with_name("oracle.py")
    assert score.main(["--seeds", "105,112,139", "--checker", f"{sys.executable} {oracle}"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last == {"recall": 1.0, "precision": 1.0, "kind_accuracy": 1.0, "clean_findings": 0}


def test_scorer_matching_rules():
    import score

    stale = {"page": "a.txt", "line": 5, "kind": "template-stale", "lines": [5, 9]}
    assert score.near(stale, ("a.txt", 11)) and not score.near(stale, ("a.txt", 12))
    assert not score.near(stale, ("b.txt", 5))
    missing = {"page": "a.txt", "line": 5, "kind": "line-missing"}
    assert score.near(missing, ("a.txt", 3)) and score.near(missing, ("a.txt", 7))
    assert not score.near(missing, ("a.txt", 8))
    assert score.near({"page": "a.txt", "line": 40, "kind": "block-missing"}, ("a.txt", 1))
    assert score.kind_ok("template-stale", "text-changed")
    assert not score.kind_ok("number-changed", "text-changed")
