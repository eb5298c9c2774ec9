"""The peertrack command tree, and the one place where errors become a message and an exit status."""

import sys
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from peertrack import __version__, storage
from peertrack.commands import (
    attach,
    certs,
    config,
    courses,
    deadlines,
    demo,
    due,
    export,
    export_ics,
    export_records,
    init,
    records,
    reminders,
    status,
)
from peertrack.commands.common import session
from peertrack.errors import PeertrackError


class PeertrackGroup(TyperGroup):
    """Runs a command and turns whatever goes wrong into one plain line and an exit status."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PeertrackError as error:
            report(error)
            raise typer.Exit(error.EXIT_CODE) from None
        except KeyboardInterrupt:
            typer.echo("\nStopped. Nothing was changed.", err=True)
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as error:  # noqa: BLE001 - the last guard before a traceback reaches a person
            if _is_usage_error(error):
                raise
            problem = storage.problem_from(error, session(ctx).db_path)
            if problem is not None:
                report(problem)
                raise typer.Exit(problem.EXIT_CODE) from None
            from peertrack.crash import log_crash

            log = log_crash(error, ctx)
            typer.echo(f"Something went wrong that peertrack did not expect ({type(error).__name__}: {error}).\n"
                       f"Your records were not changed. The details are in {log}", err=True)
            raise typer.Exit(1) from None


def _is_usage_error(error: Exception) -> bool:
    """Typer's own usage errors (a missing option, say) print themselves and exit 2."""
    return isinstance(getattr(error, "exit_code", None), int) and callable(getattr(error, "show", None))


def report(error: PeertrackError) -> None:
    typer.echo(f"Error: {error.message}", err=True)
    if error.hint:
        typer.echo(error.hint, err=True)


app = typer.Typer(
    name="peertrack",
    cls=PeertrackGroup,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"peertrack {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option(
        "--db", metavar="PATH", help="The database file to use (also PEERTRACK_DB).", show_default=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", help="Show the version and stop.", callback=_show_version, is_eager=True)] = False,
) -> None:
    """Track your peer support certifications, CE hours and renewal dates.

    Run peertrack on its own to see your dashboard.

    \b
    Examples:
      peertrack cert add "Medi-Cal Peer Support Specialist" --id ca-pss --expires 2027-06-30 --hours 20
      peertrack log-ceu "Trauma-Informed Care" --hours 3 --category ethics
      peertrack status
      peertrack export csv --cert ca-pss -o renewal.csv
      peertrack demo
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(status.status, ctx)


app.command("status")(status.status)
app.command("due")(due.due)
app.command("log-ceu")(courses.log_ceu)
app.command("init")(init.init)
app.add_typer(certs.app, name="cert")
app.add_typer(courses.app, name="ceu")
app.add_typer(deadlines.app, name="deadline")
app.add_typer(export.app, name="export")
app.add_typer(reminders.app, name="remind")
export.app.command("ics")(export_ics.ics)
app.add_typer(config.app, name="config")
app.command("demo")(demo.demo)
courses.app.command("attach")(attach.attach)
courses.app.command("open")(attach.open_)
app.add_typer(records.import_app, name="import")
app.command("backup")(records.backup)
app.command("restore")(records.restore)
app.command("check")(records.check)
export.app.command("audit")(export_records.audit)
export.app.command("json")(export_records.json_)


def run() -> None:
    app(prog_name="peertrack", args=sys.argv[1:])
