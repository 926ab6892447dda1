"""Accept or reject all tracked changes of a Word file in LibreOffice and save its text.

Run with a Python that has LibreOffice's ``uno`` module (Debian: python3-uno, the system Python):
``python3 libreoffice_revisies.py IN.docx OUT.txt accept|reject|tekst PROFILE_DIR`` (``tekst``: as it is). LibreOffice runs
headless with a private profile, so it neither needs nor touches a user's settings.
"""

import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(docx, out, mode, profile):
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
