"""Stage 1, load: a dossier file's bytes -> plain Python data with the position of every node.

Only this stage and ``write`` touch the file system. The YAML is read as a stream of events from
libyaml (or the pure-Python parser when libyaml is missing) and built here, iteratively, so that:

* nothing is ever constructed from a tag: an explicit tag other than ``!!str`` is refused (D112);
* scalars follow YAML 1.2's core schema: ``no``, ``nee``, ``off`` and ``yes`` stay text;
* ISO dates (``2020-07-01``) become dates; a Dutch number (``120.000``, ``52,30``) stays text so
  that the schema stage can refuse it with a hint instead of reading 120;
* duplicate keys, complex keys, deep nesting and alias bombs are coded errors, not crashes;
* every key and item keeps its 1-based line and column.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..diagnostics import Diagnostic, DossierError, Location, make
from .scalars import resolve_plain
from .yamlfouten import translate as _translate

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)


MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 100_000

Path_ = tuple[str | int, ...]

_SAFE_TAGS = {"tag:yaml.org,2002:str", "!"}
# C0 and C1 controls, DEL, the bidirectional embeddings, overrides and isolates that can make a clause
# read differently than it is, and Unicode's noncharacters. Checked in the raw text and again in
# every value and key, because a YAML escape ("\u202E", "\a\0\e") makes them from plain ASCII.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]")


@dataclass
class LoadedDocument:
    """A dossier file as data, with enough bookkeeping to point back at its lines."""

    file: str
    data: dict[str, Any]
    sha256: str
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)

    def locate(self, path: Path_, on_key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that exists in the file."""
        text = format_path(path)
        probe = tuple(path)
        while True:
            table = self.key_positions if on_key else self.positions
            if probe in table:
                line, col = table[probe]
                return Location(self.file, text, line, col)
            if probe in self.positions:
                line, col = self.positions[probe]
                return Location(self.file, text, line, col)
            if not probe:
                return Location(self.file, text, 1, 1)
            probe = probe[:-1]


    def text_values(self) -> Iterator[tuple[Path_, str]]:
        """Every text value of the file with its path, in file order (keys are not values)."""
        stack: list[tuple[Path_, Any]] = [((), self.data)]
        while stack:
            path, node = stack.pop()
            if isinstance(node, str):
                yield path, node
            elif isinstance(node, dict):
                stack.extend((path + (k,), v) for k, v in reversed(list(node.items())))
            elif isinstance(node, list):
                stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(node))))


def format_path(path: Path_) -> str:
    """``("looptijd", "verlengingsopties", 0)`` -> ``looptijd.verlengingsopties[0]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text if len(text) <= 120 else f"{text[:50]}…{text[-50:]}"


def load_file(path: str | Path, display: str | None = None) -> LoadedDocument:
    """Read and parse one dossier file; raise DossierError with coded diagnostics on failure."""
    path = Path(path)
    name = display or str(path)
    where = Location(name)
    if not path.exists():
        raise DossierError([make("D100", where)])
    if path.is_dir():
        raise DossierError([make("D101", where)])
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DossierError([make("D102", where, grootte=_megabytes(size), maximum=_megabytes(MAX_BYTES))])
        raw = path.read_bytes()
    except OSError as exc:
        raise DossierError([make("D103", where, reden=exc.strerror or exc.__class__.__name__)]) from None
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> LoadedDocument:
    """Parse the bytes of a dossier file (exposed for tests and tools that hold bytes already)."""
    if len(raw) > MAX_BYTES:
        raise DossierError([make("D102", Location(name), grootte=_megabytes(len(raw)), maximum=_megabytes(MAX_BYTES))])
    digest = hashlib.sha256(raw).hexdigest()
    warnings: list[Diagnostic] = []
    text = _decode(raw, name, warnings)
    control = _CONTROL.search(text)
    if control:
        line, col = _line_col(text, control.start())
        code = "D105" if control.group() == "\x00" else "D117"
        raise DossierError([make(code, Location(name, "", line, col), teken=f"U+{ord(control.group()):04X}")])
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise DossierError([make("D109", Location(name, "", 1, 1))])
    builder = _Builder(name)
    data = builder.build(text)
    if not isinstance(data, dict):
        raise DossierError([make("D110", Location(name, "", 1, 1), gevonden=_kind(data))])
    return LoadedDocument(name, data, digest, builder.positions, builder.key_positions, warnings)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _decode(raw: bytes, name: str, warnings: list[Diagnostic]) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise DossierError([make("D104", Location(name, "", 1, 1), codering="UTF-16")])
    if raw.startswith(b"\xef\xbb\xbf"):
        warnings.append(make("D106", Location(name, "", 1, 1)))
        raw = raw[3:]
    if b"\x00" in raw:
        line, col = _line_col(raw[: raw.index(b"\x00")].decode("utf-8", "replace"), None)
        raise DossierError([make("D105", Location(name, "", line, col), teken="U+0000")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw[: exc.start].decode("utf-8", "replace"), None)
        guess = "Windows-1252" if _decodes(raw, "cp1252") else "onbekend"
        raise DossierError([make("D104", Location(name, "", line, col), codering=guess)]) from None


def _looks_utf16(raw: bytes) -> bool:
    """Text in UTF-16 without BOM: one byte of every pair is NUL, the other mostly printable."""
    head = raw[:400]
    if len(head) < 4:
        return False
    for zeros, chars in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in chars)
        if zeros.count(0) >= 0.9 * len(zeros) and printable >= 0.9 * len(chars):
            return True
    return False


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _line_col(text: str, index: int | None) -> tuple[int, int]:
    """1-based line and column of ``index`` in ``text`` (end of text when index is None)."""
    head = text if index is None else text[:index]
    line = head.count("\n") + 1
    col = len(head) - (head.rfind("\n") + 1) + 1
    return line, col


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets"
    return f"een losse waarde ({value!s:.40})"


class _Frame:
    __slots__ = ("container", "path", "key", "key_mark", "nodes", "anchor")

    def __init__(self, container: Any, path: Path_, anchor: str | None):
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_mark: tuple[int, int] | None = None
        self.nodes = 1
        self.anchor = anchor


class _Builder:
    """Builds data from parser events without recursion, so depth and size stay bounded."""

    def __init__(self, name: str):
        self.name = name
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.total = 0

    def fail(self, code: str, mark: Any, path: Path_ = (), **values: Any) -> DossierError:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        return DossierError([make(code, Location(self.name, format_path(path), line, col), **values)])

    def build(self, text: str) -> Any:
        parser = _Parser(text)
        try:
            return self._run(parser)
        except yaml.MarkedYAMLError as exc:
            raise self._syntax_error(exc, text) from None
        except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
            raise DossierError([make("D107", Location(self.name), probleem=str(exc), context="")]) from None
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose:
                dispose()

    def _syntax_error(self, exc: yaml.MarkedYAMLError, text: str) -> DossierError:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or "").strip()
        lines = text.splitlines()
        line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
        if "tab" in problem.lower() or (mark is not None and "\t" in line[: mark.column + 1]):
            return self.fail("D108", mark)
        if "expected a single document" in problem or "but found another document" in problem:
            return self.fail("D116", mark)
        if "found undefined alias" in problem or "found undefined anchor" in problem:
            return self.fail("D118", mark)
        context = _translate(exc.context or "")
        return self.fail("D107", mark, probleem=_translate(problem) + (f" ({context})" if context else ""))

    def _run(self, parser: Any) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail("D116", event.start_mark)
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                if frame.anchor:
                    self.anchors[frame.anchor] = (frame.container, frame.nodes)
                if stack:
                    stack[-1].nodes += frame.nodes
                else:
                    root = frame.container
                continue
            parent = stack[-1] if stack else None
            if parent is not None and isinstance(parent.container, dict) and parent.key is None:
                self._take_key(parent, event)
                continue
            path = self._child_path(parent)
            mark = (event.start_mark.line + 1, event.start_mark.column + 1)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._check_tag(event, path)
                if len(stack) >= MAX_DEPTH:
                    raise self.fail("D114", event.start_mark, path, maximum=MAX_DEPTH)
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                self._attach(parent, container, path, mark)
                stack.append(_Frame(container, path, event.anchor))
                self._count(1, event.start_mark, path)
                continue
            if isinstance(event, yaml.AliasEvent):
                if event.anchor not in self.anchors:
                    raise self.fail("D118", event.start_mark, path)
                value, nodes = self.anchors[event.anchor]
                self._count(nodes, event.start_mark, path)
                if parent is not None:
                    parent.nodes += nodes
                self._attach(parent, value, path, mark)
                if parent is None:
                    root = value
                continue
            value = self._scalar(event, path)
            self._count(1, event.start_mark, path)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            if parent is None:
                root = value
                self.positions[()] = mark
            else:
                parent.nodes += 1
                self._attach(parent, value, path, mark)
        return root

    def _count(self, nodes: int, mark: Any, path: Path_) -> None:
        self.total += nodes
        if self.total > MAX_NODES:
            raise self.fail("D115", mark, path, maximum=f"{MAX_NODES:,}".replace(",", "."))

    def _take_key(self, frame: _Frame, event: Any) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise self.fail("D113", event.start_mark, frame.path)
        self._check_tag(event, frame.path)
        self._check_text(event, frame.path)
        key = event.value
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if key in frame.container:
            first = self.key_positions.get(frame.path + (key,), (None, None))
            raise self.fail("D111", event.start_mark, frame.path + (key,), sleutel=key, eerste_regel=first[0])
        frame.key = key
        frame.key_mark = mark

    def _child_path(self, parent: _Frame | None) -> Path_:
        if parent is None:
            return ()
        if isinstance(parent.container, dict):
            return parent.path + (parent.key,)  # type: ignore[operator]
        return parent.path + (len(parent.container),)

    def _attach(self, parent: _Frame | None, value: Any, path: Path_, mark: tuple[int, int]) -> None:
        self.positions[path] = mark
        if parent is None:
            return
        if isinstance(parent.container, dict):
            parent.container[parent.key] = value
            self.key_positions[path] = parent.key_mark  # type: ignore[assignment]
            parent.key = None
        else:
            parent.container.append(value)

    def _check_tag(self, event: Any, path: Path_) -> None:
        tag = event.tag
        if tag is None or tag in _SAFE_TAGS:
            return
        if isinstance(event, yaml.MappingStartEvent) and tag == "tag:yaml.org,2002:map":
            return
        if isinstance(event, yaml.SequenceStartEvent) and tag == "tag:yaml.org,2002:seq":
            return
        raise self.fail("D112", event.start_mark, path, tag=tag)

    def _check_text(self, event: Any, path: Path_) -> None:
        """Refuse a control character in a value or key (made by an escape: the raw text had none)."""
        control = _CONTROL.search(event.value)
        if control:
            code = "D105" if control.group() == "\x00" else "D117"
            raise self.fail(code, event.start_mark, path, teken=f"U+{ord(control.group()):04X}")

    def _scalar(self, event: Any, path: Path_) -> Any:
        self._check_tag(event, path)
        self._check_text(event, path)
        text = event.value
        if event.tag is not None or not event.implicit[0]:
            return text  # quoted, block or explicitly !!str: always text
        return resolve_plain(text)
