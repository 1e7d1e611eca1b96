"""Settings, drafts, autosave and recovery on disk. Pure Python: no Qt."""
