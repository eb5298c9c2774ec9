"""The pure rules: records, dates and cycles, requirement math, recurrence, parsing, templates as data; no I/O."""
