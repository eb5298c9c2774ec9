"""peertrack config ...: the few settings you can change, kept in your database."""

from typing import Annotated

import typer

from peertrack.commands import completers
from peertrack.commands.common import JsonOption, open_db, open_existing
from peertrack.services.overview import load_settings
from peertrack.storage.certs import load_cert
from peertrack.storage.database import transaction
from peertrack.storage.settings import save_setting

app = typer.Typer(help="Show and change your settings.", no_args_is_help=True)

KeyArgument = Annotated[str, typer.Argument(help="The setting's name, e.g. warn-days.", show_default=False,
                                            autocompletion=completers.setting_keys)]


@app.command("show")
def show(ctx: typer.Context, json: JsonOption = False) -> None:
    """Show every setting and its value.

    \b
    Examples:
      peertrack config show
      peertrack config show --json
    """
    from peertrack.domain.settings import KEYS, shown

    conn = open_existing(ctx)
    settings = load_settings(conn)
    values = shown(settings)
    if json:
        from peertrack.output import porcelain

        porcelain.emit(values)
        return
    values["warn-days"] = ",".join(str(day) for day in settings.warn_days)
    for key, explanation in KEYS.items():
        typer.echo(f"{key} = {values[key] if values[key] is not None else '(not set)'}")
        typer.echo(f"    {explanation}")


@app.command("set")
def set_(ctx: typer.Context, key: KeyArgument,
         value: Annotated[str, typer.Argument(help="The new value.", show_default=False,
                                              autocompletion=completers.setting_values)]) -> None:
    """Change a setting.

    \b
    Examples:
      peertrack config set warn-days 90,30,7
      peertrack config set default-cert ca-pss
      peertrack config set date-format us
      peertrack config set name "Jordan Rivera"
    """
    from peertrack.domain.settings import parse_value

    key = key.strip().lower()
    stored = parse_value(key, value)
    if key == "default-cert":
        conn = open_existing(ctx)
        if conn is None:
            from peertrack.domain.errors import unknown_cert

            raise unknown_cert(stored, [])
        load_cert(conn, stored)  # one you hold, or "did you mean ...?"
    conn = open_db(ctx)
    with transaction(conn):
        save_setting(conn, key, stored)
    typer.echo(f"✓ {key} = {stored}", err=True)


@app.command("unset")
def unset(ctx: typer.Context, key: KeyArgument) -> None:
    """Put a setting back to its default.

    \b
    Examples:
      peertrack config unset warn-days
      peertrack config unset date-format
    """
    from peertrack.domain.errors import NotFound
    from peertrack.domain.settings import KEYS

    key = key.strip().lower()
    if key not in KEYS:
        raise NotFound("setting", key, list(KEYS), hint="See them all with: peertrack config show")
    conn = open_db(ctx)
    with transaction(conn):
        save_setting(conn, key, None)
    typer.echo(f"✓ {key} is back to its default.", err=True)
