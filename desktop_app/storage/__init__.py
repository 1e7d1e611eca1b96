"""Settings, drafts, autosave and recovery on disk. Pure Python: no Qt."""

# A draft's title before it has words (storage.drafts). Here, so the window's title bar can
# say it before the first paint without loading the drafts store.
UNTITLED = "Untitled draft"
