"""The Dask engine gives exactly the local engine's findings, on a LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.report.json import JsonFormatter
from checker.run.commands import CheckOptions, check
from tests.synth import generate_site

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


def findings(root: Path, **options: object) -> list[dict]:
    """The JSON findings of an in-process check."""
    result = check(CheckOptions(paths=(str(root),), format="json", **options))
    return json.loads(JsonFormatter().render(result))["findings"]


@pytest.fixture(scope="module")
def cluster():  # noqa: ANN201
    """A two-worker cluster of processes, started by the test and stopped after it."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    ) as local:
        yield local


def test_dask_engine_matches_the_local_engine(tmp_path: Path, cluster) -> None:  # noqa: ANN001
    corpus = generate_site(
        tmp_path / "site", seed=77, pages=300, placement="both", language="de", per_page=True
    )
    local = findings(corpus.root, jobs=1)
    remote = findings(corpus.root, engine="dask", scheduler=cluster.scheduler_address)
    assert remote == local
    assert local


def test_dask_engine_matches_on_the_sample_site(cluster) -> None:  # noqa: ANN001
    sample = Path(__file__).parents[1] / "snapshots" / "csto-pa"
    local = findings(sample, jobs=1)
    assert findings(sample, engine="dask", scheduler=cluster.scheduler_address) == local
    assert len(local) == 6


def test_an_unreachable_scheduler_is_an_input_error(tmp_path: Path) -> None:
    from checker.read.load import InputError

    sample = Path(__file__).parents[1] / "snapshots" / "csto-pa"
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        check(
            CheckOptions(
                paths=(str(sample),), format="json", engine="dask", scheduler="tcp://127.0.0.1:9"
            )
        )
