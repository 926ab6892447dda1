"""The eForms SDK's Schematron rules (``--streng``), run offline with SaxonC-HE and SchXslt.

The rules use XPath 2 (``queryBinding="xslt2"``), which lxml cannot run; ``saxonche`` (SaxonC-HE,
a pip wheel, no Java) can. SchXslt turns the Schematron into XSLT for one phase, ``eforms-<subtype>``,
which Saxon then compiles and applies to the notice. The package holds only the rule files those
three phases use; ``complete-validation.sch`` is trimmed in memory to them, so the SDK's own files stay
unchanged. The compilation takes several seconds, which is why this is an explicit option.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..afleiding.aankondiging import SDK_VERSION
from .schemas import schema_path

_SCH = "{http://purl.oclc.org/dsdl/schematron}"
_SVRL = "{http://purl.oclc.org/dsdl/svrl}"


@dataclass(frozen=True)
class Overtreding:
    """One failed assertion: the SDK's rule id, its text and where in the notice."""

    regel: str
    tekst: str
    plaats: str


class SchematronUnavailable(Exception):
    """The processor is missing or failed: the strict check was not done."""


def _trimmed(subtype: str) -> str:
    """``complete-validation.sch`` with only the phase for ``subtype`` and the includes in the package."""
    folder = schema_path(f"eforms-sdk-{SDK_VERSION}", "schematrons", "static")
    root = etree.parse(str(folder / "complete-validation.sch"), etree.XMLParser(no_network=True)).getroot()
    for phase in root.findall(f"{_SCH}phase"):
        if phase.get("id") != f"eforms-{subtype}":
            root.remove(phase)
    for include in root.findall(f"{_SCH}include"):
        path = folder / include.get("href")
        if path.exists():
            include.set("href", path.as_uri())
        else:
            root.remove(include)
    return etree.tostring(root, encoding="unicode")


def check(xml: bytes, subtype: str) -> list[Overtreding]:
    """Every failed assertion of the SDK's rules for ``subtype`` on the notice ``xml``."""
    try:
        from saxonche import PySaxonProcessor
    except ImportError as exc:  # saxonche is a dependency, but a broken install must not crash
        raise SchematronUnavailable(f"het pakket saxonche ontbreekt ({exc})") from None
    pipeline = schema_path("schxslt-1.10.1", "xslt", "2.0", "pipeline-for-svrl.xsl")
    try:
        with PySaxonProcessor(license=False) as processor:
            xslt = processor.new_xslt30_processor()
            compiler = xslt.compile_stylesheet(stylesheet_file=str(pipeline))
            compiler.set_parameter("phase", processor.make_string_value(f"eforms-{subtype}"))
            rules = compiler.transform_to_string(xdm_node=processor.parse_xml(xml_text=_trimmed(subtype)))
            validator = xslt.compile_stylesheet(stylesheet_text=rules)
            report = validator.transform_to_string(xdm_node=processor.parse_xml(xml_text=xml.decode("utf-8")))
    except Exception as exc:  # noqa: BLE001 - Saxon raises its own error types; all mean 'not checked'
        raise SchematronUnavailable(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__) from None
    if not report:
        raise SchematronUnavailable("Saxon gaf geen rapport")
    svrl = etree.fromstring(report.encode("utf-8"))
    found = []
    for failed in svrl.iter(f"{_SVRL}failed-assert"):
        text = " ".join("".join(failed.itertext()).split())
        place = re.sub(r"\*:|\[namespace-uri\(\)='[^']*'\]", "", failed.get("location", ""))
        found.append(Overtreding(failed.get("id", "?"), text, place))
    return found
