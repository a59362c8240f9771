"""Helpers the CI formatters share: kind descriptions, text cleaning, paths, keys, counts."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path, PurePath
from urllib.parse import quote

from checker.model import Kind, Severity
from checker.read.layout import archive_record
from checker.verdict import Finding, RunResult

KIND_HELP: dict[Kind, tuple[str, str]] = {
    Kind.NUMBER_CHANGED: (
        "A number in a boilerplate line differs",
        "A line of the shared boilerplate holds a different number than most pages of the site "
        "(a year, a price, a phone number, a count).",
    ),
    Kind.URL_CHANGED: (
        "A link target in a boilerplate line differs",
        "A link in the shared boilerplate points somewhere else than on most pages of the site.",
    ),
    Kind.URL_MISSING: (
        "A boilerplate link is missing",
        "A link that most pages of the site carry in their boilerplate is absent from this page.",
    ),
    Kind.URL_ADDED: (
        "A link was added to the boilerplate",
        "This page's boilerplate carries a link that most pages of the site do not.",
    ),
    Kind.VALUE_CHANGED: (
        "A value in a boilerplate line differs",
        "A structured value in the boilerplate (an e-mail address, a date, an identifier) differs "
        "from the one most pages of the site show.",
    ),
    Kind.TEXT_CHANGED: (
        "The wording of a boilerplate line differs",
        "A line of the shared boilerplate reads differently than on most pages of the site.",
    ),
    Kind.LINE_MISSING: (
        "A boilerplate line is missing",
        "A line that most pages of the site hold in this block is absent from this page.",
    ),
    Kind.LINE_ADDED: (
        "A line was added to the boilerplate",
        "This page holds a line inside a boilerplate block that most pages of the site do not.",
    ),
    Kind.LINE_MOVED: (
        "A boilerplate line stands out of order",
        "A line of the boilerplate is present but stands in another place than on most pages.",
    ),
    Kind.BLOCK_MISSING: (
        "A boilerplate block is missing",
        "Too little of a whole boilerplate block (a header, a footer) was found on this page.",
    ),
    Kind.NO_MAJORITY: (
        "A boilerplate line has no clear majority",
        "The pages of the site disagree on this line and no variant holds a clear majority, so "
        "there is no canonical text to compare with.",
    ),
    Kind.TEMPLATE_STALE: (
        "Pages carry an older version of the block",
        "Pages carry an older version of the block (the same lines with other text, however "
        "many pages hold it), or the template saved or pinned for this site no longer matches "
        "what most pages hold.",
    ),
    Kind.SNAPSHOT_UNREADABLE: (
        "A snapshot could not be read",
        "The snapshot could not be read or rendered to lines, so it was not checked.",
    ),
    Kind.BASELINE_STALE: (
        "A baseline entry matches nothing",
        "An entry of the baseline accepts a finding that no longer occurs; remove it.",
    ),
    Kind.BASELINE_EXPIRED: (
        "A baseline entry has expired",
        "An entry of the baseline passed its expiry date; the finding it accepted counts again.",
    ),
}

LEVEL_WORDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
"""SARIF and workflow-command levels; SARIF has no `info`."""

_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_URI_SAFE = "/!$&()*+,;=@"


# C0 and C1 controls, DEL, line and paragraph separators and the bidirectional overrides:
# a terminal or a viewer would act on them instead of showing them. Tab stays as it is.
_UNSHOWN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape_one(match: re.Match[str]) -> str:
    """One control character as the escape that names it (`\\x1b`, `\\u202e`)."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text from a snapshot made inert for a terminal or viewer: every control character
    (an escape sequence's ESC, BEL, CR, LF, bidi overrides) is written as its escape, `\\x1b`."""
    return _UNSHOWN.sub(_escape_one, text)


def strip_xml_illegal(text: str) -> str:
    """Drop the characters XML 1.0 forbids (most controls, lone surrogates, U+FFFE/U+FFFF)."""
    return _XML_ILLEGAL.sub("", text)


def scrub(text: str) -> str:
    """Replace lone surrogates (undecodable file names) so the text encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def short(text: str, n: int) -> str:
    """Cut `text` to at most `n` characters, ending with … when cut."""
    if len(text) <= n:
        return text
    return text[: max(n - 1, 0)] + "…"


def _relative_parts(path: str) -> str:
    """The path relative to the working folder (or its root), normalized, never escaping it."""
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            pure = pure.relative_to(Path.cwd())
        except ValueError:
            pure = pure.relative_to(pure.anchor)
    norm = posixpath.normpath(pure.as_posix())
    parts = norm.split("/")
    while parts and parts[0] in ("..", "."):
        parts.pop(0)
    return "/".join(parts) or "."


def located(snapshot: str, line: int) -> tuple[str, int, str]:
    """Where a finding can point in a repository: a file, a line in it, and the web-archive
    record the finding is in ("" for a page file). A record (`crawl.warc.gz#URL@TIME`) is no
    file: it points at its archive, line 1 (its lines are the record's rendered lines, not the
    compressed file's), and the record is named in the message."""
    archive, record = archive_record(snapshot)
    return (archive, 1, record) if archive != snapshot else (snapshot, max(line, 1), "")


def relative_path(path: str) -> str:
    """A POSIX path relative to the repository root, for annotations and GitLab."""
    return scrub(_relative_parts(path))


def relative_uri(path: str) -> str:
    """A relative, percent-encoded URI reference for SARIF `artifactLocation.uri`."""
    return quote(_relative_parts(path), safe=_URI_SAFE, errors="surrogateescape")


def finding_key(finding: Finding) -> str:
    """The finding's stable key; hashed from site, kind and texts if the pipeline gave none."""
    if finding.fingerprint:
        return finding.fingerprint
    raw = "\0".join((finding.site, finding.kind.value, finding.expected, finding.found))
    return hashlib.sha256(scrub(raw).encode("utf-8")).hexdigest()


def _quoted(text: str) -> str:
    """Text shown inside a message, or a word for nothing."""
    return f'"{short(text, 160)}"' if text else "(nothing)"


def describe(finding: Finding) -> str:
    """The finding's message followed by the expected and the found text."""
    record = located(finding.snapshot, finding.line)[2]
    where = f"in record {record} (line {finding.line}): " if record else ""
    if not finding.expected and not finding.found:
        return where + finding.message
    expected, found = _quoted(finding.expected), _quoted(finding.found)
    return f"{where}{finding.message} (expected: {expected}; found: {found})"


def summary_counts(result: RunResult) -> dict[str, int]:
    """Counts for summaries: findings by severity, failing, sites and snapshots."""
    by_level = {s.label: 0 for s in sorted(Severity, reverse=True)}
    for finding in result.findings:
        by_level[finding.severity.label] += 1
    return {
        "findings": len(result.findings),
        **by_level,
        "failing": len(result.failing()),
        "suppressed": result.suppressed,
        "sites": len(result.sites),
        "snapshots": sum(site.snapshots for site in result.sites),
        "snapshots_with_findings": len({(f.site, f.snapshot) for f in result.findings}),
    }
