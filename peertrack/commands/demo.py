"""peertrack demo: the dashboard on example data, in a throwaway file."""

import tempfile
from pathlib import Path

from peertrack import clock, storage


def demo() -> None:
    """See what peertrack does, on example data. Your own records are not touched.

    It fills a temporary database with two certifications and a few courses,
    shows the dashboard, then deletes the temporary file.

    \b
    Examples:
      peertrack demo
      PEERTRACK_TODAY=2027-05-01 peertrack demo
    """
    from peertrack import demo as examples
    from peertrack import render
    from peertrack.commands.common import progress_of

    today = clock.today()
    with tempfile.TemporaryDirectory(prefix="peertrack-demo-") as folder:
        conn = storage.connect(Path(folder) / "demo.db")
        try:
            with storage.transaction(conn):
                for cert in examples.certifications(today):
                    storage.insert_cert(conn, cert)
                for course in examples.courses(today):
                    storage.insert_course(conn, course)
            render.dashboard(progress_of(conn, storage.load_certs(conn), today), today)
        finally:
            conn.close()
    render.say("\nThat was example data in a temporary file, now deleted; your own records were not touched.\n"
               "Start your own with: peertrack cert add --help")
