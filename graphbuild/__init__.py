"""graphbuild: typed, sourced, queryable knowledge graphs of geopolitical events from news text.

>>> from graphbuild import Document, Statement
>>> from graphbuild.nlp import load_pipeline
>>> from graphbuild.pipeline import process
>>> [parsed] = process([Document("d1", "Russia and China signed a trade deal on Monday.")], load_pipeline())
>>> sorted({(s.subject.label, s.relation.lemma, s.object.label) for s in parsed.statements})
[('China', 'sign', 'trade deal'), ('Russia', 'sign', 'trade deal')]

The command line (``graphbuild build``) and :func:`build` write the whole graph;
:mod:`graphbuild.kg` is the facade the notebooks use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import GraphbuildError
from .extract.model import Actor, Statement
from .ingest import Document

if TYPE_CHECKING:
    from .pipeline import build

__all__ = ["build", "Document", "Statement", "Actor", "GraphbuildError", "__version__"]

__version__ = "0.1.0"


def __getattr__(name: str):
    # ``build`` pulls in spaCy; import it on first use so ``graphbuild --help`` stays fast.
    if name == "build":
        from .pipeline import build

        return build
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
