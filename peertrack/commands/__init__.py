"""The Typer commands: each parses its input, calls storage and the domain, and hands results to output."""
