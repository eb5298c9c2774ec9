"""`peertrack --help` as the command tree prints it, kept as text so it prints without loading the parser.

The command tree (commands/app.py and the Typer definitions) stays the one source: a test holds
this text to what the tree prints, and after a change to a command's summary or a top option
this file is written anew with `python -m peertrack.commands.app`. The text is what the tree
prints on a screen at least WIDTH columns wide, and when the output is not a screen; on a narrower
screen the tree itself prints the help, folded to fit.
"""

WIDTH = 80

TEXT = """\
Usage: peertrack [OPTIONS] COMMAND [ARGS]...

  Track your peer support certifications, CE hours and renewal dates.

  Run peertrack on its own to see your dashboard.

  Examples:
    peertrack cert add "Medi-Cal Peer Support Specialist" --id ca-pss --expires 2027-06-30 --hours 20
    peertrack log-ceu "Trauma-Informed Care" --hours 3 --category ethics
    peertrack status
    peertrack export csv --cert ca-pss -o renewal.csv
    peertrack demo

Options:
  --db PATH  The database file to use (also PEERTRACK_DB).
  --plain    Plain text: no colour, no lines or boxes; for screen readers and
             grep (also PEERTRACK_PLAIN=1).
  --version  Show the version and stop.
  --help     Show this message and exit.

Commands:
  status           Show where you stand: days left, hours, pace, reminders.
  due              Show only what needs attention now (exit 1 if overdue or
                   urgent).
  log-ceu          Record a course you took, and see your new progress.
  log-work         Record hours of peer service you worked on one day.
  log-supervision  Record a supervision session: its hours and who supervised
                   you.
  init             Set up your certifications, one or several, by answering
                   questions.
  cert             Add, list, show, change, renew and remove your
                   certifications.
  ceu              List, show, change, attach to and remove the courses you
                   logged.
  work             List, show, change and remove the hours of service you
                   logged.
  supervision      List, show, change and remove the supervision sessions you
                   logged.
  deadline         Add, list, tick off and remove deadlines.
  remind           Your wellness-plan reminders: add, list, done, skip,
                   snooze.
  export           Write your records to a file: CSV, audit bundle, renewal
                   packet, calendar, JSON.
  import           Bring records in: a spreadsheet (CSV), certificate PDFs or
                   a JSON export.
  backup           Write a private copy of your records.
  restore          Put a backup back, keeping the current records first.
  check            Check your records and certificates are sound.
  config           Show and change your settings.
  completions      Tab completion scripts for bash, zsh, fish and PowerShell.
  demo             See what peertrack does, on example data.
"""
