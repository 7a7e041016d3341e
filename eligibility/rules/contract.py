"""The simulation contract described once: each result dataclass declares its JSON entries here.

Why the dataclasses are the single source (and not pydantic models): the rules build these dataclasses and
must stay pure Python (``lint-imports``), so the contract is declared where the values are made. One
``@contract(...)`` per result class lists its JSON entries in order, each naming the attribute (or property,
or dotted path) it reads, whether it is a sentence for people (``text``: left out by ``?detail=figures``) and
its description; the JSON form of each value follows from the attribute's annotation (``Decimal`` → a number
of euros, an enum → its value, a tuple of results → a list…). From that one declaration come:

* the serialisers, compiled once per class into a plain Python function (one dict literal, no reflection
  per call), in two forms: ``full`` (the contract) and ``figures`` (without the texts, never rendered);
* ``as_dict()`` on every result (``Contract`` mixin), which the presenter, the PDF and the tests use;
* the result schemas of the OpenAPI document (``eligibility.openapi`` reads ``entries()``).

The input side is declared the same way on the situation's dataclasses (``situation.py``): field metadata
(``contract_field``) gives the JSON name, bounds, closed lists and descriptions that the parser's readers and
the OpenAPI input schemas both use.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from .reasons import reasons_dict

FULL = "full"
FIGURES = "figures"


@dataclass(frozen=True, slots=True)
class Entry:
    """One key of a result's JSON form.

    ``attr`` is what it reads on the result (an attribute, a property or a dotted path; default: ``key``);
    ``get`` computes it instead (then ``type`` gives its annotation for the schema). ``kind`` forces how the
    value is written when the annotation does not say it (``float``, ``label``). ``text``: a sentence for
    people, left out of ``?detail=figures``.
    """

    key: str
    attr: str | None = None
    text: bool = False
    kind: str | None = None
    get: Callable[[Any], Any] | None = None
    type: Any = None
    description: str | None = None


def entry(key: str, attr: str | None = None, **options: Any) -> Entry:
    return Entry(key, attr, **options)


def text(key: str, attr: str | None = None, **options: Any) -> Entry:
    """A sentence for people (reasons, notes, labels, procedures): not in ``?detail=figures``."""
    return Entry(key, attr, text=True, **options)


def label(key: str, attr: str, **options: Any) -> Entry:
    """The French label of the enum at ``attr`` (``None`` when it is ``None``): a text."""
    return Entry(key, attr, text=True, kind="label", type=str | None, **options)


#: ``reasons`` (sentences, a text) and ``reasons_detail`` (code, text, article, link; figures: the codes).
REASONS = Entry("reasons", kind="reasons")


#: Every declared result class, in the order the rule modules were loaded.
DECLARED: list[type] = []


def contract(*entries: Entry | str, schema: str | None = None, description: str | None = None):
    """Class decorator: the ordered JSON entries of a result (a bare string is ``entry(name)``)."""

    def register(cls):
        cls.__contract__ = Spec(
            tuple(e if isinstance(e, Entry) else Entry(e) for e in entries),
            schema or f"{cls.__name__}Out",
            description,
        )
        DECLARED.append(cls)
        return cls

    return register


@dataclass(frozen=True, slots=True)
class Spec:
    entries: tuple[Entry, ...]
    schema: str
    description: str | None


class Contract:
    """Gives a declared result its ``as_dict()`` (the contract, in full) from its compiled serialiser."""

    __slots__ = ()

    def as_dict(self) -> dict:
        return serialiser(type(self))(self)


def money(amount: Decimal | None) -> float | int | None:
    """JSON number for an amount: integral euros stay integers, cents are kept where the law keeps them.

    The number depends on the value only, and the same amounts (legal figures, ceilings, tariffs) recur in
    every result: each distinct value is converted once (a dict hit costs a fifth of the conversion).
    """
    try:
        return _numbers[amount]
    except KeyError:
        return _new_number(amount)
    except TypeError:  # not hashable (a signalling NaN): converted without keeping it
        return _number(amount)


def _number(amount: Decimal | None) -> float | int | None:
    if amount is None:
        return None
    if amount == amount.to_integral_value():
        return int(amount)
    return float(amount)


def _new_number(amount: Decimal | None) -> float | int | None:
    """``money(amount)`` for an amount not in the table (``money``'s miss, and the compiled serialisers' after their own
    look-up, ``_known``): converted and kept without looking it up again (about 7 amounts per result are its own)."""
    number = _number(amount)
    if len(_numbers) >= _NUMBERS_MAX:
        _numbers.clear()
    _numbers[amount] = number  # hashable: ``_known`` (``dict.get``) has just looked it up
    return number


_numbers: dict = {}
_NEW = object()  # not in ``_numbers``
_NUMBERS_MAX = 8192


# --------------------------------------------------------------------------- what an annotation says


def _resolve(cls: type, name: str) -> Any:
    """The annotation of field (or property) ``name`` of ``cls``, evaluated in its module."""
    annotation = None
    for klass in cls.__mro__:
        annotation = getattr(klass, "__annotations__", {}).get(name)
        if annotation is not None:
            break
    if annotation is None:
        member = getattr(cls, name, None)
        if isinstance(member, property) and member.fget is not None:
            annotation = member.fget.__annotations__.get("return")
    if annotation is None:
        raise TypeError(f"{cls.__name__}.{name}: no annotation to describe it in the contract")
    if isinstance(annotation, str):
        module = sys.modules[cls.__module__]
        annotation = eval(annotation, vars(module), dict(vars(typing)))  # noqa: S307 - the class's own annotation
    return annotation


def resolve_path(cls: type, path: str) -> Any:
    """The annotation at a dotted path (``pricing.basket``)."""
    annotation: Any = cls
    for part in path.split("."):
        owner, _ = optional(annotation)
        annotation = _resolve(owner, part)
    return annotation


def optional(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` → ``(X, True)``; anything else → ``(annotation, False)``."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) < len(typing.get_args(annotation)):
            return (args[0] if len(args) == 1 else functools.reduce(operator.or_, args)), True
    return annotation, False


def item_type(annotation: Any) -> Any | None:
    """``tuple[X, ...]`` / ``list[X]`` / ``frozenset[X]`` → ``X``; else ``None``."""
    if typing.get_origin(annotation) in (tuple, list, frozenset, set):
        args = typing.get_args(annotation)
        return args[0] if args else Any
    return None


def is_declared(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__contract__")


def entry_type(cls: type, e: Entry) -> Any:
    if isinstance(e.type, types.FunctionType):  # given lazily: a type from a module that imports this class's
        return e.type()
    if e.type is not None:
        return e.type
    return resolve_path(cls, e.attr or e.key)


# --------------------------------------------------------------------------- compiled serialisers

_compiled: dict[tuple[type, str], Callable[[Any], dict]] = {}


def serialiser(cls: type, detail: str = FULL) -> Callable[[Any], dict]:
    """The compiled function that writes a ``cls`` result as JSON-ready values (``detail``: full or figures)."""
    try:
        return _compiled[cls, detail]
    except KeyError:
        function = _compiled[cls, detail] = _compile(cls, detail)
        return function


def _compile(cls: type, detail: str) -> Callable[[Any], dict]:
    spec: Spec = cls.__contract__
    # An amount already converted is read from ``money``'s table without a call (``_known(x, _NEW)``);
    # ``_new_number`` converts the others (and keeps them).
    names: dict[str, Any] = {"_money": money, "_known": _numbers.get, "_NEW": _NEW, "_new": _new_number,
                             "_reasons_dict": reasons_dict, "_free": free_json(detail)}
    parts: list[str] = []
    for n, e in enumerate(spec.entries):
        if e.kind == "reasons":
            # figures: ``reasons_detail`` with the codes only, no text built (written out: no call per result part).
            parts.append("**_reasons_dict(o.reasons)" if detail == FULL
                         else '"reasons_detail": [{"code": r.code} for r in o.reasons]')
            continue
        if e.text and detail == FIGURES:
            continue
        if e.get is not None:
            names[f"_get{n}"] = e.get
            source = f"_get{n}(o)"
        else:
            source = "o." + (e.attr or e.key)
        parts.append(f"{e.key!r}: {_writer(cls, e, source, detail, names, n)}")
    code = "def serialise(o):\n    return {" + ", ".join(parts) + "}\n"
    exec(compile(code, f"<contract {cls.__name__} {detail}>", "exec"), names)  # noqa: S102 - our own declarations
    return names["serialise"]


def _writer(cls: type, e: Entry, source: str, detail: str, names: dict[str, Any], n: int) -> str:
    """The expression that writes ``source`` (one value) as JSON."""
    if e.get is not None and e.kind is None:
        return source  # a computed entry gives its JSON value itself
    annotation, nullable = optional(entry_type(cls, e))
    kind = e.kind
    if e.text and kind is None:
        # A phrase of the wording catalogue (even where the annotation says ``str``, the type written), rendered
        # here (``str``), in full results only.
        if item_type(annotation) is not None:
            return f"[str(x) for x in {source}]"
        return f"str({source}) if ({source}) is not None else None" if nullable else f"str({source})"
    if kind == "label":
        return f"({source}).label if ({source}) is not None else None"
    if kind == "float":
        return f"float({source}) if ({source}) is not None else None" if nullable else f"float({source})"
    if annotation is Decimal:
        return f"(_v if (_v := _known({source}, _NEW)) is not _NEW else _new({source}))"
    if annotation is date:
        return f"({source}).isoformat() if ({source}) is not None else None" if nullable else f"({source}).isoformat()"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        # ``_value_`` (the member's own attribute) rather than the ``value`` property: same string, no descriptor.
        return f"({source})._value_ if ({source}) is not None else None" if nullable else f"({source})._value_"
    if is_declared(annotation):
        names[f"_s{n}"] = serialiser(annotation, detail)
        return f"_s{n}({source}) if ({source}) is not None else None" if nullable else f"_s{n}({source})"
    inner = item_type(annotation)
    if inner is not None:
        if is_declared(inner):
            names[f"_s{n}"] = serialiser(inner, detail)
            return f"[_s{n}(x) for x in {source}]"
        if isinstance(inner, type) and issubclass(inner, Enum):
            return f"[x._value_ for x in {source}]"
        if inner is Decimal:
            return f"[_money(x) for x in {source}]"
        return f"list({source})"
    if annotation in (bool, int, str, float) or annotation is type(None):
        return source
    if typing.get_origin(annotation) is dict or annotation is dict or annotation is Any:
        return f"_free({source})"
    raise TypeError(f"{cls.__name__}.{e.key}: no JSON form for {annotation!r}")


# --------------------------------------------------------------------------- free-form values

def text_keys() -> frozenset[str]:
    """Every key declared as a text by a result (and the texts of a reason's detail)."""
    keys = {"text", "article", "href"}
    for cls in DECLARED:
        for e in cls.__contract__.entries:
            if e.kind == "reasons":
                keys.add("reasons")
            elif e.text:
                keys.add(e.key)
    return frozenset(keys)


def free_json(detail: str) -> Callable[[Any], Any]:
    """A free-form JSON value (``details`` of an out-of-pocket line): as it is, or without its texts. A declared
    result given there (a quoted item's pricing) is written by its own serialiser in the same form, so that
    ``figures`` never renders the texts it leaves out."""
    if detail == FULL:
        return _free_full
    keys: frozenset[str] | None = None

    def figures(value: Any) -> Any:
        nonlocal keys
        if isinstance(value, Contract):
            return serialiser(type(value), FIGURES)(value)
        if keys is None:
            keys = text_keys()
        return _without(value, keys)

    return figures


def _free_full(value: Any) -> Any:
    return value.as_dict() if isinstance(value, Contract) else value


def _without(value: Any, keys: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def writer(annotation: Any, detail: str = FULL) -> Callable[[Any], Any]:
    """The function that writes a value of this annotation (a declared result, an optional one or a tuple of
    them), chosen once rather than by the value's type at every call (``to_json``)."""
    inner, nullable = optional(annotation)
    if is_declared(inner):
        write = serialiser(inner, detail)
        return (lambda value: None if value is None else write(value)) if nullable else write
    item = item_type(inner)
    if item is not None and is_declared(item):
        write_item = serialiser(item, detail)
        return lambda values: [write_item(v) for v in values]
    if item is not None:
        return list
    return lambda value: value


def to_json(value: Any, detail: str = FULL) -> Any:
    """Any contract value: a declared result, a sequence of them, ``None`` or a plain JSON value."""
    if value is None:
        return None
    cls = type(value)
    if hasattr(cls, "__contract__"):
        return serialiser(cls, detail)(value)
    if cls is tuple or cls is list:
        return [to_json(v, detail) for v in value]
    return value



# --------------------------------------------------------------------------- the input side


@dataclass(frozen=True, slots=True)
class Given:
    """What the contract says of one input field (``dataclasses.field(metadata=given(...))``).

    ``json``: its JSON name when it differs (``from`` for ``start``; ``coverage.complementary`` for a value
    the JSON nests in another object). ``required``: ``None`` means "when the field has no default".
    ``fallback``: the value the parser goes on with when the JSON value is refused (so that the later checks
    see one). ``reader``: a reader of its own (``identifier``, ``department``). ``json_type``: the JSON shape
    when it is not the field's (``monthly``: a list of months). ``minimum``/``maximum`` (numbers),
    ``min_length``/``max_length`` (strings), ``min_items``/``max_items`` (lists), ``pattern``: the bounds the
    parser enforces and the schema states.
    """

    json: str | None = None
    description: str | None = None
    required: bool | None = None
    fallback: Any = None
    reader: str | None = None
    json_type: Any = None
    minimum: int | None = None
    maximum: int | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    pattern: str | None = None
    hidden: bool = False


def given(**options: Any) -> dict[str, Given]:
    """Field metadata of an input dataclass: ``field(default=…, metadata=given(description=…, maximum=…))``."""
    return {"contract": Given(**options)}


@dataclass(frozen=True, slots=True)
class InputField:
    """An input field as the parser and the schema read it (``input_fields``)."""

    name: str
    json: str
    annotation: Any     # without ``| None``
    nullable: bool
    required: bool
    default: Any        # the JSON default (the dataclass default), ``dataclasses.MISSING`` when required
    given: Given


_input_fields: dict[type, dict[str, InputField]] = {}


def input_fields(cls: type) -> dict[str, InputField]:
    """The declared input fields of ``cls``, by attribute name, in declaration order (computed once)."""
    try:
        return _input_fields[cls]
    except KeyError:
        pass
    found: dict[str, InputField] = {}
    for f in dataclasses.fields(cls):
        g = f.metadata.get("contract", Given())
        if g.hidden:
            continue
        annotation, nullable = optional(_resolve(cls, f.name))
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else dataclasses.MISSING)
        required = (not has_default) if g.required is None else g.required
        found[f.name] = InputField(f.name, g.json or f.name, annotation, nullable, required, default, g)
    _input_fields[cls] = found
    return found
