"""Reading a peertrack JSON export a record at a time, in any layout: never the whole file at once.

The standard library parses only whole documents, so the export's outer shape (an object whose
"tables" hold lists of records) is walked here, and each value inside it, one record at a time,
is parsed by the standard parser. A file is read the same way twice: once to check all of it
before anything is asked or written, once to load it; a fingerprint of its bytes tells whether
it changed in between.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from peertrack.domain.errors import InvalidInput
from peertrack.storage.dump import ACCEPTED, checked_header, is_value

_CHUNK = 1 << 16
# No record peertrack writes comes near this; a value still open after it is a damaged file.
_LARGEST_VALUE = 16 << 20
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_SEPARATOR = re.compile(r"[ \t\n\r]*([,\]])[ \t\n\r]*")
_SCALARS = frozenset({str, int, float, type(None)})


class ExportFile:
    """One export file. `records()` walks it; afterwards `schema`, `sequences`, `counts` and `digest` are known."""

    def __init__(self, path: Path, source: str) -> None:
        self.path, self.source = path, source
        self.schema: int = 0
        self.sequences: dict[str, int] = {}
        self.counts: dict[str, int] = {}  # each table's records, in the order the file gives the tables
        self.digest = ""

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(table, record) for every record, in the file's order; refused in words at the first problem.

        The file is checked as `peertrack import json` always checked it: first that it is JSON
        at all, then that it is a peertrack export, of which version, then that its records have
        the shape of rows. So the last of these is known only at the end; until then a record of
        the wrong shape is not handed out.
        """
        self.counts = {}
        header: dict[str, Any] = {}
        damaged = False
        seen_tables = False
        with _open(self.path, self.source) as handle:
            text = _Text(handle, self.source)
            if text.peek() != "{":  # some other JSON (a list, a number) or none at all
                text.value()
                text.end()
                raise _not_export(self.source)
            text.take("{")
            first = True
            while text.peek() != "}":
                if not first:
                    text.take(",")
                first = False
                key = text.key()
                if key != "tables":
                    header[key] = text.value()
                    continue
                if seen_tables or text.peek() != "{":
                    text.value()  # a second list of tables, or no object of them: read past it
                    damaged = True
                    seen_tables = True
                    continue
                seen_tables = True
                for name, record in self._tables(text):
                    if record is None:
                        damaged = True
                    elif not damaged:
                        yield name, record
            text.take("}")
            text.end()
            self.digest = text.digest()
        self._check_header(header, damaged or not seen_tables)

    def _tables(self, text: _Text) -> Iterator[tuple[str, dict[str, Any] | None]]:
        """Each table's records; None stands for a table or a record of the wrong shape."""
        text.take("{")
        first = True
        while text.peek() != "}":
            if not first:
                text.take(",")
            first = False
            name = text.key()
            if name in self.counts or text.peek() != "[":
                text.value()
                yield name, None
                continue
            self.counts[name] = 0
            text.take("[")
            if text.peek() == "]":
                text.at += 1
                continue
            while True:  # the long part: kept lean, as it runs once for every record
                record = text.value()
                if type(record) is not dict or not _SCALARS.issuperset(map(type, record.values())) and not all(
                        is_value(value) for value in record.values()):
                    yield name, None
                else:
                    self.counts[name] += 1
                    yield name, record
                if text.separator() == "]":
                    break
        text.take("}")

    def _check_header(self, header: dict[str, Any], damaged: bool) -> None:
        self.schema = checked_header(header, self.source, damaged)
        self.sequences = header.get("sequences", {})


class _Text:
    """The file's text, decoded a chunk at a time; what is not taken yet starts at `at`."""

    def __init__(self, handle: BinaryIO, source: str) -> None:
        self.handle, self.source = handle, source
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.fingerprint = hashlib.sha256()
        self.text, self.at, self.ended = "", 0, False

    def peek(self) -> str:
        """The next character that is not white space, or "" at the end of the file."""
        while True:
            self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]  # it matches nothing at worst
            if self.at < len(self.text):
                return self.text[self.at]
            if not self._more():
                return ""

    def take(self, char: str) -> None:
        if self.peek() != char:
            raise _not_json(self.source)
        self.at += 1

    def key(self) -> str:
        if self.peek() != '"':
            raise _not_json(self.source)
        key = self.value()
        self.take(":")
        return key

    def value(self) -> Any:
        """The next whole JSON value, read on until it is complete."""
        self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]  # it matches nothing at worst
        if self.at == len(self.text):
            self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.at)
            except json.JSONDecodeError as error:
                if self.ended or not (error.msg.startswith("Unterminated string") or error.pos >= len(self.text) - 6):
                    raise _not_json(self.source) from None
                self._longer()
                continue
            except RecursionError:
                raise InvalidInput("FILE", self.source, ACCEPTED,
                                   problem="is nested too deeply to be a peertrack export") from None
            except ValueError:  # a whole number of thousands of digits
                raise _not_json(self.source) from None
            if len(self.text) - end < 8 and not self.ended:  # a number may go on in the next chunk: "1." "5"
                self._longer()
                continue
            self.at = end
            return value

    def separator(self) -> str:
        """The "," or "]" after a value in a list, taken with the white space around it."""
        found = _SEPARATOR.match(self.text, self.at)
        if found:
            self.at = found.end()
            return found.group(1)
        char = self.peek()
        if char not in (",", "]"):
            raise _not_json(self.source)
        self.at += 1
        return char

    def end(self) -> None:
        """Nothing but white space may follow the document."""
        if self.peek() != "":
            raise _not_json(self.source)

    def digest(self) -> str:
        return self.fingerprint.hexdigest()

    def _longer(self) -> None:
        if len(self.text) - self.at > _LARGEST_VALUE:
            raise InvalidInput("FILE", self.source, "export it again with: peertrack export json",
                               problem="is damaged or incomplete")
        self._more()

    def _more(self) -> bool:
        """Read on; False at the end of the file. Longer values are read in longer chunks, so in linear time."""
        while not self.ended:
            data = self.handle.read(max(_CHUNK, len(self.text) - self.at))
            self.fingerprint.update(data)
            try:
                piece = self.decoder.decode(data, final=not data)
            except UnicodeDecodeError:
                raise _not_json(self.source) from None
            self.ended = not data
            if piece:
                self.text = self.text[self.at:] + piece
                self.at = 0
                return True
        return False


def _open(path: Path, source: str) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as error:
        raise InvalidInput("FILE", source, "check that you may open it",
                           problem=f"cannot be read ({error.strerror})") from None


def _not_json(source: str) -> InvalidInput:
    return InvalidInput("FILE", source, ACCEPTED, problem="is not a JSON file")


def _not_export(source: str) -> InvalidInput:
    return InvalidInput("FILE", source, ACCEPTED, problem="is not a peertrack export")
