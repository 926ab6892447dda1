"""The command line as a user runs it: three entry points, output formats, help and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

LEIDEN = str(ROOT / "voorbeelden" / "leiden.yaml")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_three_entry_points_are_the_same_command():
    outputs = [
        run(sys.executable, "build.py", "controleer", LEIDEN),
        run(sys.executable, "-m", "dossier", "check", LEIDEN),
    ]
    script = Path(sys.executable).parent / "dossier"  # the console script of this environment
    assert script.exists(), "pip install -e . installs the console script 'dossier'"
    outputs.append(run(str(script), "controleer", LEIDEN))
    assert len({o.stdout for o in outputs}) == 1
    assert all(o.returncode == 0 for o in outputs)
    assert "0 fouten, 0 waarschuwingen" in outputs[0].stdout


def test_text_output_points_at_the_line_with_hint_and_basis(tmp_path):
    source = tmp_path / "x.yaml"
    text = (ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8").replace("      aankondigingstermijn: {maanden: 6}\n", "")
    source.write_text(text, "utf-8")
    done = run(sys.executable, "build.py", "controleer", str(source))
    assert done.returncode == 1
    first = done.stdout.splitlines()[0]
    assert first.startswith(f"{source}:") and " D309 fout looptijd.verlengingsopties[0]: " in first
    line = int(first.split(":")[1])
    assert text.splitlines()[line - 1].strip().startswith("- aantal: 4")
    assert "  = hint: " in done.stdout and "  = grondslag: " in done.stdout
    assert done.stdout.strip().endswith("1 bestand gecontroleerd: 1 fout, 0 waarschuwingen.")


def test_json_and_summary():
    done = run(sys.executable, "build.py", "controleer", LEIDEN, str(ROOT / "voorbeelden" / "tilburg.yaml"),
               "--formaat", "json", "--samenvatting")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    [finding] = data["meldingen"]
    assert finding["code"] == "D311" and finding["ernst"] == "waarschuwing" and finding["regel"] > 0
    figures = data["samenvatting"][LEIDEN]
    assert figures["maximale einddatum"] == "30 juni 2029"
    assert figures["totale waarde incl. opties"] == "€\u00a085.500.000"
    assert figures["drempel"] == "€\u00a0750.000" and "verlicht" in figures["regime"]


def test_uitleg_and_schema():
    done = run(sys.executable, "build.py", "uitleg", "D302")
    assert done.returncode == 0 and "Grondslag: art. 2.15" in done.stdout
    listing = run(sys.executable, "build.py", "uitleg").stdout.splitlines()
    assert len(listing) >= 70 and listing[0].startswith("D100")
    assert run(sys.executable, "build.py", "uitleg", "X999").returncode == 2
    schema = json.loads(run(sys.executable, "build.py", "schema").stdout)
    assert schema["additionalProperties"] is False
    assert "looptijd" in schema["properties"] and "Looptijd" in schema["$defs"]


def test_help_is_dutch():
    done = run(sys.executable, "build.py", "--help")
    assert done.returncode == 0 and "gebruik:" in done.stdout and "opdrachten" in done.stdout
    assert "usage" not in done.stdout and "show this help" not in done.stdout
    done = run(sys.executable, "build.py", "bouw", "--help")
    assert "uitvoermap" in done.stdout


def test_bouw_refuses_a_dossier_with_errors(tmp_path):
    source = tmp_path / "kapot.yaml"
    source.write_text((ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8").replace("weging: 30\n", "weging: 31\n", 1), "utf-8")
    done = run(sys.executable, "build.py", "bouw", str(source), "--uit", str(tmp_path / "uit"))
    assert done.returncode == 1 and "D317" in done.stdout
    assert not (tmp_path / "uit" / "kapot").exists()


def test_json_schema_accepts_every_example_and_rejects_a_typo():
    import datetime as dt

    import jsonschema

    from dossier.invoer.load import load_file

    schema = json.loads(run(sys.executable, "build.py", "schema").stdout)
    validator = jsonschema.Draft202012Validator(schema)

    def as_json(value):  # what an editor sees: dates are text in YAML 1.2
        if isinstance(value, dict):
            return {k: as_json(v) for k, v in value.items()}
        if isinstance(value, list):
            return [as_json(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    for example in sorted((ROOT / "voorbeelden").glob("*.yaml")):
        data = as_json(load_file(example).data)
        assert not list(validator.iter_errors(data)), example.name
    data["looptyd"] = {}
    assert list(validator.iter_errors(data))
