"""The only package that speaks SQL: the database file and every record in it.

Import the part you need by name (`from peertrack.storage.certs import load_cert`), so a command
pays only for the records it touches and the type checker sees every call. The everyday commands
use the standard library's sqlite3, which starts fast; schema migrations (storage.migrations)
bring in sqlite-utils only when the schema must change.
"""
