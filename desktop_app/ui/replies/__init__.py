"""The Replies view: paste replies or open a CSV export, see them sorted into report,
respond, thank and no-action (on a worker), report abuse with a ready text, answer criticism
from a suggested opening, keep a report log and the do-not-amplify list.

    feature.py   RepliesFeature: the Replies menu of the main window, opens the view
    view.py      RepliesWindow: input, filters, the list, the detail of one reply, repeat authors
    table.py     RepliesModel (Python owns every row) and the filter over it
    detail.py    ReplyDetail: why, the report text or the suggested opening, corrections
    runner.py    TriageRunner: sorting on a worker, results in batches
"""
