"""Reading documents: files, folders, corpora and standard input, streamed.

:func:`iter_documents` yields :class:`Document` objects one at a time, so a
corpus is never held in memory whole. Every problem names its file (and line)
in a :class:`~graphbuild.errors.InputError`; with ``skip_bad=True`` the problem
is logged as a warning and reading carries on.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from .errors import InputError

__all__ = ["Document", "iter_documents", "looks_english", "SUPPORTED_SUFFIXES", "parse_date"]

log = logging.getLogger(__name__)

#: File name endings read as documents or corpora (others are refused, or skipped in folders).
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".jsonl.gz", ".ndjson")

#: Bytes sniffed to tell text from binary.
_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Document:
    """One news document. ``text`` is what every character offset refers to."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    source: str | None = None
    path: str | None = None  # where it was read from, for messages


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    lines: Iterable[str | Path] = (),
    published: str | None = None,
    skip_bad: bool = False,
    english_only: bool = True,
    stdin: IO[bytes] | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``inputs`` (files, folders, ``-`` for stdin) and ``lines`` files.

    Parameters
    ----------
    inputs : paths
        ``.txt``/``.md``/``.html`` files are one document each; ``.jsonl`` and
        ``.jsonl.gz`` hold one document per line (``id``, ``text``, optional
        ``title``, ``published``/``date``, ``url``, ``source``); folders are read
        recursively (unsupported, empty or binary files in them are skipped with a
        warning); ``-`` reads one document from standard input.
    lines : paths
        Files where every non-blank line is its own document, with id ``line-N``
        (N is the line number, from 1).
    published : str, optional
        ISO date for documents that carry none (relative dates resolve against it).
    skip_bad : bool
        Warn and carry on past unreadable documents instead of raising.
    english_only : bool
        Skip, with a warning, documents that are clearly not English (see :func:`looks_english`):
        the English parser would only produce noise from them.

    Raises
    ------
    InputError
        A missing path, an empty or binary file, a malformed corpus line.
    """
    default_date = parse_date(published, where="--date") if published else None
    if published and default_date is None:
        raise InputError(f"--date {published!r} is not a date", hint="use YYYY-MM-DD")
    found = (
        *(_read_input(item, skip_bad=skip_bad, stdin=stdin) for item in inputs),
        *(_read_lines(Path(item), skip_bad=skip_bad) for item in lines),
    )
    for source in found:
        for doc in source:
            if english_only and not looks_english(doc.text):
                log.warning("%s: skipped, the text does not look like English", doc.path or doc.id)
                continue
            yield _with_default_date(doc, default_date)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: A letter outside the Latin script (Latin ends at U+024F).
_NON_LATIN = re.compile(r"[^\W\d_\x00-\u024f]", re.UNICODE)
#: Latin-script languages whose spaCy stop-word lists tell them apart from English.
_LATIN_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "tr", "ro", "id", "fi", "hu", "cs")


@functools.cache
def _stop_words() -> dict[str, frozenset[str]]:
    """spaCy's stop-word lists, read from their modules alone: importing ``spacy.lang.fr``
    whole would also load its tokenizer exceptions, seconds of work we do not need."""
    import importlib.util

    import spacy

    lists = {}
    for code in ("en", *_LATIN_LANGUAGES):
        path = Path(spacy.__file__).parent / "lang" / code / "stop_words.py"
        spec = importlib.util.spec_from_file_location(f"graphbuild._stop_words_{code}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        lists[code] = frozenset(word.casefold() for word in module.STOP_WORDS)
    return lists


def looks_english(text: str, *, sample: int = 3000) -> bool:
    """Whether ``text`` reads as English rather than another language.

    Mostly non-Latin letters (Cyrillic, Arabic, CJK, ...) mean not English; in Latin
    script, the text is taken for another language when that language's spaCy stop
    words clearly outnumber the English ones. Tables of figures and very short texts
    pass: there is no evidence against them.

    >>> looks_english("Russia and China signed a trade deal on Monday in Beijing."), \\
    ...     looks_english("La Russie et la Chine ont signé lundi un accord commercial à Pékin, selon l'agence.")
    (True, False)
    """
    head = text[:sample]
    runs = _WORD.findall(head)
    letters = sum(map(len, runs))
    if not letters:
        return True
    if 2 * len(_NON_LATIN.findall(head)) > letters:
        return False
    # All-caps words are headlines, tickers and table headers: no evidence of a language.
    words = [w.casefold() for w in runs if not w.isupper()]
    if len(words) < 6:
        return True
    hits: dict[str, list[str]] = {}
    for word in words:
        for code in _stop_word_languages().get(word, ()):
            hits.setdefault(code, []).append(word)
    english = len(hits.get("en", ()))
    for code in _LATIN_LANGUAGES:
        found = hits.get(code, ())
        # Several different function words, a real share of the text, and far more than English's.
        if len(set(found)) >= 3 and len(found) >= 0.15 * len(words) and len(found) > 2 * english:
            return False
    return True


@functools.cache
def _stop_word_languages() -> dict[str, tuple[str, ...]]:
    """Each stop word and the languages whose lists have it: one look-up per word of a text."""
    languages: dict[str, tuple[str, ...]] = {}
    for code, words in _stop_words().items():
        for word in words:
            languages[word] = (*languages.get(word, ()), code)
    return languages


def _with_default_date(doc: Document, date: str | None) -> Document:
    if date and not doc.published:
        return Document(doc.id, doc.text, doc.title, date, doc.url, doc.source, doc.path)
    return doc


def _read_input(item: str | Path, *, skip_bad: bool, stdin: IO[bytes] | None) -> Iterator[Document]:
    if str(item) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        text = _decode(stream.read(), "<stdin>")
        if not text.strip():
            raise InputError("standard input is empty", where="<stdin>")
        yield Document(id="stdin", text=text, path="<stdin>")
        return
    path = Path(item)
    if not path.exists():
        raise InputError("no such file or folder", where=str(path))
    if path.is_dir():
        yield from _read_folder(path)
        return
    try:
        yield from _read_file(path, doc_id=_default_id(Path(path.name)), skip_bad=skip_bad)
    except InputError as err:
        if not skip_bad:
            raise
        log.warning("skipped %s", err)


def _read_folder(folder: Path) -> Iterator[Document]:
    """Supported files below ``folder``, sorted; unreadable ones are skipped with a warning."""
    found = False
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if not _supported(path):
            continue
        found = True
        doc_id = _default_id(path.relative_to(folder))
        try:
            yield from _read_file(path, doc_id=doc_id, skip_bad=True)
        except InputError as err:
            log.warning("skipped %s", err)
    if not found:
        raise InputError("folder holds no readable documents", where=str(folder),
                         hint="supported: " + " ".join(SUPPORTED_SUFFIXES))


def _supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED_SUFFIXES)


def _default_id(path: Path) -> str:
    """A document id from a (relative) path: the path without its ending, ``/``-separated."""
    name = path.as_posix()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)].lstrip("./") or name
    return name


def _read_file(path: Path, *, doc_id: str, skip_bad: bool) -> Iterator[Document]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _read_jsonl(path, skip_bad=skip_bad)
        return
    if not _supported(path):
        raise InputError("unsupported file type", where=str(path),
                         hint="supported: " + " ".join(SUPPORTED_SUFFIXES))
    text = _decode(_read_bytes(path), str(path))
    if name.endswith((".html", ".htm")):
        title, text, published = _html_text(text)
    elif name.endswith((".md", ".markdown")):
        title, text, published = None, _markdown_text(text), None
    else:
        title, published = None, None
    if not text.strip():
        raise InputError("document is empty", where=str(path))
    yield Document(id=doc_id, text=text, title=title, published=published, path=str(path))


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(err.strerror or "cannot read", where=str(path)) from err
    if not data.strip():
        raise InputError("file is empty", where=str(path))
    return data


def _decode(data: bytes, where: str) -> str:
    """UTF-8 text; Windows-1252 with a warning when not UTF-8; binary is refused."""
    head = data[:_SNIFF]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file, not text", where=where, hint="give .txt, .md, .html or .jsonl")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        log.warning("%s: not valid UTF-8 (byte %d); read as Windows-1252", where, err.start)
        return text


def _read_jsonl(path: Path, *, skip_bad: bool) -> Iterator[Document]:
    """One document per line; a bad line names the file and line number."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        raw = opener(path, "rb")
    except OSError as err:
        raise InputError(err.strerror or "cannot read", where=str(path)) from err
    count = 0
    with raw:
        stream = io.BufferedReader(raw) if not isinstance(raw, io.BufferedReader) else raw
        try:
            for lineno, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    doc = _jsonl_document(line, path, lineno)
                except InputError as err:
                    if not skip_bad:
                        raise
                    log.warning("skipped %s", err)
                    continue
                count += 1
                yield doc
        except (OSError, EOFError, gzip.BadGzipFile) as err:
            raise InputError(f"corrupt or truncated file ({err})", where=str(path)) from err
    if count == 0 and not skip_bad:
        raise InputError("corpus holds no documents", where=str(path))


def _jsonl_document(line: bytes, path: Path, lineno: int) -> Document:
    where = f"{path}:{lineno}"
    try:
        record = json.loads(_decode(line, where))
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON at column {err.colno}: {err.msg}", where=where,
                         hint="use --skip-bad to carry on past bad lines") from err
    if not isinstance(record, dict):
        raise InputError("line is not a JSON object", where=where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing or empty 'text' field", where=where,
                         hint="use --skip-bad to carry on past bad lines")
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{_default_id(Path(path.name))}:{lineno}"
    raw_date = record.get("published") or record.get("date")
    return Document(
        id=doc_id,
        text=text,
        title=_optional_str(record.get("title")),
        published=parse_date(raw_date, where=where) if raw_date else None,
        url=_optional_str(record.get("url")),
        source=_optional_str(record.get("source")),
        path=where,
    )


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _read_lines(path: Path, *, skip_bad: bool) -> Iterator[Document]:
    """Each non-blank line of ``path`` is a document ``line-N``, read one line at a time."""
    found = False
    try:
        handle = open(path, "rb")
    except OSError as err:
        raise InputError(err.strerror or "cannot read", where=str(path)) from err
    with handle:
        head = handle.read(2)
        handle.seek(0)
        # UTF-16 cannot be split at b"\n" bytes: such (rare) files are decoded whole.
        lines = (_decode(handle.read(), str(path)).encode("utf-8").splitlines(keepends=True)
                 if head in (b"\xff\xfe", b"\xfe\xff") else handle)
        for lineno, raw in enumerate(lines, 1):
            where = f"{path}:{lineno}"
            try:
                line = _decode(raw, where).rstrip("\r\n")
            except InputError as err:
                if not skip_bad:
                    raise
                log.warning("skipped %s", err)
                continue
            if line.strip():
                found = True
                yield Document(id=f"line-{lineno}", text=line, path=where)
    if not found:
        raise InputError("file is empty", where=str(path))


_DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%Y", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d")


def parse_date(value: object, *, where: str = "") -> str | None:
    """An ISO ``YYYY-MM-DD`` date from the common forms corpora use, else ``None`` (logged).

    >>> parse_date("2025-07-03T14:00:00Z"), parse_date("26-FEB-1987 15:01:01.79")
    ('2025-07-03', '1987-02-26')
    """
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    head = text.split(" ")[0] if re.match(r"^\d{1,2}-[A-Za-z]{3}-\d{4} ", text) else text
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(head.title() if "%b" in fmt else head, fmt).date().isoformat()
        except ValueError:
            continue
    log.warning("%s: date %r not understood; left empty", where or "input", text)
    return None


# --- HTML and Markdown -------------------------------------------------------------------

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
               "header", "footer", "blockquote", "pre", "figcaption", "dd", "dt", "title")


def _html_text(markup: str) -> tuple[str | None, str, str | None]:
    """Title, visible text (blocks end in line breaks) and published date of an HTML page."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    published = None
    for attrs in ({"property": "article:published_time"}, {"name": "date"}, {"name": "pubdate"},
                  {"itemprop": "datePublished"}):
        meta = soup.find("meta", attrs=attrs)
        if meta and meta.get("content"):
            published = parse_date(meta["content"], where="html meta")
            break
    for tag in soup(["script", "style", "noscript", "template", "head", "svg", "iframe", "object"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = [" ".join(line.split()) for line in text.splitlines()]
    body = "\n".join(line for line in lines if line)
    if title and not body.startswith(title):
        body = f"{title}\n{body}" if body else title
    return title, body, published


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|\*|`)")
_MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")


def _markdown_text(markup: str) -> str:
    """Plain text of Markdown: headings, quotes, list marks, emphasis and link targets dropped."""
    out = []
    for line in markup.splitlines():
        if re.match(r"^\s*(```|---+\s*$|\*\*\*+\s*$)", line):
            continue
        line = _MD_PREFIX.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        out.append(_MD_MARKS.sub("", line))
    return "\n".join(out)
