"""Score a detector's findings against a generated corpus's truth."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .generator import Drift, SiteCorpus

TOLERANT = ("line-missing", "line-added", "line-moved", "block-missing")


@dataclass
class Score:
    """Counts behind recall, precision and kind accuracy; add scores to aggregate."""

    truths: int = 0
    found: int = 0
    findings: int = 0
    true_findings: int = 0
    kind_ok: int = 0
    noise_flagged: int = 0
    missed: list[Drift] = field(default_factory=list)
    false: list[dict] = field(default_factory=list)
    wrong_kind: list[tuple[Drift, dict]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of truth drifts some finding points at."""
        return self.found / self.truths if self.truths else 1.0

    @property
    def precision(self) -> float:
        """Share of findings that point at a truth drift."""
        return self.true_findings / self.findings if self.findings else 1.0

    @property
    def kind_accuracy(self) -> float:
        """Share of true findings whose kind is right."""
        return self.kind_ok / self.true_findings if self.true_findings else 1.0

    def __add__(self, other: Score) -> Score:
        nums = {
            k: getattr(self, k) + getattr(other, k)
            for k in (
                "truths",
                "found",
                "findings",
                "true_findings",
                "kind_ok",
                "noise_flagged",
                "missed",
                "false",
                "wrong_kind",
            )
        }
        return Score(**nums)


def relative_name(corpus: SiteCorpus, snapshot: str) -> str:
    """The corpus-relative file name of a finding's snapshot path (root prefix stripped)."""
    s = snapshot.replace("\\", "/")
    for root in {str(corpus.root), str(corpus.root.resolve())}:
        root = root.replace("\\", "/").rstrip("/") + "/"
        if s.startswith(root):
            return s[len(root) :]
    tails = [f for f in corpus.files if s == f or s.endswith("/" + f)]
    return max(tails, key=len) if tails else s


def _where(d: Drift, f: dict) -> str | None:
    """'main' or 'origin' when finding `f` (same file) points at drift `d`, else None."""
    line, kind = int(f.get("line") or 0), f.get("kind")
    if d.kind == "block-missing":
        return (
            "main" if kind in ("block-missing", "line-missing") or abs(line - d.line) <= 1 else None
        )
    tol = 1 if d.kind in TOLERANT or kind in TOLERANT else 0
    if abs(line - d.line) <= tol:
        return "main"
    if d.kind == "line-moved" and abs(line - d.origin) <= 1:
        return "origin"
    return None


def _kind_ok(d: Drift, where: str, kind: str) -> bool:
    if d.kind == "line-moved":
        return kind in (
            ("line-moved", "line-added") if where == "main" else ("line-moved", "line-missing")
        )
    return kind == d.kind


def score(corpus: SiteCorpus, findings: list[dict]) -> Score:
    """Recall, precision, kind accuracy and noise findings of `findings` on `corpus`."""
    by_file: dict[str, list[Drift]] = defaultdict(list)
    for d in corpus.drifts:
        by_file[d.snapshot].append(d)
    has_split = any(d.kind == "no-majority" for d in corpus.drifts)
    noise = set(corpus.noise_only)
    out = Score(truths=len(corpus.drifts), findings=len(findings))
    hit: set[int] = set()
    for f in findings:
        name, kind = relative_name(corpus, str(f.get("snapshot", ""))), str(f.get("kind"))
        out.noise_flagged += name in noise
        if kind == "no-majority" and has_split:
            out.true_findings += 1
            out.kind_ok += 1
            hit |= {id(d) for d in corpus.drifts if d.kind == "no-majority"}
            continue
        cands = [(d, w) for d in by_file.get(name, []) if (w := _where(d, f))]
        if not cands:
            out.false.append(f)
            continue
        cands.sort(
            key=lambda c: (not _kind_ok(c[0], c[1], kind), abs(int(f.get("line") or 0) - c[0].line))
        )
        d, w = cands[0]
        out.true_findings += 1
        hit.add(id(d))
        if _kind_ok(d, w, kind):
            out.kind_ok += 1
        else:
            out.wrong_kind.append((d, f))
    out.missed = [d for d in corpus.drifts if id(d) not in hit]
    out.found = out.truths - len(out.missed)
    return out
