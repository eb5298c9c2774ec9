"""The dashboard: each certification's hours, level and what to do next, deadlines coming up, the history chart."""

from __future__ import annotations

import datetime as dt

from rich.console import Console, Group
from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.domain import needs
from peertrack.output.screen import LEVEL_COLOURS, is_plain, level_text, make_console
from peertrack.output.words import rule_name

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import Deadline, Progress


def welcome() -> None:
    console = make_console()
    console.print(Text("Welcome to peertrack.", style="bold"))
    console.print("It keeps track of your peer support certifications, the continuing-education (CE) "
                  "hours you earn, and your renewal dates, all in one private file on this computer.")
    console.print()
    console.print("To start, answer a few questions about your certification:")
    console.print("  peertrack init")
    console.print("Or add it in one line, for example:")
    console.print('  peertrack cert add --template ca-medi-cal-pss --id ca-pss --number PSS-01234 --expires 2027-06-30',
                  soft_wrap=True)
    console.print()
    console.print("Or see what peertrack does with example data (your own records are not touched):")
    console.print("  peertrack demo")


def dashboard(items: list[Progress], today: dt.date, deadlines: list[Deadline] | None = None,
              console: Console | None = None) -> None:
    console = console or make_console()
    console.print(Text(f"Your certifications on {fmt.day(today)}", style="bold"))
    if not items:
        console.print("You have no certifications yet. Add yours with: peertrack init")
        return
    for item in items:
        console.print()
        console.print(progress_block(item, plain=is_plain(console)))
    if deadlines:
        console.print()
        console.print(Text("Coming up", style="bold"))
        for deadline in deadlines:
            line = Text(f"  • {fmt.day_with_distance(deadline.due, today)}  ")
            line.append(deadline.title)
            console.print(line)


def progress_block(item: Progress, plain: bool) -> Group:
    cert = item.cert
    indent = "    " if cert.endorsement_of else ""
    heading = Text(indent + cert.name, style="bold")
    heading.append(f"  ({cert.id})", style="dim")
    if cert.number:
        heading.append(f"  no. {cert.number}")
    if cert.endorsement_of:
        heading.append(f"  endorsement of {cert.endorsement_of}", style="dim")
    lines: list = [heading]

    status = Text(indent + "  ")
    status.append_text(level_text(item.level))
    verb = "expired" if item.days_left < 0 else "expires"
    status.append(f"  {verb} {fmt.day_with_distance(cert.expires, item.today)}")
    lines.append(status)

    required = cert.cycle.required_seconds
    if required and plain:
        lines.append(Text(f"{indent}  Hours: {needs.hours_of(item)}"))
    elif required:
        from rich.progress_bar import ProgressBar  # here: plain output draws no bar
        from rich.table import Table

        bar = Table.grid(padding=(0, 1))
        # What counts toward what is required: never full while anything is missing.
        bar.add_row(
            Text(indent + "  Hours"),
            ProgressBar(total=required, completed=item.toward_seconds, width=24,
                        complete_style=LEVEL_COLOURS[item.level], finished_style="green"),
            Text(needs.hours_of(item)),
        )
        lines.append(bar)
    for category in item.categories:
        mark, style = ("✓", "green") if category.met else ("✗", "red")
        line = Text(f"{indent}    {mark} ", style=style)
        line.append(f"{rule_name(category.name, category.dimension)}: {fmt.hours(category.earned_seconds)} of "
                    f"{fmt.hours_words(category.required_seconds)}")
        if not category.met:
            line.append(f", {fmt.hours_words(category.missing_seconds)} to go")
        lines.append(line)
    for training in item.trainings:  # counts of trainings, beside the hours
        mark, style = ("✓", "green") if not training.missing else ("✗", "red")
        line = Text(f"{indent}    {mark} ", style=style)
        line.append(f"{training.what}: {training.done} of {training.required} this cycle")
        lines.append(line)
    beyond = needs.beyond_words(item)
    if beyond:
        lines.append(Text(f"{indent}    {beyond}"))
    if item.carried_seconds:
        lines.append(Text(f"{indent}    + {fmt.hours_words(item.carried_seconds)} carried over from the last cycle"))
    for cap in item.caps:
        if cap.uncounted_seconds:
            lines.append(Text(f"{indent}    ! {fmt.hours(cap.uncounted_seconds)} of your "
                              f"{fmt.hours(cap.logged_seconds)} {rule_name(cap.name, cap.dimension)} hours do not "
                              f"count: at most {fmt.hours(cap.cap_seconds)} count", style="yellow"))
    if item.not_approved:
        from peertrack.domain.providers import approval_hint, not_approved_words

        lines.extend(Text(f"{indent}    ! {not_approved_words(left_out, cert.id)}", style="yellow")
                     for left_out in item.not_approved)
        hint = approval_hint(item.not_approved)
        if hint:
            lines.append(Text(f"{indent}      {hint}"))
    if item.unique_with and (item.shared_here or item.shared_there):
        lines.append(Text(f"{indent}    {needs.unique_words(item)}"))
    lines.extend(Text(indent + line, style=style) for line, style in _outlook(item))
    return Group(*lines)


def _outlook(item: Progress) -> list[tuple[str, str]]:
    """What to do next, in a sentence or two."""
    cert = item.cert
    body = cert.body or "your certifying body"
    late = item.late
    if late is not None and late.now is not None:
        stage = late.words[0].upper() + late.words[1:] + "."
        if late.now.ended:
            again = "reactivating" if late.now.stage.stage == "inactive" else "reinstating"
            return [(f"  {stage} Contact {body} about {again} it.", "red")]
        return [(f"  This certification has expired, but it can still be renewed late. {stage}", "red"),
                (f"  Renew it with {body}, then record it with: peertrack cert renew {cert.id}", "red")]
    if item.level == "lapsed":
        ended = f": {late.words}" if late is not None else ""
        return [(f"  This certification has lapsed{ended}. Contact {body} about reinstating it.", "red")]
    if item.days_left < 0:
        return [(f"  This certification has expired. Renew it with {body}, "
                 f"then record it with: peertrack cert renew {cert.id}", "red")]
    trainings = needs.trainings_words(item)
    if not item.missing_seconds and trainings:
        return [(f"  All the hours this cycle needs are in; still needed: {trainings}.", "yellow")]
    if not item.missing_seconds:
        return [("  All the hours this cycle needs are in. Well done.", "green")]
    lines = [("  " + needs.still_needed(item), "")]
    if trainings:
        lines.append((f"  Also needed: {trainings}.", ""))
    behind = needs.behind_words(item)
    if behind:
        lines.append(("  " + behind, LEVEL_COLOURS["behind"]))
    if item.recent_seconds_per_month is not None and item.projected_seconds is not None and item.days_left >= 31:
        recent = fmt.hours_words(item.recent_seconds_per_month)
        required = cert.cycle.required_seconds
        if not item.recent_seconds_per_month:
            logged = "that count " if item.not_approved else ""  # some were logged, but do not count
            lines.append((f"  No hours {logged}logged in the last 6 months: a course soon would help.", "yellow"))
        elif item.projected_seconds >= required and all(c.met for c in item.categories):
            lines.append((f"  At your pace of the last 6 months (about {recent} a month), the hours will be "
                          "there in time.", "green"))
        elif item.projected_seconds >= required:
            unmet = " and ".join(needs.hours_name(c) for c in item.categories if not c.met)
            lines.append((f"  At your pace of the last 6 months (about {recent} a month), you would have about "
                          f"{fmt.hours(item.projected_seconds)} hours by then; the {unmet} need courses "
                          "of their own.", "yellow"))
        else:
            lines.append((f"  At your pace of the last 6 months (about {recent} a month), you would have about "
                          f"{fmt.hours(item.projected_seconds)} of {fmt.hours(required)} hours by then.",
                          "yellow"))
    if not item.exact:
        lines.append(("  These rules are too many to try every choice of what counts: this one is good, "
                      "but may not be the best.", "yellow"))
    return lines


HISTORY_BAR_WIDTH = 30


def history_chart(histories, console: Console | None = None) -> None:
    """CE hours month by month over each certification's current cycle (CycleHistory records).

    Each month reads as a label and a number first, then a bar, so it makes sense without
    colour and to a screen reader; plain output draws the bar with # for grep and pipes.
    """
    console = console or make_console()
    plain = is_plain(console)
    for history in histories:
        console.print()
        heading = Text(f"CE hours by month: {history.name}", style="bold")
        heading.append(f"  ({history.cert_id})", style="dim")
        console.print(heading)
        if not history.months:
            console.print("  Its current cycle has not started yet.")
            continue
        most = max(month.seconds for month in history.months)
        width = max(len(fmt.hours(month.seconds)) for month in history.months)
        for month in history.months:
            line = Text(f"  {month.month:%b %Y}  {fmt.hours(month.seconds):>{width}}")
            if month.seconds:
                length = max(1, round(month.seconds * HISTORY_BAR_WIDTH / most))
                line.append("  " + ("#" if plain else "█") * length, style="cyan")
            console.print(line)
        total = sum(month.seconds for month in history.months)
        count = fmt.counted(len(history.months), "month")
        console.print(f"  {fmt.hours_words(total)} logged in {count}.")


def show(items: list[Progress], reminders: list, coming: list[Deadline], histories: list, today: dt.date,
         console: Console | None = None, work: list | None = None, pursuits: list | None = None) -> None:
    """The whole `status` screen: the certifications, deadlines coming up, the history chart if asked, the
    wellness plan (left out of a picture for someone else by passing no reminders)."""
    from peertrack.output.reminders import wellness_panel

    dashboard(items, today, coming, console=console)
    if work:
        from peertrack.output.work_views import work_panel

        work_panel(work, today, console=console)
    if pursuits:
        from peertrack.output.work_views import pursuits_panel

        pursuits_panel(pursuits, console=console)
    if histories:
        history_chart(histories, console=console)
    wellness_panel(reminders, today, console=console)
