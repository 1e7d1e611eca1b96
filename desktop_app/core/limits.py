"""Limits shared by the window and the command line, defined once here."""

# Posts are short; the longest network limit is about 63,000 characters. Beyond this a text
# is not checked whole, so a pasted book or an endless stream cannot keep the engine busy
# for minutes. The window checks only the first MAX_CHECKED characters (and says so); the
# command line refuses a longer input with a one-line message.
MAX_CHECKED = 64_000


def start_of(text: str, limit: int = MAX_CHECKED) -> str:
    """The first `limit` characters of `text`, ended at the last line break or sentence end
    in the final thousand, else the last space (a draft should not end in half a sentence,
    still less half a word)."""
    if len(text) <= limit:
        return text
    base = max(0, limit - 1000)
    window = text[base : limit + 1]
    ends = [window.rfind(end) for end in ("\n", ". ", "! ", "? ")]
    cut = max(ends)
    if cut >= 0:
        cut += 1  # keep the full stop
    else:
        cut = window.rfind(" ")
    return text[: base + cut].rstrip() if cut >= 0 else text[:limit]
