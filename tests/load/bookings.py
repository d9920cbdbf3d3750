"""Makes COUNT bookings on the load-test page through the API, one after another, and prints each one's manage token.

    python3 bookings.py BASE_URL SLUG FIRST_START COUNT

FIRST_START is a UTC midnight in Unix seconds; booking i takes the i-th 5-minute start from there, skipping 23:55 as
book.lua does. The reschedule rounds of run.sh move these bookings (reschedule.lua).
"""
import http.client
import json
import sys
import time
from urllib.parse import urlsplit

base, slug, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
url = urlsplit(base)
connection = http.client.HTTPConnection(url.hostname, url.port)
for i in range(count):
    day, index = divmod(i, 287)
    start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(first + day * 86400 + index * 300))
    body = json.dumps({"name": f"Mover {i}", "email": f"mover{i}@example.com", "timeZone": "Etc/UTC", "starts": [start]})
    connection.request("POST", f"/api/booking-pages/{slug}/bookings", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    answer = response.read()
    if response.status != 201:
        sys.exit(f"booking {start} answered {response.status}: {answer[:300]!r}")
    print(json.loads(answer)["manageUrl"].rsplit("/", 1)[1])
