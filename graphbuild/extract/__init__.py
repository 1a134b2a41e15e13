"""Statement extraction: rule-based clauses over spaCy's dependency parse.

Modules by pattern kind: :mod:`.clauses` (predicates, subjects, objects,
arguments), :mod:`.modality` (negation, modality), :mod:`.attribution`
(reported speech), :mod:`.nominal` (appositions, titles), :mod:`.dates`,
:mod:`.statements` (assembly into the contract of :mod:`.model`).
"""

from .statements import extract_statements

__all__ = ["extract_statements"]
