"""The only package that knows Rich: the views people read, and the JSON shapes for scripts."""
