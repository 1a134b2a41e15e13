"""Every notebook runs top to bottom (nbclient), so they cannot rot.

Slow: each builds graphs with the real pipeline; 03 builds the 48 Wikinews
politics articles when ../shared is present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_are_there():
    assert [p.name[:2] for p in NOTEBOOKS][:3] == ["01", "02", "03"]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=900, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    errors = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", ())
              if o.get("output_type") == "error"]
    assert errors == []
    shown = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", ())]
    assert any("image/png" in o.get("data", {}) for o in shown) or path.stem != "03_analysis"
    assert any("<iframe srcdoc=" in o.get("data", {}).get("text/html", "") for o in shown) or path.stem != "01_quick_start"
