"""peertrack init, driven through its questions: the state first, several certifications, a wellness plan."""

import json

import pytest

STATE_QUESTION = ("Which state do you work in? (a name or a code, like Pennsylvania or PA; "
                  "Enter for national ones only): ")
PA_LIST = """
Which of these do you hold? (Rules change: confirm them with your certifying body.)
   1. Certified Peer Specialist (Pennsylvania Certification Board)
   2. Certified Recovery Specialist / Certified Family Recovery Specialist (Pennsylvania Certification Board)
   3. Peer Recovery (PR) credential standard (IC&RC)
   4. National Certified Peer Recovery Support Specialist (NCPRSS) (NAADAC / NCC AP)
   5. National Certified Peer Specialist (NCPS) (National Certification Board for Behavioral Health Professionals (NCBBHP))
   6. Certified Family Peer Specialist (CFPS) (National Federation of Families)
   7. Another one, not listed: I will type its rules myself
"""  # noqa: E501 - as printed


def answers(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


def certs(ok) -> list[tuple]:
    return [(c["id"], c["number"], c["expires"]) for c in json.loads(ok("cert", "list", "--json").stdout)]


def reminders(ok) -> list[tuple]:
    return [(r["title"], r["rrule"], r["at"]) for r in json.loads(ok("remind", "list", "--json").stdout)]


def test_two_certifications_and_a_weekly_meeting_in_one_go(run, ok):
    result = run("init", input=answers(
        "Pensylvania", "PA",  # a slip, then the state
        "", "1,2",  # nothing chosen is explained, then two
        "", "CPS-1", "", "2027-06-30",  # the id offered; an expiry left blank is explained
        "", "CRS-9", "13/01/2028", "2028-01-13",  # a day-first date is offered, not guessed
        "2", "", "thu", "18:30",  # the recovery meeting: the day is asked, not picked
        "yes"))
    assert result.exit_code == 0, result.stderr
    err = result.stderr
    assert err.startswith("Let's set up peertrack. I will ask a few questions; nothing is saved until you say yes "
                          "at the end.\n" + STATE_QUESTION)
    assert ('Sorry, "Pensylvania" is not a US state I know. Certifications are set by each state\'s board, so I '
            "show your state's first. Type a state's name or its two letters, like Texas or TX, or press Enter for "
            "national ones only.\n") in err
    assert PA_LIST in err
    assert ("Please choose at least one: I need to know which certifications to keep track of. Type its number, "
            "or 7 for one not listed.\n") in err
    assert ("Please answer this one: Your hours are counted within each renewal cycle, and this date is where the "
            "cycle ends.\n") in err
    assert ('Sorry, that did not work. The date "13/01/2028" has no month 13: peertrack reads dates month first. '
            "Did you mean 13 January 2028? Write 2028-01-13") in err
    assert ("Please answer this one: A reminder on the wrong day is no help, so I ask rather than guess.\n"
            "Recovery meeting: which day of the week (like thu): ") in err
    assert """
Here is what will be saved:
  1. Certified Peer Specialist (pa-cps), certificate number CPS-1
     expires Wed 30 Jun 2027 (in 240 days); this cycle began Tue 1 Jul 2025 and needs 36 hours of CE, at least 24 peer support, at least 3 ethics
  2. Certified Recovery Specialist / Certified Family Recovery Specialist (pa-crs), certificate number CRS-9
     expires Thu 13 Jan 2028 (in 437 days); this cycle began Wed 14 Jan 2026 and needs 30 hours of CE, at least 6 ethics, at least 3 confidentiality
  In all: 66 hours of CE across 2 certifications (one course can count toward several).
  Wellness plan:
     Recovery meeting, every week on Thursday at 18:30
Save all of this? (yes or no) [yes]: ✓ Saved 2 certifications and 1 wellness reminder.
""" in err  # noqa: E501 - as printed
    assert result.stdout.startswith("Your certifications on Mon 2 Nov 2026\n")
    assert "(pa-cps)" in result.stdout and "(pa-crs)" in result.stdout
    assert certs(ok) == [("pa-cps", "CPS-1", "2027-06-30"), ("pa-crs", "CRS-9", "2028-01-13")]
    assert reminders(ok) == [("Recovery meeting", "FREQ=WEEKLY;BYDAY=TH", "18:30")]


def test_a_second_run_offers_only_what_is_not_there_yet(run, ok):
    first = run("init", input=answers("PA", "1", "", "", "2027-06-30", "1,2,3,4,5", "07:30", "thu", "18:30",
                                      "mon", "", "fri", "16:00", "", "yes"))
    assert first.exit_code == 0, first.stderr
    assert sorted(reminders(ok)) == [
        ("Daily check-in", "FREQ=DAILY", "07:30"), ("Recovery meeting", "FREQ=WEEKLY;BYDAY=TH", "18:30"),
        ("Self-care hour", "FREQ=WEEKLY;BYDAY=FR", "16:00"), ("Supervision", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", None),
        ("Wellness plan review", "FREQ=MONTHLY;BYMONTHDAY=2", None)]
    second = run("init", input=answers("PA", "1", "2", "", "", "2028-01-13", "yes"))
    assert second.exit_code == 0, second.stderr
    assert ("You already have: Certified Peer Specialist (pa-cps). Any you add now join them.\n"
            in second.stderr)
    assert ("You already have Certified Peer Specialist: see it with: peertrack cert show pa-cps. Choose the "
            "others, or press Ctrl-C to stop.\n") in second.stderr
    assert ("Your wellness plan already has the ready reminders (see them with: peertrack remind list).\n"
            in second.stderr)
    assert "Would you like reminders" not in second.stderr
    assert [c[0] for c in certs(ok)] == ["pa-cps", "pa-crs"]
    assert len(reminders(ok)) == 5


def test_one_not_listed_with_its_rules_asked_again_after_bad_answers(run, ok):
    result = run("init", input=answers(
        "", "5", "", "County Peer Credential", "forever", "1y", "twenty", "8", "My County", "county", "",
        "2027-02-28", "", "yes"))
    assert result.exit_code == 0, result.stderr
    for words in ('The cycle "forever" is not a cycle length', 'The hours "twenty" is not a number of hours',
                  'The id "My County" is not a usable id',
                  "Please answer this one: The name is how the certification is shown on your dashboard"):
        assert words in result.stderr
    data = json.loads(ok("cert", "show", "county", "--json").stdout)
    assert (data["name"], data["hours_required"], data["cycle_months"]) == ("County Peer Credential", 8, 12)


@pytest.mark.parametrize("ending", [answers("no"), ""])
def test_nothing_is_saved_without_a_yes(run, db_path, ending):
    result = run("init", input=answers("PA", "1", "", "", "2027-06-30", "") + ending)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert ("Nothing was saved. Run peertrack init again whenever you like.\n" in result.stderr if ending
            else result.stderr.endswith("\nStopped before the end: nothing was saved.\n"))
    assert not db_path.exists()


def test_the_day_first_setting_reads_the_expiry_day_first(run, ok):
    ok("config", "set", "date-format", "day-first")
    result = run("init", input=answers("PA", "1", "", "", "30/06/2027", "", "yes"))
    assert result.exit_code == 0, result.stderr
    assert certs(ok) == [("pa-cps", None, "2027-06-30")]


def test_a_board_whose_first_cycle_follows_the_exam_asks_when_you_were_certified(run, ok):
    """Georgia: CE starts on 1 January after the exam year. Certified 1 May 2026, nothing is owed in 2026."""
    result = run("init", input=answers("GA", "2", "", "", "2026-05-01", "", "", "yes"))
    assert result.exit_code == 0, result.stderr
    assert "When were you first certified (like 2026-05-01; Enter if before your last renewal)" in result.stderr
    assert "When does it expire (like 2027-06-30) [2027-12-31]" in result.stderr  # offered from the board's dates
    assert "this cycle begins Fri 1 Jan 2027" in result.stderr
    logged = " ".join(ok("log-ceu", "Peer ethics", "--hours", "2", "--date", "2026-10-01").stderr.split())
    assert ("Note: 2026-10-01 is outside the current cycle of ga-cps (2027-01-01 to 2027-12-31), so it does not "
            "count toward this cycle.") in logged
    data = json.loads(ok("status", "--json").stdout)["certifications"][0]
    assert (data["id"], data["cycle_start"], data["level"]) == ("ga-cps", "2027-01-01", "ok")


def test_a_cycle_its_board_does_not_state_is_asked_with_no_guess(run, ok):
    """New York's CRPA: its board's page gives no cycle length, so none is offered; a blank answer is explained."""
    result = run("init", input=answers("NY", "3", "", "3y", "", "CRPA-1", "2028-03-31", "", "yes"))
    assert result.exit_code == 0, result.stderr
    assert "How long is one renewal cycle (like 1y, 2y or 3y; your certificate's dates show it): " \
        "Please answer this one: Its board's page does not say, and a guess would put every date and number " \
        "wrong. Your certificate, or your last renewal notice, shows it." in result.stderr
    [cert] = json.loads(ok("cert", "list", "--json").stdout)
    assert (cert["id"], cert["cycle_months"], cert["cycle_start"]) == ("ny-crpa", 36, "2025-04-01")
