"""Accept or reject all tracked changes of a Word file in LibreOffice and save its text.

Run with a Python that has LibreOffice's ``uno`` module (Debian: python3-uno, the system Python):
``python3 libreoffice_revisies.py IN.docx OUT.txt accept|reject|tekst PROFILE_DIR`` (``tekst``: as it is). LibreOffice runs
headless with a private profile, so it neither needs nor touches a user's settings.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def as_text(docx, out, profile):
    """The file as it is, converted on the command line: LibreOffice 7.4 drops the UNO bridge when it
    stores a file with comments (a concept with the checker's warnings) as text; the command line does not."""
    folder = tempfile.mkdtemp()
    try:
        subprocess.run(["soffice", f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", "--headless", "--convert-to",
                        "txt:Text (encoded):UTF8", "--outdir", folder, os.path.abspath(docx)], check=True, capture_output=True, timeout=240)
        shutil.move(os.path.join(folder, os.path.splitext(os.path.basename(docx))[0] + ".txt"), out)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(docx, out, mode, profile):
    if mode == "tekst":
        return as_text(docx, out, profile)
    pipe = f"dossier{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                               f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", f"--accept=pipe,name={pipe};urp;"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.25)
        else:
            raise SystemExit("LibreOffice antwoordt niet")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(docx)), "_blank", 0, (prop("Hidden", True),))
        if mode in ("accept", "reject"):
            dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
            dispatcher.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF")))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge closes while terminating
            pass
    finally:
        try:
            office.wait(60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:5])
