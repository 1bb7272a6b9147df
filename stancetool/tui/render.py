"""Turning untrusted article text into rich `Text`: shown literally, never as markup or terminal codes."""

from __future__ import annotations

import re

from rich.text import Text

from stancetool.models import Quote

# ESC-introduced sequences (CSI, OSC/DCS/APC/PM/SOS strings, two-byte escapes), then every other control
# character (C0, DEL, C1 such as the 8-bit CSI) except newline and tab.
_ANSI = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                    # CSI ... final byte
  | \x1b[\]PX^_].*?(?:\x07|\x1b\\|$)            # OSC, DCS, SOS, PM, APC strings up to BEL or ST
  | \x1b[ -/]*[0-~]                             # other escapes (ESC c, ESC ( B ...)
  | [\x00-\x08\x0b-\x1f\x7f-\x9f]               # remaining C0/C1 controls, DEL
    """,
    re.VERBOSE | re.DOTALL,
)


def clean_text(value: str | None) -> str:
    """`value` without terminal escape sequences and control characters (newlines and tabs kept)."""
    if not value:
        return ""
    return _ANSI.sub("", value.replace("\r\n", "\n"))


def plain(value: str | None, style: str = "") -> Text:
    """A rich Text showing `value` literally (markup such as `[bold]` stays as typed)."""
    return Text(clean_text(value), style=style)


def quote_in_context(quote: Quote, highlight: str = "bold reverse") -> Text:
    """The quotation's context with the quotation highlighted (appended below when it cannot be located)."""
    context = quote.context
    start = quote.start - quote.context_start
    end = quote.end - quote.context_start
    if not (0 <= start <= end <= len(context)) or context[start:end] != quote.text:
        found = context.find(quote.text) if quote.text else -1
        if found < 0:
            text = plain(context)
            if text.plain:
                text.append("\n\n")
            text.append(clean_text(quote.text), style=highlight)
            return text
        start, end = found, found + len(quote.text)
    text = Text()
    text.append(clean_text(context[:start]))
    text.append(clean_text(context[start:end]), style=highlight)
    text.append(clean_text(context[end:]))
    return text
