"""The program's entry point: answers --version at once, otherwise runs the command tree."""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from peertrack import __version__

        sys.stdout.write(f"peertrack {__version__}\n")
        return
    from peertrack.commands.app import run

    run()
