"""The largest and smallest values peertrack accepts, in one place, so every limit has the same clear words."""

FIRST_YEAR = 1900  # dates before and after these are typing mistakes, and date arithmetic near year 1
LAST_YEAR = 2199   # or 9999 would overflow
MAX_RECORD_NUMBER = 2**53 - 1  # a record number SQLite, JSON and every script reading --json agree on
MAX_STORED_AMOUNT = 10**12  # hours, minutes or seconds, file sizes: far past any real amount
MAX_DAYS = 36_600  # a span of days someone may type: a hundred years
MAX_NAME = 500  # a title, a name, a provider
MAX_STORED_TEXT = 100_000  # a note, or any text in a record
MAX_FILE_NAME_BYTES = 255  # what most filesystems allow in one name
MAX_JSON_DEPTH = 20  # a peertrack export nests 4 deep; far deeper is not one
