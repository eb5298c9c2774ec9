"""The peertrack command tree, and the one place where errors become a message and an exit status."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperArgument, TyperGroup

from peertrack import __version__

if TYPE_CHECKING:
    from typer._click.core import Command, Context  # the click that Typer carries, which its classes take

# Every command, in the order --help lists them: where it lives, and its one-line help. A command's
# module is imported only when that command runs, so start-up stays fast whichever one it is.
COMMANDS: dict[str, tuple[str, str]] = {
    "status": ("peertrack.commands.status:status", "Show where you stand: days left, hours, pace, reminders."),
    "due": ("peertrack.commands.due:due", "Show only what needs attention now (exit 1 if overdue or urgent)."),
    "log-ceu": ("peertrack.commands.courses:log_ceu", "Record a course you took, and see your new progress."),
    "log-work": ("peertrack.commands.work:log_work", "Record hours of peer service you worked on one day."),
    "log-supervision": ("peertrack.commands.work:log_supervision",
                        "Record a supervision session: its hours and who supervised you."),
    "init": ("peertrack.commands.init:init", "Set up your certifications, one or several, by answering questions."),
    "cert": ("peertrack.commands.certs:app", "Add, list, show, change, renew and remove your certifications."),
    "ceu": ("peertrack.commands.courses:app", "List, show, change, attach to and remove the courses you logged."),
    "work": ("peertrack.commands.work:work_app", "List, show, change and remove the hours of service you logged."),
    "supervision": ("peertrack.commands.work:supervision_app",
                    "List, show, change and remove the supervision sessions you logged."),
    "deadline": ("peertrack.commands.deadlines:app", "Add, list, tick off and remove deadlines."),
    "remind": ("peertrack.commands.reminders:app", "Your wellness-plan reminders: add, list, done, skip, snooze."),
    "export": ("peertrack.commands.export:app",
               "Write your records to a file: CSV, audit bundle, renewal packet, calendar, JSON."),
    "import": ("peertrack.commands.imports:import_app",
               "Bring records in: a spreadsheet (CSV), certificate PDFs or a JSON export."),
    "backup": ("peertrack.commands.backups:backup", "Write a private copy of your records."),
    "restore": ("peertrack.commands.backups:restore", "Put a backup back, keeping the current records first."),
    "check": ("peertrack.commands.check:check", "Check your records and certificates are sound."),
    "config": ("peertrack.commands.config:app", "Show and change your settings."),
    "completions": ("peertrack.commands.completions:app", "Tab completion scripts for bash, zsh, fish and PowerShell."),
    "demo": ("peertrack.commands.demo:demo", "See what peertrack does, on example data."),
}


TYPED = "peertrack.typed"  # the command line as typed, kept for advice on a title typed without quotes

# Commands that live in modules of their own and join a group, after the group's own commands.
# They join here, at the top of the tree, so no command module imports another.
JOINED: dict[str, tuple[tuple[str, str], ...]] = {
    "ceu": (("attach", "peertrack.commands.attach:attach"), ("open", "peertrack.commands.attach:open_")),
    "export": (("ics", "peertrack.commands.export_ics:ics"), ("audit", "peertrack.commands.export_records:audit"),
               ("json", "peertrack.commands.export_records:json_"),
               ("timesheet", "peertrack.commands.export_timesheet:timesheet"),
               ("packet", "peertrack.commands.export_packet:packet")),
    "import": (("certificates", "peertrack.commands.certificates:import_certificates"),),
    "cert": (("edit", "peertrack.commands.cert_changes:edit"), ("renew", "peertrack.commands.cert_changes:renew"),
             ("rm", "peertrack.commands.cert_changes:rm"), ("update", "peertrack.commands.cert_update:update"),
             ("certify", "peertrack.commands.pursuits:certify")),
}


def _found(where: str) -> Any:
    import importlib

    module_name, attribute = where.split(":")
    return getattr(importlib.import_module(module_name), attribute)


def load_command(name: str) -> Command:
    """The Typer command or group called `name`, imported now."""
    target = _found(COMMANDS[name][0])
    command: Command
    if isinstance(target, typer.Typer):
        present = {entry.name for entry in target.registered_commands}
        for sub, where in JOINED.get(name, ()):
            if sub not in present:
                target.command(sub)(_found(where))
        target.rich_markup_mode = None  # plain help: quick to print, and clean for a screen reader
        command = typer.main.get_group(target)
    else:
        holder = typer.Typer(rich_markup_mode=None, add_completion=False)  # see: peertrack completions
        holder.command(name)(target)
        command = typer.main.get_command(holder)
    command.name = name
    _name_arguments(command)
    return command


ARGUMENT_WORDS = {"cert_id": "ID", "reminder_id": "NUMBER", "course_id": "NUMBER"}


class PlainArgument(TyperArgument):
    """An argument as usage lines show it to people: TITLE when it must be given, [TITLE] when it may be left out."""

    def make_metavar(self, ctx: Context, *, usage: bool = False) -> str:
        name = self.metavar or (self.name or "").upper().replace("_", "-")
        name += "..." if self.nargs != 1 and not name.endswith("...") else ""
        return f"[{name}]" if usage and not self.required else name


def _name_arguments(command) -> None:
    """Every argument shows in usage lines as a word in capitals (TITLE, ID), never as {cert_id}."""
    for param in command.params:
        if isinstance(param, TyperArgument):
            param.__class__ = PlainArgument
            name = param.name or ""
            if not param.metavar:
                param.metavar = ARGUMENT_WORDS.get(name, name.upper().replace("_", "-"))
    for sub in getattr(command, "commands", {}).values():
        _name_arguments(sub)
        if not sub.short_help and sub.help:
            sub.short_help = _first_sentence(sub.help)  # whole, never cut off with "..."


def _first_sentence(text: str) -> str:
    paragraph = " ".join(text.strip().split("\n\n")[0].split())
    end = paragraph.find(". ")
    return paragraph[:end + 1] if end != -1 else paragraph


class PeertrackGroup(TyperGroup):
    """Finds commands in COMMANDS as they are needed, runs one, and turns whatever goes wrong into
    one plain line and an exit status."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        from peertrack.commands.arguments import top_options_first

        args = top_options_first(args)
        ctx.meta[TYPED] = list(args)
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, name: str):
        return load_command(name) if name in COMMANDS else None

    def resolve_command(self, ctx: Context, args: list[str]):
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            from peertrack.domain.errors import did_you_mean

            guess = did_you_mean(name, list(COMMANDS))
            ctx.fail(f"No such command '{name}'." + (f" Did you mean '{guess}'?" if guess else ""))
        return super().resolve_command(ctx, args)

    def shell_complete(self, ctx: Context, incomplete: str):
        # Command names from the table, so a Tab press imports no command module.
        from typer.core import CompletionItem

        found = [CompletionItem(name, help=summary) for name, (_, summary) in COMMANDS.items()
                 if name.startswith(incomplete)]
        return found + super(TyperGroup, self).shell_complete(ctx, incomplete)

    def format_commands(self, ctx: Context, formatter) -> None:
        # From the table, so `peertrack --help` imports no command module.
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in COMMANDS.items()])

    def invoke(self, ctx: Context) -> Any:
        from peertrack.storage.database import commit_count

        commits_before = commit_count()
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001 - the last guard before a traceback
            if _is_usage_error(error):
                from peertrack.commands.titles import missing_number_advice, title_advice

                error = title_advice(error, ctx.meta.get(TYPED, [])) or missing_number_advice(error) or error
                if _is_usage_error(error):
                    raise
            from peertrack.commands.common import top_options
            from peertrack.commands.failures import explain, point_to_help

            point_to_help(error, _command_words(ctx.meta.get(TYPED, [])))

            code, words = explain(error, top_options(ctx).db_path, commits_before)
            if words:
                typer.echo(words, err=True)
            raise typer.Exit(code) from None


def _command_words(typed: list[str]) -> list[str]:
    """The command as typed, without its options: ["cert", "add"]."""
    from peertrack.commands.titles import after_top_options

    words = typed[after_top_options(typed):]
    if not words or words[0] not in COMMANDS:
        return []
    path = words[:1]
    if len(words) > 1 and words[1] in getattr(load_command(words[0]), "commands", {}):
        path.append(words[1])
    return path


def _is_usage_error(error: BaseException) -> bool:
    """Typer's own usage errors (a missing option, say) print themselves and exit 2."""
    return isinstance(getattr(error, "exit_code", None), int) and callable(getattr(error, "show", None))


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
    plain: Annotated[bool, typer.Option(
        "--plain", help="Plain text: no colour, no lines or boxes; for screen readers and grep "
        "(also PEERTRACK_PLAIN=1).")] = False,
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
    if plain:
        from peertrack.output import look

        earlier = look.ask_for_plain()
        ctx.call_on_close(lambda: look.put_back(earlier))
    if db:
        from peertrack.output import hints

        typed = hints.remember_db(db)
        ctx.call_on_close(lambda: hints.put_back(typed))
    if ctx.invoked_subcommand is None:
        from peertrack.commands.status import status

        ctx.invoke(status, ctx)


def run(completing: bool = False) -> None:
    """Run the command the arguments name; `completing` when a shell's Tab press asks what could come next."""
    if completing:
        from typer.completion import completion_init

        completion_init()  # Typer's own answers for bash, zsh, fish and PowerShell
    app(prog_name="peertrack", args=sys.argv[1:])


def write_top_help() -> None:
    """Write commands/top_help.py anew from this tree's own --help, after a summary or a top option changed."""
    from pathlib import Path

    from typer.testing import CliRunner

    from peertrack.commands import top_help

    # On a screen top_help.WIDTH columns wide or more, the parser folds help at two columns fewer.
    printed = CliRunner().invoke(app, ["--help"], prog_name="peertrack", terminal_width=top_help.WIDTH - 2).stdout
    kept = Path(top_help.__file__)
    source = kept.read_text(encoding="utf-8")
    start = source.index('TEXT = """\\\n') + len('TEXT = """\\\n')
    kept.write_text(source[:start] + printed + source[source.index('"""', start):], encoding="utf-8")


if __name__ == "__main__":
    write_top_help()
