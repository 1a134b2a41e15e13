"""Ingest: every input kind, and a one-line error naming the file for each bad one."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from graphbuild.errors import InputError
from graphbuild.ingest import Document, iter_documents, parse_date


def docs(*args, **kwargs) -> list[Document]:
    return list(iter_documents(*args, **kwargs))


def test_txt_is_one_document_with_its_text_unchanged(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Headline\nBody sentence one. Body two.\n", encoding="utf-8")
    [doc] = docs([path])
    assert doc.id == "story" and doc.path == str(path)
    assert doc.text == "Headline\nBody sentence one. Body two.\n"


def test_folder_is_read_recursively_and_skips_unsupported(tmp_path, caplog):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Russia and China met.", encoding="utf-8")
    (tmp_path / "two.md").write_text("# Title\n\nSome **bold** [link](http://x).", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    found = docs([tmp_path])
    assert [d.id for d in found] == ["a/one", "two"]
    assert found[1].text == "Title\n\nSome bold link."
    assert "empty.txt" in caplog.text


def test_html_drops_scripts_and_styles_and_keeps_blocks_apart(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Talks resume</title><style>p{color:red}</style>"
        '<meta property="article:published_time" content="2025-07-03T10:00:00Z"></head>'
        "<body><script>alert(1)</script><h1>Talks resume</h1><p>Iran met the EU.</p><p>Talks went on.</p></body></html>",
        encoding="utf-8",
    )
    [doc] = docs([path])
    assert doc.title == "Talks resume"
    assert doc.published == "2025-07-03"
    assert "alert" not in doc.text and "color" not in doc.text
    assert doc.text.split("\n") == ["Talks resume", "Iran met the EU.", "Talks went on."]


def test_jsonl_and_gzip_corpora(tmp_path):
    records = [
        {"id": "a", "text": "Iran met the EU.", "title": "T", "published": "2025-01-02", "url": "u", "source": "s"},
        {"id": "b", "text": "Israel struck Gaza.", "date": "26-FEB-1987 15:01:01.79"},
    ]
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    (tmp_path / "c.jsonl").write_bytes(data)
    with gzip.open(tmp_path / "c2.jsonl.gz", "wb") as fh:
        fh.write(data)
    for name in ("c.jsonl", "c2.jsonl.gz"):
        first, second = docs([tmp_path / name])
        assert (first.id, first.title, first.published, first.url, first.source) == ("a", "T", "2025-01-02", "u", "s")
        assert (second.id, second.published) == ("b", "1987-02-26")


@pytest.mark.parametrize(
    "line, message",
    [("{not json", "malformed JSON"), ('{"id": "x"}', "missing or empty 'text'"), ("[1, 2]", "not a JSON object")],
)
def test_bad_jsonl_line_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        docs([path])
    assert f"{path}:2" in str(err.value) and message in str(err.value)


def test_skip_bad_carries_on(tmp_path, caplog):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n{oops\n{"id": "ok2", "text": "Also."}\n', encoding="utf-8")
    assert [d.id for d in docs([path], skip_bad=True)] == ["ok", "ok2"]
    assert "bad.jsonl:2" in caplog.text


def test_lines_file_gives_line_numbered_documents(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("First sentence.\n\nThird sentence.\n", encoding="utf-8")
    assert [(d.id, d.text) for d in docs([], lines=[path])] == [("line-1", "First sentence."), ("line-3", "Third sentence.")]


def test_stdin():
    [doc] = docs(["-"], stdin=io.BytesIO("Putin called Trump.".encode()))
    assert (doc.id, doc.text) == ("stdin", "Putin called Trump.")


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02binary\x00", "binary")],
)
def test_bad_files_raise_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        docs([path])
    assert str(path) in str(err.value) and message in str(err.value) and "\n" not in str(err.value)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        docs([tmp_path / "nope.txt"])


def test_invalid_utf8_falls_back_with_a_warning(tmp_path, caplog):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 talks in Montr\xe9al.".encode("latin-1"))
    [doc] = docs([path])
    assert doc.text == "Café talks in Montréal."
    assert "not valid UTF-8" in caplog.text


def test_default_date_applies_only_where_missing(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "x", "published": "2020-01-01"}\n{"id": "b", "text": "y"}\n', encoding="utf-8")
    assert [d.published for d in docs([path], published="2025-07-03")] == ["2020-01-01", "2025-07-03"]
    with pytest.raises(InputError):
        docs([path], published="yesterday")


@pytest.mark.parametrize("raw, iso", [("2025-07-03", "2025-07-03"), ("3 July 2025", "2025-07-03"),
                                      ("July 3, 2025", "2025-07-03"), ("nonsense", None)])
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


@pytest.mark.parametrize(
    "text",
    [
        "Der russische Präsident Wladimir Putin hat am Donnerstag mit dem amerikanischen Präsidenten telefoniert, teilte der Kreml mit.",
        "El presidente ruso Vladimir Putin habló el jueves por teléfono con el presidente estadounidense, informó el Kremlin.",
        "Президент России Владимир Путин в четверг провел телефонный разговор с президентом США, сообщили в Кремле.",
        "美国总统周四与俄罗斯总统通电话，克里姆林宫表示，双方讨论了乌克兰问题。",
    ],
)
def test_non_english_documents_are_skipped_with_a_warning(tmp_path, caplog, text):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "other", "text": text}) + "\n"
                    + json.dumps({"id": "en", "text": "The EU and NATO met in Brussels on Monday to discuss sanctions."})
                    + "\n", encoding="utf-8")
    assert [d.id for d in docs([path])] == ["en"]
    assert "does not look like English" in caplog.text
    assert [d.id for d in docs([path], english_only=False)] == ["other", "en"]


def test_tables_of_figures_are_not_taken_for_another_language():
    from graphbuild.ingest import looks_english

    assert looks_english("Shr 70 cts vs 67 cts\n\nNet 6,416,000 vs 6,057,000\n\nNOTE: Net includes gains of 5,900,000 dlrs.")


def test_utf16_with_a_byte_order_mark_is_text_not_binary(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Russia and China met in Beijing.".encode("utf-16"))
    [doc] = docs([path])
    assert doc.text == "Russia and China met in Beijing."


def test_truncated_gzip_corpus_is_one_error(tmp_path):
    data = gzip.compress(b"".join(json.dumps({"id": str(i), "text": "Iran met the EU. " * 50}).encode() + b"\n"
                                  for i in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="corrupt or truncated"):
        docs([path])


def test_lines_file_in_utf16_and_empty_lines_file(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Russia met China.\nIran met the EU.\n".encode("utf-16"))
    assert [(d.id, d.text) for d in docs([], lines=[path])] == [("line-1", "Russia met China."),
                                                                 ("line-2", "Iran met the EU.")]
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        docs([], lines=[empty])
