"""Limits shared by the window and the command line, defined once here."""

# Posts are short; the longest network limit is about 63,000 characters. Beyond this a text
# is not checked whole, so a pasted book or an endless stream cannot keep the engine busy
# for minutes. The window checks only the first MAX_CHECKED characters (and says so); the
# command line refuses a longer input with a one-line message.
MAX_CHECKED = 64_000
