"""Parses iCalendar files with a real parser (Debian's python3-icalendar) and prints what they hold, as JSON.

    python3 ics_parse.py FILE.ics [FILE.ics ...]   one JSON object per file, in a JSON list

Each object: the METHOD, the component names in order (an injected VEVENT shows here), and per VEVENT its property
names (an injected property shows there) and decoded values, with the ORGANIZER's and ATTENDEEs' parameters.
"""
import json
import sys

from icalendar import Calendar


def text(value):
    return None if value is None else str(value)


def party(prop):
    params = dict(prop.params)
    return {"address": str(prop), **{k.lower(): str(v) for k, v in params.items()}}


def describe(raw):
    calendar = Calendar.from_ical(raw)
    events = []
    for event in calendar.walk("VEVENT"):
        attendees = event.get("ATTENDEE")
        if attendees is not None and not isinstance(attendees, list):
            attendees = [attendees]
        events.append({
            "properties": [name for name, _ in event.property_items(recursive=False)][1:-1],
            "uid": text(event.get("UID")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": text(event.get("STATUS")),
            "summary": text(event.get("SUMMARY")),
            "description": text(event.get("DESCRIPTION")),
            "location": text(event.get("LOCATION")),
            "url": text(event.get("URL")),
            "start": event.decoded("DTSTART").isoformat(),
            "organizer": party(event["ORGANIZER"]) if "ORGANIZER" in event else None,
            "attendees": [party(a) for a in attendees or []],
        })
    return {
        "method": text(calendar.get("METHOD")),
        "components": [component.name for component in calendar.walk()],
        "events": events,
    }


if __name__ == "__main__":
    result = []
    for path in sys.argv[1:]:
        with open(path, "rb") as handle:
            result.append(describe(handle.read()))
    print(json.dumps(result))
