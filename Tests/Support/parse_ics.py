"""Parses an iCalendar file with the `icalendar` package (a standard parser, not EnPlan's code)
and prints one line per event: UID, DTSTART as ISO with its zone, STATUS, SEQUENCE."""
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    print(ev["UID"], start.isoformat(), str(start.tzinfo), ev.get("STATUS"), ev.get("SEQUENCE"))
