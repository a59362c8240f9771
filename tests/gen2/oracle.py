"""A perfect "checker" for testing score.py: it reports exactly the truth of a gen2 site.

    python tests/gen2/oracle.py DIR --format json

DIR must be a folder written by score.py (<tmp>/<seed>/site or <tmp>/<seed>/clean); the oracle
rebuilds that seed's truth in a temporary folder and prints it as findings. Scoring it must give
recall 1, precision 1, kind accuracy 1 and no findings on the clean copies.
"""

from __future__ import annotations

import json
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from generate import build_site  # noqa: E402


def main(argv: list[str]) -> int:
    site = pathlib.Path(argv[0]).resolve()
    seed = int(site.parent.name)
    findings = []
    if site.name != "clean":
        with tempfile.TemporaryDirectory() as tmp:
            truth = build_site(seed, pathlib.Path(tmp) / "x")
        for d in truth["drifts"]:
            findings.append(
                dict(
                    kind=d["kind"],
                    severity="info" if d["kind"] == "line-moved" else "error",
                    snapshot=str(site / d["page"]),
                    line=d["line"],
                    expected="",
                    found="",
                    message=d["note"],
                )
            )
    print(json.dumps({"findings": findings, "summary": {"findings": len(findings)}}))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
