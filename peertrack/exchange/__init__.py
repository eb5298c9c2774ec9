"""Records in and out of files other programs read: CSV, JSON, iCalendar, bundles."""
