"""Replies to our posts: sorted into report, respond, thank and no-action (pure Python).

    sources   Reply; pasted text split into replies; CSV exports read (columns found by name)
    judge     ReplyPolicy (what policy/replies.yml says), Triage, Verdict, judge()
    wording   the ready report text, the police note and the suggested opening of a reply
    authors   authors with repeated reports; matching the do-not-amplify list
    log       the report log: entries, statuses, corrections; CSV and HTML export

The checks themselves run above this package (desktop_app/triage.py runs the engine and the
learned second opinion and hands their findings to judge()); nothing here reads a policy
file or imports Qt.
"""
