"""Actor resolution: gazetteer, entity ruler, canonical ids, titles and coreference.

``Gazetteer.from_ontology()`` loads ``ontologies/actors.ttl`` and ``people.ttl``;
:mod:`.ruler` marks gazetteer names as entities before spaCy's NER;
:func:`resolve` fills label, id, type, country, sector and office of every actor
of a document's statements and resolves pronouns and definite descriptions.
"""

from .core import resolve, unknown_id
from .gazetteer import Gazetteer

__all__ = ["Gazetteer", "resolve", "unknown_id"]
