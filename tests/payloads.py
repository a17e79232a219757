"""Payloads for the loading tests: public types, arbitrary and mutated JSON.

Shared by tests/test_serialization.py (every loader refuses bad payloads
with a PayloadError only) and tests/test_fast.py (the fast and the standard
paths give the same results).
"""

import json
import os

import attrs
from hypothesis import settings
from hypothesis import strategies as st

from score_core import load_document, serialization, to_dict
from score_core import strategies as sst
from score_core.profiles import CoverageTarget
from score_core.serialization import SCHEMA_VERSION, document_kinds


# Generic types are loaded as a concrete parametrisation; a protocol
# (WorkCalendar) has a strategy but is no payload of its own.
CONCRETE = [
    cls[CoverageTarget] if getattr(cls, "__parameters__", ()) else cls
    for cls in sst.STRATEGIES
    if attrs.has(cls)
]
DOCUMENT_KINDS = {cls: kind for kind, cls in document_kinds().items()}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def name(cls):
    return str(cls).rsplit(".", 1)[-1].rstrip("'>")


# Every public type, twice over: in CI a moderate budget per type keeps
# `make test` within its time; other profiles (`make fuzz`) keep theirs.
PER_TYPE = (
    settings(max_examples=25)
    if os.environ.get("HYPOTHESIS_PROFILE") == "ci"
    else settings()
)


def _leaf_paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, item in node.items():
            yield from _leaf_paths(item, (*prefix, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _leaf_paths(item, (*prefix, index))


def _replace(node, path, new):
    if not path:
        return new
    head, *rest = path
    copy = list(node) if isinstance(node, list) else dict(node)
    copy[head] = _replace(node[head], rest, new)
    return copy


def _delete(node, path):
    head, *rest = path
    copy = list(node) if isinstance(node, list) else dict(node)
    if rest:
        copy[head] = _delete(node[head], rest)
    else:
        del copy[head]
    return copy


#: Stands for a hostile value in JSON text, replaced after encoding.
_HOLE = "\x00hole\x00"


def _nested(depth):
    return "[" * depth + "]" * depth


# Hostile JSON text found by fuzzing (issue 21), to put anywhere in a payload.
hostile_json = st.one_of(
    st.integers(2, 999).map(_nested),  # nested deeply below the top level
    st.integers(2, 999).map(lambda d: '{"a": ' * d + "1" + "}" * d),
    st.integers(19, 4300).map(lambda n: "9" * n),  # beyond 64 bits
    st.integers(19, 30).map(lambda n: f'"{10**n}.0"'),
    st.sampled_from(
        [
            '"\\ud800"',  # a lone surrogate
            '"CN\\n"',
            '"12.50\\n"',
            '"M1\\n"',
            '"-0"',
            '"-0.00"',
            "-0",
            '""',
            '" "',
            "[]",
            "{}",
            "1e400",
            "-9223372036854775809",
            "9223372036854775808",
            '"a\\u003ab"',  # an escaped colon
            '"2026-02-30"',
            '"0000-01-01"',
        ]
    ),
)


def _text_with(plain, path, hostile):
    """JSON text of ``plain`` with ``hostile`` text at ``path``."""
    return json.dumps(_replace(plain, path, _HOLE)).replace(
        json.dumps(_HOLE), hostile, 1
    )


def _duplicated(plain, path):
    """JSON text of ``plain`` with the first key of the object at ``path`` twice."""
    node = _at(plain, path)
    key, item = next(iter(node.items()))
    inner = json.dumps(node)[1:]
    twice = f"{{{json.dumps(key)}: {json.dumps(item)}, {inner}"
    return _text_with(plain, path, twice)


def _at(node, path):
    for step in path:
        node = node[step]
    return node


@st.composite
def mutated(draw, cls):
    """An action and the JSON text of a ``cls`` payload it mutated somewhere."""
    return mutate(draw, to_dict(draw(st.from_type(cls)), as_type=cls))


def mutate(draw, plain):
    """An action and the JSON text of ``plain`` data it mutated somewhere."""
    paths = list(_leaf_paths(plain))
    path = draw(st.sampled_from(paths))
    objects = [p for p in paths if _at(plain, p).__class__ is dict and _at(plain, p)]
    action = draw(
        st.sampled_from(["replace", "hostile", "delete", "extra", "duplicate"])
    )
    if action == "delete" and path:
        return action, json.dumps(_delete(plain, path))
    if action == "extra" and isinstance(plain, dict):
        return action, json.dumps({**plain, "unexpected_key": 1})
    if action == "duplicate" and objects:
        return action, _duplicated(plain, draw(st.sampled_from(objects)))
    if action == "hostile":
        return action, _text_with(plain, path, draw(hostile_json))
    return action, json.dumps(_replace(plain, path, draw(json_values)))


def _envelope(kind, version, text):
    head = f'{{"schema": "score_core", "schema_version": {version}, "kind": "{kind}"'
    return f'{head}, "data": {text}}}'


def loaders(cls):
    """Every way a payload of ``cls`` is read from text, bare and as documents.

    Each comes with whether it returns a tuple of values (``load_many``).
    Documents are read as the current version and as version 1 (migrated).
    """
    yield (lambda text: serialization.from_json(cls, text)), False
    kind = DOCUMENT_KINDS.get(cls)
    if kind is None:
        return
    for version in sorted({1, SCHEMA_VERSION}):

        def document(text, version=version):
            return _envelope(kind, version, text)

        yield (lambda text, document=document: load_document(document(text))), False
        yield (
            (
                lambda text, document=document: serialization.load_many(
                    cls, document(text)
                )
            ),
            True,
        )
    yield (lambda text: serialization.load_many(cls, text)), True
