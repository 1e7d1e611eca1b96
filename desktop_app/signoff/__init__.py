"""The sign-off sheet: one page that says what will be published on each network, what the
checks found, what was ignored and why, and who approved it. Pure Python (no Qt): the
window (ui/review) and `drafting-assistant review` build the same sheet from the same data;
only laying the PDF out needs Qt (ui/review/pdf.py).

    data = SheetData(...)           # signoff.sheet: what goes on the sheet
    html = build_sheet_html(data)   # the sheet as HTML (Qt's rich text and browsers alike)
    pack_label(pack)                # "the policy pack and version" line (signoff.pack_label)
    sheet_versions(content, platforms, check)   # each chosen network's version, checked
    too_long_to_sign_off(content)   # why a draft too long to check is refused, or None
"""

from desktop_app.signoff.assemble import sheet_versions, too_long_to_sign_off
from desktop_app.signoff.pack_label import pack_label
from desktop_app.signoff.sheet import NetworkVersion, SheetData, build_sheet_html, open_must_fix

__all__ = [
    "NetworkVersion",
    "SheetData",
    "build_sheet_html",
    "open_must_fix",
    "pack_label",
    "sheet_versions",
    "too_long_to_sign_off",
]
