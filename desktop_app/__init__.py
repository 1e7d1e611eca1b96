"""Drafting Assistant: check social-media drafts against the organisation's principles."""

__version__ = "0.1.0"
APP_NAME = "Drafting Assistant"
APP_ID = "drafting-assistant"
