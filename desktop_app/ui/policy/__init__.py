"""The organisation's policy pack in the window: its address in Preferences, fetched on request."""
