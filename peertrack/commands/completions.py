"""peertrack completions ...: Tab completion scripts for bash, zsh, fish and PowerShell."""

from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(help="Tab completion for your shell: write or show the scripts.", no_args_is_help=True)

# Each shell's script, under the file name that shell looks for.
SCRIPTS = {"bash": "peertrack.bash", "zsh": "_peertrack", "fish": "peertrack.fish", "powershell": "peertrack.ps1"}
COMPLETE_VAR = "_PEERTRACK_COMPLETE"

# Loaded from a folder in fpath, zsh runs the file itself at the first Tab press: it must then answer
# at once, not only register the function for the next press (the way Click writes it too).
ZSH_REGISTER = "compdef _peertrack_completion peertrack"
ZSH_LOAD_OR_REGISTER = """if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _peertrack_completion "$@"
else
  compdef _peertrack_completion peertrack
fi"""


def shells(incomplete: str) -> list[tuple[str, str]]:
    """What Tab offers for SHELL."""
    return [(shell, "") for shell in SCRIPTS]


ShellArgument = Annotated[str, typer.Argument(help="bash, zsh, fish or powershell.", metavar="SHELL",
                                              show_default=False, autocompletion=shells)]


def script_for(shell: str) -> str:
    """The completion script for one shell, as `completions generate` writes it."""
    from typer.completion import get_completion_script

    name = _shell(shell, "SHELL")
    body = get_completion_script(prog_name="peertrack", complete_var=COMPLETE_VAR, shell=name)
    note = "# Tab completion for peertrack. Made by: peertrack completions generate (do not edit by hand)."
    first, _, rest = body.partition("\n")
    if first.startswith("#compdef"):  # zsh reads this line first, so the note goes after it
        return f"{first}\n{note}\n{rest.replace(ZSH_REGISTER, ZSH_LOAD_OR_REGISTER)}\n"
    return f"{note}\n{body}\n"


@app.command("generate")
def generate(
    shell: Annotated[Optional[list[str]], typer.Option(
        "--shell", metavar="SHELL", help="Only this shell: bash, zsh, fish or powershell; repeat for more. "
        "Default: all four.", show_default=False, autocompletion=shells)] = None,
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="DIR", help="The folder to write them in. Default: this folder.", file_okay=False,
        show_default=False)] = Path("."),
) -> None:
    """Write each shell's completion script into a folder.

    The files are peertrack.bash, _peertrack (zsh), peertrack.fish and peertrack.ps1.
    See the README for where each shell looks for them.

    \b
    Examples:
      peertrack completions generate -o completions
      peertrack completions generate --shell bash -o ~/.local/share/bash-completion/completions
    """
    from peertrack.output.screen import say

    chosen = [_shell(name, "--shell") for name in shell] if shell else list(SCRIPTS)
    try:
        output.mkdir(parents=True, exist_ok=True)
        for name in chosen:
            (output / SCRIPTS[name]).write_text(script_for(name), encoding="utf-8", newline="\n")
    except OSError as error:
        from peertrack.domain.errors import PeertrackError

        raise PeertrackError(f"Could not write the completion scripts in {output}: {error.strerror}.",
                             "Check the folder exists and you may write to it.") from None
    for name in chosen:
        say(f"✓ Wrote {output / SCRIPTS[name]} ({name})")


@app.command("show")
def show(shell: ShellArgument) -> None:
    """Print one shell's completion script.

    Save it where that shell looks for completions (see the README), or in any file
    your shell's start-up file reads.

    \b
    Examples:
      peertrack completions show bash > ~/.local/share/bash-completion/completions/peertrack
      peertrack completions show zsh > ~/.zfunc/_peertrack
      peertrack completions show fish > ~/.config/fish/completions/peertrack.fish
    """
    typer.echo(script_for(shell), nl=False)


def _shell(given: str, field: str) -> str:
    name = given.strip().lower()
    name = "powershell" if name == "pwsh" else name
    if name not in SCRIPTS:
        from peertrack.domain.errors import InvalidInput

        raise InvalidInput(field, given, "use bash, zsh, fish or powershell", problem="is not a shell peertrack knows")
    return name
