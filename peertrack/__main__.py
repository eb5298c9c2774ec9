"""Lets `python -m peertrack` run the command-line tool."""

from peertrack.cli import main

main()
