"""The schema files in the package, and validation against them; never the network.

Everything lives in ``dossier/data/schemas/`` with its licence (see ``BRON.md`` there):

- ``ocds/1.1.5/``: the OCDS release-package and release schemas (Apache-2.0);
- ``ocds/extensions/<name>/``: each extension's ``release-schema.json`` patch, pinned to a commit;
- ``eforms-sdk-1.15.1/``: the SDK's XSDs, the static Schematron for subtypes 16, 20 and E3 and the
  Dutch NUTS-3 code list (CC-BY-4.0);
- ``schxslt-1.10.1/``: SchXslt, which turns Schematron into XSLT (MIT).

The OCDS release-package schema points to the release schema by its canonical URL; a local
``referencing`` registry maps that URL to the package's file, so ``jsonschema`` never fetches it.
lxml resolves the XSD imports relative to the package folder and is told not to use the network.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..afleiding.aankondiging import SDK_VERSION

OCDS_VERSION = "1.1.5"
RELEASE_SCHEMA_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"

# Extension -> (repository, commit): the pinned versions in the package; the URL goes into the package's
# 'extensions' list, as OCDS asks, but nothing is ever fetched from it.
EXTENSIONS = {
    "lots": ("ocds_lots_extension", "73076421c08e2fd20acd91b0fb5ac80bfd94cbc6"),
    "options": ("ocds_options_extension", "bdda4859aecb1473cb6b10ea9747ff90b2e61c34"),
    "renewal": ("ocds_renewal_extension", "cf26577519ced7a0429652aaa2358e3ab7d39fa3"),
    "awardCriteria": ("ocds_awardCriteria_extension", "9391240f353e8536992938fe9f7987cd89235331"),
    "submissionTerms": ("ocds_submissionTerms_extension", "449ade63333a50f1e8cd2b0704c0a3c5e329a8a8"),
}


def schema_path(*parts: str) -> Path:
    """A file under ``dossier/data/schemas`` (a real path: lxml and Saxon resolve includes relative to it)."""
    root = resources.files("dossier").joinpath("data", "schemas", *parts)
    return Path(str(root))


def extension_urls() -> list[str]:
    return [
        f"https://raw.githubusercontent.com/open-contracting-extensions/{repo}/{commit}/extension.json"
        for repo, commit in EXTENSIONS.values()
    ]


def _json(*parts: str) -> Any:
    return json.loads(schema_path(*parts).read_text("utf-8"))


def _merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON Merge Patch: how an OCDS extension changes the release schema."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = _merge_patch(result.get(key), value)
    return result


@cache
def release_schema() -> dict:
    """The release schema of OCDS 1.1.5 with every extension the export uses, patched in."""
    schema = _json("ocds", OCDS_VERSION, "release-schema.json")
    for name in EXTENSIONS:
        schema = _merge_patch(schema, _json("ocds", "extensions", name, "release-schema.json"))
    return schema


@cache
def _package_validator():
    from jsonschema import Draft4Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    package = _json("ocds", OCDS_VERSION, "release-package-schema.json")
    registry = Registry().with_resource(RELEASE_SCHEMA_URL, Resource(contents=release_schema(), specification=DRAFT4))
    return Draft4Validator(package, registry=registry, format_checker=FormatChecker())


def ocds_errors(package: dict) -> list[str]:
    """Every way ``package`` breaks the (extended) release-package schema, as 'path: message'."""
    errors = sorted(_package_validator().iter_errors(package), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(pakket)'}: {e.message}" for e in errors]


@cache
def _contract_notice_schema():
    from lxml import etree

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    path = schema_path(f"eforms-sdk-{SDK_VERSION}", "schemas", "maindoc", "UBL-ContractNotice-2.3.xsd")
    return etree.XMLSchema(etree.parse(str(path), parser))


def eforms_errors(xml: bytes) -> list[str]:
    """Every way ``xml`` breaks the SDK's XSD for a ContractNotice, as 'line N: message'."""
    from lxml import etree

    schema = _contract_notice_schema()
    document = etree.fromstring(xml, etree.XMLParser(no_network=True, resolve_entities=False)).getroottree()
    if schema.validate(document):
        return []
    return [f"regel {e.line}: {re.sub(r'{[^}]*}', '', e.message)}" for e in schema.error_log]
