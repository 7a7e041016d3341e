"""The OpenAPI 3.1 document of the simulation API, derived by pydantic from typed schemas.

The result schemas are generated from the results' own declarations (``eligibility.rules.contract``: the
entries each result class writes, the same that its serialisers are compiled from), so they cannot drift.
The input schemas come from the situation's dataclasses and their fields' declarations (``contract.given``:
JSON names, bounds, closed lists, descriptions), which the parser's readers also enforce; validation itself
is the rules' (``parse_situation``), which adds the checks a schema cannot express (exactly one applicant,
members referenced by id, dates in range…). A test
validates generated situations and the contract's example against these schemas.
"""

from __future__ import annotations

import dataclasses
import keyword
import typing
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.json_schema import models_json_schema

from eligibility.rules import aids as registry
from eligibility.rules import contract
from eligibility.rules.engine import result_outputs
from eligibility.rules.situation import Situation
from eligibility.rules.wording import Phrase


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# --------------------------------------------------------------------------- the situation, from its declarations


def _in_type(annotation: Any, models: dict[type, type[BaseModel]], extra: dict[str, Any] | None = None) -> Any:
    """The pydantic type of an input value of this annotation (money is a JSON number)."""
    inner, nullable = contract.optional(annotation)
    if inner is Decimal:
        result: Any = float
    elif dataclasses.is_dataclass(inner):
        result = _in_model(inner, models, extra)
    elif contract.item_type(inner) is not None:
        result = list[_in_type(contract.item_type(inner), models)]
    else:
        result = inner
    return result | None if nullable else result


def _in_field(f: contract.InputField, annotation: Any, models: dict[type, type[BaseModel]]) -> Any:
    g = f.given
    is_list = contract.item_type(contract.optional(annotation)[0]) is not None
    options: dict[str, Any] = {"description": g.description}
    for option, value in (("ge", g.minimum), ("le", g.maximum), ("pattern", g.pattern)):
        if value is not None:
            options[option] = value
    for option, value in zip(("min_length", "max_length"),
                             (g.min_items, g.max_items) if is_list else (g.min_length, g.max_length), strict=True):
        if value is not None:
            options[option] = value
    if not f.required:
        if is_list:
            options["default_factory"] = list
        elif dataclasses.is_dataclass(f.default):
            options["default_factory"] = contract.optional(annotation)[0]
        else:
            default = None if f.default is dataclasses.MISSING else f.default
            options["default"] = float(default) if isinstance(default, Decimal) else default
    key = f.json.rpartition(".")[2]
    if keyword.iskeyword(key):
        options["alias"] = key
    return Field(**options)


def _in_model(cls: type, models: dict[type, type[BaseModel]], extra: dict[str, Any] | None = None) -> type[BaseModel]:
    """The pydantic model of an input dataclass of ``situation.py``, from its fields' declarations
    (``contract.given``: JSON names, bounds, closed lists, defaults, descriptions). ``extra``: fields the JSON
    nests in this object although the dataclasses keep them on the parent (``coverage.complementary``)."""
    if cls in models:
        return models[cls]
    declared = contract.input_fields(cls).values()
    nested: dict[str, dict[str, Any]] = {}
    for f in declared:
        parent, _, key = f.json.rpartition(".")
        if parent:
            annotation = _in_type(f.given.json_type or f.annotation, models)
            nested.setdefault(parent, {})[key] = (annotation, _in_field(f, annotation, models))
    fields: dict[str, Any] = dict(extra or {})
    for f in declared:
        if "." in f.json:
            continue
        annotation = _in_type(f.given.json_type or (f.annotation | None if f.nullable else f.annotation), models,
                              nested.get(f.json))
        key = f"{f.json}_" if keyword.iskeyword(f.json) else f.json
        fields[key] = (annotation, _in_field(f, annotation, models))
    name = getattr(cls, "schema_name", f"{cls.__name__}In")
    models[cls] = create_model(name, __base__=_Open, __doc__=getattr(cls, "schema_doc", None) or cls.__doc__, **fields)
    return models[cls]


SituationIn = _in_model(Situation, {})


# --------------------------------------------------------------------------- results, from their declarations

#: ``reasons_detail`` items (``reasons.reasons_dict``): the code, the sentence and its legal citation.
ReasonDetailOut = create_model(
    "ReasonDetailOut", __base__=_Open, code=(str, ...), text=(str, ...), article=(str | None, ...), href=(str | None, ...),
)


def _json_type(annotation: Any, models: dict[type, type[BaseModel]]) -> Any:
    """The pydantic type of a contract value of this annotation (money is a JSON number)."""
    inner, nullable = contract.optional(annotation)
    if inner is Decimal:
        result: Any = float
    elif inner is Phrase:  # a sentence of the wording catalogue, written as its text
        result = str
    elif contract.is_declared(inner):
        result = _out_model(inner, models)
    elif contract.item_type(inner) is not None:
        result = list[_json_type(contract.item_type(inner), models)]
    elif typing.get_origin(inner) is dict:
        key, value = typing.get_args(inner)
        result = dict[key, _json_type(value, models)]
    else:
        result = inner
    return result | None if nullable else result


def _text_type(annotation: Any) -> Any:
    """A text entry is written with ``str()`` (a phrase of the wording catalogue, a label, a caisse's name…)."""
    inner, nullable = contract.optional(annotation)
    result: Any = list[str] if contract.item_type(inner) is not None else str
    return result | None if nullable else result


def _out_model(cls: type, models: dict[type, type[BaseModel]]) -> type[BaseModel]:
    """The pydantic model of a declared result (``contract.contract``): its entries, in order."""
    if cls in models:
        return models[cls]
    spec = cls.__contract__
    fields: dict[str, Any] = {}
    for e in spec.entries:
        if e.kind == "reasons":
            fields["reasons"] = (list[str], Field(description="Raisons, en phrases, avec l'article appliqué"))
            fields["reasons_detail"] = (list[ReasonDetailOut], Field(
                description="Les mêmes raisons : code stable, phrase, article et lien (detail=figures : le code seul)"))
            continue
        if e.kind == "label":
            annotation: Any = str | None
        elif e.kind == "float":
            annotation = float | None if contract.optional(contract.entry_type(cls, e))[1] else float
        elif e.text and e.get is None:
            annotation = _text_type(contract.entry_type(cls, e))
        else:
            annotation = _json_type(contract.entry_type(cls, e), models)
        fields[e.key] = (annotation, Field(description=e.description))
    models[cls] = create_model(spec.schema, __base__=_Open, __doc__=spec.description or cls.__doc__, **fields)
    return models[cls]


@lru_cache(maxsize=4)
def result_model(aids: tuple) -> type[BaseModel]:
    """The result's schema for the registry ``aids`` (``rules.aids.AIDS``): each aid's entries, by their types."""
    models: dict[type, type[BaseModel]] = {}
    fields: dict[str, Any] = {}
    for key, annotation in result_outputs(aids).items():
        inner, _ = contract.optional(annotation)
        description = inner.__contract__.description if contract.is_declared(inner) else None
        fields[key] = (_json_type(annotation, models), Field(description=description))
    return create_model(
        "ResultOut", __base__=_Open,
        __doc__="The result (contract v1); the project adds fields (details, reasons) that clients may ignore.",
        **fields,
    )


ResultOut = result_model(registry.AIDS)


class FieldErrorOut(BaseModel):
    path: str = Field(description="Chemin du champ, par exemple members[1].birth_date")
    message: str


class ErrorsOut(BaseModel):
    errors: list[FieldErrorOut]


def openapi_document() -> dict:
    """The OpenAPI document of the API, for the registry of aids as it is (``rules.aids.AIDS``)."""
    return _openapi_document(registry.AIDS)


@lru_cache(maxsize=4)
def _openapi_document(aids: tuple) -> dict:
    _, schema = models_json_schema(
        [(SituationIn, "validation"), (result_model(aids), "serialization"), (ErrorsOut, "serialization")],
        ref_template="#/components/schemas/{model}",
    )
    errors = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorsOut"}}}
    batch_items, batch_mib = settings.API_MAX_BATCH_ITEMS, settings.API_MAX_BATCH_BODY_BYTES // (1024 * 1024)
    situation, result = {"$ref": "#/components/schemas/SituationIn"}, {"$ref": "#/components/schemas/ResultOut"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "aidsante — API de simulation",
            "version": "1",
            "description": "Complémentaire santé solidaire, frais d'hospitalisation, reste à charge, aides de la CPAM et dispositif Help.",
        },
        "paths": {
            "/api/v1/simulations": {
                "post": {
                    "operationId": "simulate",
                    "summary": "Simuler les droits d'un foyer, ou d'une liste de foyers",
                    "description": (
                        "Le corps est une situation (256 Kio au plus) ou une liste de situations (traitement par lot : "
                        f"{batch_items} situations et {batch_mib} Mio au plus). Une liste reçoit la liste des résultats "
                        "dans le même ordre, envoyée au fil du calcul ; chaque situation est validée séparément, et une "
                        "situation invalide donne une erreur 400 dont le chemin commence par son rang "
                        "([12].members[0].birth_date)."
                    ),
                    "parameters": [{
                        "name": "detail",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": ["full", "figures"], "default": "full"},
                        "description": (
                            "full : le résultat complet du contrat. figures : les montants, statuts, codes et "
                            "identifiants seulement, sans les textes (raisons, notes, libellés, démarches) ; chaque "
                            "valeur donnée est celle du résultat complet au même chemin."
                        ),
                    }],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"oneOf": [
                            situation,
                            {"type": "array", "items": situation, "minItems": 1, "maxItems": batch_items},
                        ]}}},
                    },
                    "responses": {
                        "200": {"description": (
                            "Résultat, ou liste des résultats dans l'ordre des situations. Avec detail=figures, les "
                            "champs de texte (reasons, to_verify, notes, libellés, textes des démarches) sont absents : "
                            "le schéma ResultOut décrit la forme complète."
                        ), "content": {
                            "application/json": {"schema": {"oneOf": [result, {"type": "array", "items": result}]}},
                        }},
                        "400": {"description": "Situation invalide : chaque erreur avec son chemin", "content": errors},
                        "413": {"description": f"Corps de plus de 256 Kio (une situation) ou de {batch_mib} Mio "
                                               f"(une liste), ou plus de {batch_items} situations", "content": errors},
                        "415": {"description": "Corps qui n'est pas du JSON", "content": errors},
                    },
                }
            }
        },
        "components": {"schemas": schema["$defs"]},
    }
