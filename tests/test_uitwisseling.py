"""OCDS and eForms exports: every example, one example field by field, refusals, offline schemas."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case
from lxml import etree

from dossier import controleer
from dossier.opdrachten.bouw import build_file
from dossier.uitwisseling import exporteer, schemas

EXAMPLES = sorted((ROOT / "voorbeelden").glob("*.yaml"))
BASE = read_yaml(CASES / "basis.yaml")
NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
}
# What each example gives: the eForms subtype, or the code that refuses the export.
EFORMS = {"leiden": "20", "tilburg": "20", "haarlem": "20", "wageningen": "20",
          "alphen-aan-den-rijn": "D722", "open-house": "D720", "utrecht": "D720"}
OCDS = {"utrecht": "D723"}
LOW = {"raming.per_jaar": 40000, "percelen[0].raming.per_jaar": 15000, "percelen[1].raming.per_jaar": 25000}  # below threshold


def export(path, formaat, **kwargs):
    checked = controleer(path)
    assert checked.ok, [d.to_text() for d in checked.diagnostics]
    return exporteer(formaat, checked.dossier, checked.afgeleid, checked.document, str(path), **kwargs)


def codes(result) -> list[str]:
    return [d.code for d in result.meldingen if d.is_error]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_exports_and_validates_or_is_refused_with_a_code(example):
    ocds = export(example, "ocds")
    if example.stem in OCDS:
        assert ocds.data is None and codes(ocds) == [OCDS[example.stem]]
    else:
        assert ocds.ok, [d.to_text() for d in ocds.meldingen]
        assert schemas.ocds_errors(json.loads(ocds.data)) == []
    eforms = export(example, "eforms")
    expected = EFORMS[example.stem]
    if expected.startswith("D"):
        assert eforms.data is None and codes(eforms) == [expected]
        return
    assert eforms.ok, [d.to_text() for d in eforms.meldingen]
    assert schemas.eforms_errors(eforms.data) == []
    root = etree.fromstring(eforms.data)
    assert root.findtext(".//efac:NoticeSubType/cbc:SubTypeCode", namespaces=NS) == expected


def test_exports_are_deterministic():
    path = ROOT / "voorbeelden" / "tilburg.yaml"
    assert export(path, "ocds").data == export(path, "ocds").data
    assert export(path, "eforms").data == export(path, "eforms").data


def test_leiden_field_by_field():
    path = ROOT / "voorbeelden" / "leiden.yaml"
    release = json.loads(export(path, "ocds").data)["releases"][0]
    tender = release["tender"]
    assert tender["value"] == {"amount": 85500000, "currency": "EUR"}  # 9,5 million a year over nine years
    assert [lot["id"] for lot in tender["lots"]] == ["P1", "P2", "P3"]
    p1 = tender["lots"][0]
    assert p1["value"]["amount"] == 28800000
    assert p1["contractPeriod"]["startDate"].startswith("2020-07-01T00:00:00")
    assert p1["contractPeriod"]["endDate"].startswith("2025-06-30T23:59:59")
    assert p1["contractPeriod"]["maxExtentDate"].startswith("2029-06-30")
    assert p1["renewal"]["maximumRenewals"] == 4
    assert "vier keer met één jaar, eenzijdig door de opdrachtgever" in p1["renewal"]["description"]
    assert "30 juni 2029" in p1["renewal"]["description"]
    weights = [(c["name"], c["numbers"][0]["number"]) for c in p1["awardCriteria"]["criteria"]]
    assert weights == [("Visie op sociaal werk in Leiden", 30), ("Aanpak en samenwerking", 30),
                       ("Transitie en continuïteit", 20), ("Prijs", 20)]
    assert tender["procurementMethod"] == "open" and tender["awardCriteria"] == "ratedCriteria"
    assert tender["submissionTerms"]["bidValidityPeriod"] == {"durationInDays": 120}
    assert [m["id"] for m in tender["milestones"]][:2] == ["publicatie", "nvi-1"]

    root = etree.fromstring(export(path, "eforms").data)
    lots = root.findall("cac:ProcurementProjectLot", NS)
    assert [lot.findtext("cbc:ID", namespaces=NS) for lot in lots] == ["LOT-0001", "LOT-0002", "LOT-0003"]
    assert root.findtext("cac:ProcurementProject/cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount", namespaces=NS) == "85500000.00"
    assert root.findtext("cac:TenderingProcess/cbc:ProcedureCode", namespaces=NS) == "oth-single"
    first = lots[0].find("cac:ProcurementProject", NS)
    assert first.findtext("cbc:ID", namespaces=NS) == "P1"
    assert first.findtext("cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount", namespaces=NS) == "28800000.00"
    assert first.findtext("cac:PlannedPeriod/cbc:StartDate", namespaces=NS) == "2020-07-01+02:00"
    assert first.findtext("cac:PlannedPeriod/cbc:EndDate", namespaces=NS) == "2025-06-30+02:00"
    assert first.findtext("cac:ContractExtension/cbc:MaximumNumberNumeric", namespaces=NS) == "4"
    assert "vier keer met één jaar" in first.findtext("cac:ContractExtension/cac:Renewal/cac:Period/cbc:Description", namespaces=NS)
    assert first.findtext("cac:MainCommodityClassification/cbc:ItemClassificationCode", namespaces=NS) == "85310000"
    weights = [p.text for p in lots[0].iterfind(".//efac:AwardCriterionParameter/efbc:ParameterNumeric", NS)]
    assert weights == ["30", "30", "20", "20"]


def test_the_notice_lists_what_is_still_to_be_filled_in():
    result = export(ROOT / "voorbeelden" / "leiden.yaml", "eforms")
    missing = {d.message.split(": ")[1].split(" ")[0] for d in result.meldingen if d.code == "D728"}
    assert {"BT-501-Organization-Company", "BT-131(t)-Lot", "BT-05-notice"} <= missing
    header = result.data.decode("utf-8").split("<ContractNotice", 1)[0]
    assert "Nog in te vullen" in header and all(field in header for field in missing)
    assert b"<cbc:CompanyID" not in result.data  # never invented


@pytest.mark.parametrize(("patch", "formaat", "expected"), [
    ({"procedure.soort": "meervoudig-onderhands", "raming.per_jaar": 40000, "percelen[0].raming.per_jaar": 15000,
      "percelen[1].raming.per_jaar": 25000}, "eforms", "D721"),
    ({"procedure.soort": "subsidietender",  # a valid subsidietender: no award decision, bid validity or court (D342)
      "procedure.subsidie": {"plafond": 300000, "verdeelmethode": "rangschikking", "wettelijke_grondslag": "Verordening",
                             "bestuursorgaan": "het college"},
      "planning.gunningsbeslissing": None, "planning.ondertekening": None, "procedure.gestanddoeningstermijn_dagen": None,
      "procedure.arrondissement": None},
     "ocds", "D723"),
])
def test_invalid_combinations_give_coded_messages(tmp_path, patch, formaat, expected):
    result = export(write_case(tmp_path, "geval", apply_patch(BASE, patch)), formaat)
    assert result.data is None and expected in codes(result)


@pytest.mark.parametrize(("patch", "subtype"), [
    ({}, "16"),  # openbaar, above the services threshold
    (LOW, "E3"),
])
def test_subtype_follows_regime(tmp_path, patch, subtype):
    result = export(write_case(tmp_path, "geval", apply_patch(BASE, patch)), "eforms")
    assert result.ok and schemas.eforms_errors(result.data) == []
    root = etree.fromstring(result.data)
    assert root.findtext(".//efac:NoticeSubType/cbc:SubTypeCode", namespaces=NS) == subtype
    assert root.findtext("cac:TenderingProcess/cbc:ProcedureCode", namespaces=NS) == "open"


def test_validation_rejects_broken_exports():
    package = json.loads(export(ROOT / "voorbeelden" / "leiden.yaml", "ocds").data)
    package["releases"][0]["tender"]["procurementMethod"] = "onderhands"
    package["releases"][0]["tender"]["lots"][0]["renewal"]["maximumRenewals"] = "vier"
    errors = schemas.ocds_errors(package)
    assert any("procurementMethod" in e for e in errors) and any("maximumRenewals" in e for e in errors)
    xml = export(ROOT / "voorbeelden" / "leiden.yaml", "eforms").data
    broken = xml.replace(b"<cbc:VersionID>01</cbc:VersionID>", b"<cbc:VersionID>01</cbc:VersionID><cbc:Onbekend>x</cbc:Onbekend>")
    assert schemas.eforms_errors(broken)


def test_schemas_come_from_the_package_not_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for cached in (schemas.release_schema, schemas._package_validator, schemas._contract_notice_schema):
        cached.cache_clear()
    path = ROOT / "voorbeelden" / "tilburg.yaml"
    assert export(path, "ocds").ok and export(path, "eforms").ok
    assert str(schemas.schema_path("ocds")).startswith(str(ROOT / "dossier"))


@pytest.mark.parametrize(("case", "subtype"), [("haarlem", "20"), ("basis", "16"), ("laag", "E3")])
def test_strict_check_runs_the_sdk_rules_offline(tmp_path, case, subtype):
    if case == "haarlem":
        path = ROOT / "voorbeelden" / "haarlem.yaml"
    else:
        path = write_case(tmp_path, case, apply_patch(BASE, LOW if case == "laag" else {}))
    result = export(path, "eforms", streng=True)
    assert etree.fromstring(result.data).findtext(".//efac:NoticeSubType/cbc:SubTypeCode", namespaces=NS) == subtype
    failed = [d for d in result.meldingen if d.code == "D725"]
    assert any("BR-BT-00131" in d.message or "BR-BT-00005" in d.message for d in failed), "the times are never in the dossier"
    # Every failed rule is about a field on the 'nog in te vullen' list: what the dossier supplies, it maps right.
    assert all(d.hint == "dit veld staat op de lijst 'nog in te vullen'" for d in failed), [d.message for d in failed]


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_cli_writes_the_file_or_nothing(tmp_path):
    target = tmp_path / "aankondiging.xml"
    done = _cli("exporteer", str(ROOT / "voorbeelden" / "leiden.yaml"), "--eforms", "--uit", str(target))
    assert done.returncode == 0, done.stderr
    assert schemas.eforms_errors(target.read_bytes()) == [] and "D728" in done.stderr
    refused = tmp_path / "open-house.xml"
    done = _cli("exporteer", str(ROOT / "voorbeelden" / "open-house.yaml"), "--eforms", "--uit", str(refused))
    assert done.returncode == 1 and "D720" in done.stderr and not refused.exists()
    done = _cli("exporteer", str(ROOT / "voorbeelden" / "leiden.yaml"))
    assert done.returncode == 2 and "--ocds" in done.stderr


def test_build_adds_exports_to_the_manifest_and_documents_to_the_release(tmp_path):
    code, findings = build_file(str(ROOT / "voorbeelden" / "leiden.yaml"), tmp_path, ["md", "ocds", "eforms"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    folder = tmp_path / "leiden"
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    listed = {f["naam"]: f["sha256"] for d in manifest["documenten"] for f in d["bestanden"]}
    assert {"ocds-releasepakket.json", "eforms-aankondiging.xml"} <= set(listed)
    assert set(listed) == {p.name for p in folder.iterdir() if not p.name.startswith(".")} - {"manifest.json"}
    documents = json.loads((folder / "ocds-releasepakket.json").read_text("utf-8"))["releases"][0]["tender"]["documents"]
    assert documents and all(d["description"] == f"SHA-256: {listed[d['id']]}" for d in documents)
    assert "aanbestedingsleidraad.md" in {d["id"] for d in documents}
    # The open house gets its OCDS export; the eForms notice is skipped with a warning, not a failed build.
    code, findings = build_file(str(ROOT / "voorbeelden" / "open-house.yaml"), tmp_path, ["md", "ocds", "eforms"], "concept")
    assert code == 0 and "D729" in [d.code for d in findings]
    assert (tmp_path / "open-house" / "ocds-releasepakket.json").exists()
    assert not (tmp_path / "open-house" / "eforms-aankondiging.xml").exists()


def test_export_takes_documents_only_from_a_build_of_this_very_file(tmp_path):
    source = tmp_path / "leiden.yaml"
    source.write_text((ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8"), "utf-8")
    assert build_file(str(source), tmp_path / "build", ["md"], "concept")[0] == 0
    done = _cli("exporteer", str(source), "--ocds", "--bouw", str(tmp_path / "build"))
    assert done.returncode == 0 and len(json.loads(done.stdout)["releases"][0]["tender"]["documents"]) >= 5
    source.write_text(source.read_text("utf-8") + "\n# gewijzigd\n", "utf-8")
    done = _cli("exporteer", str(source), "--ocds", "--bouw", str(tmp_path / "build"))
    assert done.returncode == 0 and "D727" in done.stderr
    assert "documents" not in json.loads(done.stdout)["releases"][0]["tender"]


def test_strict_check_without_saxon_is_a_coded_environment_problem(monkeypatch):
    monkeypatch.setitem(sys.modules, "saxonche", None)  # as after a broken install: the import fails
    result = export(ROOT / "voorbeelden" / "leiden.yaml", "eforms", streng=True)
    [problem] = [d for d in result.meldingen if d.is_error]
    assert problem.code == "D726" and "saxonche" in problem.message and not result.ok
