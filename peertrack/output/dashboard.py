"""The dashboard: each certification's hours, level and what to do next, deadlines coming up, the history chart,
the wellness plan due.

It is built as lines (output.lines), so plain output is written without loading the screen library.
"""

from __future__ import annotations

import datetime as dt

from peertrack.domain import formatting as fmt
from peertrack.domain import needs
from peertrack.output.lines import Bar, Block, Line
from peertrack.output.words import LEVEL_COLOURS, rule_name

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from rich.console import Console

    from peertrack.domain.models import Deadline, Progress


def welcome() -> None:
    from rich.text import Text

    from peertrack.output.screen import make_console

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


def dashboard_lines(items: list[Progress], today: dt.date, deadlines: list[Deadline] | None,
                    plain: bool) -> list[Block]:
    """Each certification's block, then the deadlines coming up; bars unless the output is `plain`."""
    lines: list[Block] = [Line(f"Your certifications on {fmt.day(today)}", "bold")]
    if not items:
        lines.append(Line("You have no certifications yet. Add yours with: peertrack init"))
        return lines
    for item in items:
        lines.append(Line())
        lines.extend(progress_lines(item, plain))
    if deadlines:
        lines += [Line(), Line("Coming up", "bold")]
        lines.extend(Line(f"  • {fmt.day_with_distance(deadline.due, today)}  ").add(deadline.title)
                     for deadline in deadlines)
    return lines


def dashboard(items: list[Progress], today: dt.date, deadlines: list[Deadline] | None = None) -> None:
    from peertrack.output.show_lines import plain_output, show

    show(dashboard_lines(items, today, deadlines, plain_output()))


def progress_lines(item: Progress, plain: bool) -> list[Block]:
    """One certification: its name, level, hours (a bar unless `plain`), rules, and what to do next."""
    cert = item.cert
    indent = "    " if cert.endorsement_of else ""
    heading = Line(indent + cert.name, "bold").add(f"  ({cert.id})", "dim")
    if cert.number:
        heading.add(f"  no. {cert.number}")
    if cert.endorsement_of:
        heading.add(f"  endorsement of {cert.endorsement_of}", "dim")
    lines: list[Block] = [heading]

    verb = "expired" if item.days_left < 0 else "expires"
    lines.append(Line(indent + "  ").add(fmt.LEVEL_WORDS[item.level], LEVEL_COLOURS[item.level])
                 .add(f"  {verb} {fmt.day_with_distance(cert.expires, item.today)}"))

    required = cert.cycle.required_seconds
    if required and plain:
        lines.append(Line(f"{indent}  Hours: {needs.hours_of(item)}"))
    elif required:
        # What counts toward what is required: never full while anything is missing.
        lines.append(Bar(Line(indent + "  Hours"), required, item.toward_seconds, 24, LEVEL_COLOURS[item.level],
                         Line(needs.hours_of(item))))
    for category in item.categories:
        mark, style = ("✓", "green") if category.met else ("✗", "red")
        line = Line(f"{indent}    {mark} ", style).add(
            f"{rule_name(category.name, category.dimension)}: {fmt.hours(category.earned_seconds)} of "
            f"{fmt.hours_words(category.required_seconds)}")
        if not category.met:
            line.add(f", {fmt.hours_words(category.missing_seconds)} to go")
        lines.append(line)
    for training in item.trainings:  # counts of trainings, beside the hours
        mark, style = ("✓", "green") if not training.missing else ("✗", "red")
        lines.append(Line(f"{indent}    {mark} ", style).add(
            f"{training.what}: {training.done} of {training.required} this cycle"))
    beyond = needs.beyond_words(item)
    if beyond:
        lines.append(Line(f"{indent}    {beyond}"))
    if item.carried_seconds:
        lines.append(Line(f"{indent}    + {fmt.hours_words(item.carried_seconds)} carried over from the last cycle"))
    lines.extend(Line(f"{indent}    ! {needs.cap_words(cap)}", "yellow") for cap in item.caps if cap.uncounted_seconds)
    if item.not_approved:
        from peertrack.domain.providers import approval_hint, not_approved_words

        lines.extend(Line(f"{indent}    ! {not_approved_words(left_out, cert.id)}", "yellow")
                     for left_out in item.not_approved)
        hint = approval_hint(item.not_approved)
        if hint:
            lines.append(Line(f"{indent}      {hint}"))
    if item.rules_update is not None:
        from peertrack.output.rules_updates import update_heading, update_hint

        lines.append(Line(f"{indent}    ! {update_heading(cert, item.rules_update)}", "yellow"))
        lines.append(Line(f"{indent}      {update_hint(cert)}"))
    if item.unique_with and (item.shared_here or item.shared_there):
        lines.append(Line(f"{indent}    {needs.unique_words(item)}"))
    lines.extend(Line(indent + line, style) for line, style in _outlook(item))
    return lines


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


def wellness_lines(items, today: dt.date) -> list[Block]:
    """The dashboard's "Wellness plan" panel, below the certifications.

    `items` are DueReminder records (services.overview.due_reminders): each reminder due today or
    overdue, once, in kind words. No lines when none is due.
    """
    if not items:
        return []
    from peertrack.domain.recurrence.words import due_words

    return [Line(), Line("Wellness plan", "bold"), *(_due_line(item, due_words(item)) for item in items),
            Line("  Done one? peertrack remind done NUMBER. Letting one go is fine too: "
                 "peertrack remind skip NUMBER", "dim")]


def _due_line(item, words: str) -> Line:
    mark, style = ("•", "cyan") if item.days_overdue <= 0 else ("○", "yellow")
    return (Line("  ").add(f"{mark} ", style).add(f"{item.reminder.title}: ", "bold").add(words, style)
            .add(f"  (no. {item.reminder.id})", "dim"))


HISTORY_BAR_WIDTH = 30


def history_lines(histories, plain: bool) -> list[Block]:
    """CE hours month by month over each certification's current cycle (CycleHistory records).

    Each month reads as a label and a number first, then a bar, so it makes sense without
    colour and to a screen reader; plain output draws the bar with # for grep and pipes.
    """
    lines: list[Block] = []
    for history in histories:
        lines += [Line(), Line(f"CE hours by month: {history.name}", "bold").add(f"  ({history.cert_id})", "dim")]
        if not history.months:
            lines.append(Line("  Its current cycle has not started yet."))
            continue
        most = max(month.seconds for month in history.months)
        width = max(len(fmt.hours(month.seconds)) for month in history.months)
        for month in history.months:
            line = Line(f"  {month.month:%b %Y}  {fmt.hours(month.seconds):>{width}}")
            if month.seconds:
                length = max(1, round(month.seconds * HISTORY_BAR_WIDTH / most))
                line.add("  " + ("#" if plain else "█") * length, "cyan")
            lines.append(line)
        total = sum(month.seconds for month in history.months)
        lines.append(Line(f"  {fmt.hours_words(total)} logged in {fmt.counted(len(history.months), 'month')}."))
    return lines


def show(items: list[Progress], reminders: list, coming: list[Deadline], histories: list, today: dt.date,
         console: Console | None = None, work: list | None = None, pursuits: list | None = None) -> None:
    """The whole `status` screen: the certifications, deadlines coming up, the history chart if asked, the
    wellness plan (left out of a picture for someone else by passing no reminders).

    Written without the screen library when the output is plain and no console is given (a picture's is).
    """
    from peertrack.output import show_lines as output

    if console is None:
        plain = output.plain_output()
    else:
        from peertrack.output.screen import is_plain

        plain = is_plain(console)
    blocks = dashboard_lines(items, today, coming, plain)
    if work:
        from peertrack.output.work_lines import work_lines

        blocks += work_lines(work, today)
    if pursuits:  # drawn by the screen library: what comes before them is written first
        from peertrack.output.screen import make_console
        from peertrack.output.work_views import pursuits_panel

        console = console or make_console()
        output.show(blocks, console)
        pursuits_panel(pursuits, console=console)
        blocks = []
    output.show(blocks + history_lines(histories, plain) + wellness_lines(reminders, today), console)
