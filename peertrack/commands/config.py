"""peertrack config ...: the few settings you can change, kept in your database."""

from typing import Annotated

import typer

from peertrack import storage
from peertrack.commands.common import JsonOption, load_settings, open_db, open_existing

app = typer.Typer(help="Show and change your settings.", no_args_is_help=True)

KeyArgument = Annotated[str, typer.Argument(help="The setting's name, e.g. warn-days.", show_default=False)]


@app.command("show")
def show(ctx: typer.Context, json: JsonOption = False) -> None:
    """Show every setting and its value.

    \b
    Examples:
      peertrack config show
      peertrack config show --json
    """
    from peertrack.settings import KEYS

    conn = open_existing(ctx)
    settings = load_settings(conn)
    values = {"warn-days": ",".join(str(day) for day in settings.warn_days), "name": settings.name}
    if json:
        from peertrack import porcelain

        porcelain.emit({"warn-days": list(settings.warn_days), "name": settings.name})
        return
    for key, explanation in KEYS.items():
        typer.echo(f"{key} = {values[key] if values[key] is not None else '(not set)'}")
        typer.echo(f"    {explanation}")


@app.command("set")
def set_(ctx: typer.Context, key: KeyArgument,
         value: Annotated[str, typer.Argument(help="The new value.", show_default=False)]) -> None:
    """Change a setting.

    \b
    Examples:
      peertrack config set warn-days 90,30,7
      peertrack config set name "Alex Rivera"
    """
    from peertrack.settings import parse_value

    key = key.strip().lower()
    stored = parse_value(key, value)
    conn = open_db(ctx)
    with storage.transaction(conn):
        storage.save_setting(conn, key, stored)
    typer.echo(f"✓ {key} = {stored}", err=True)


@app.command("unset")
def unset(ctx: typer.Context, key: KeyArgument) -> None:
    """Put a setting back to its default.

    \b
    Examples:
      peertrack config unset warn-days
      peertrack config unset name
    """
    from peertrack.errors import NotFound
    from peertrack.settings import KEYS

    key = key.strip().lower()
    if key not in KEYS:
        raise NotFound("setting", key, list(KEYS), hint="See them all with: peertrack config show")
    conn = open_db(ctx)
    with storage.transaction(conn):
        storage.save_setting(conn, key, None)
    typer.echo(f"✓ {key} is back to its default.", err=True)
