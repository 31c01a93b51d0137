"""libvirt's own C client (Debian python3-libvirt) timing the bench cases in-process.

Started with a JSON setup on argv[1]: {"uri", "prefix"}. Prints {"ready": true, "domains": N} once connected,
then answers each stdin line {"case", "warmup", "iterations"} with one line {"samples": [ms, ...]}, so the
caller can interleave short blocks of anchor and Vireo work. Each sample is one call, or one whole loop for
"xml-all", timed with perf_counter_ns.
"""
import json
import sys
import time

import libvirt


def timed(fn, warmup, iterations):
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(iterations):
        t0 = time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - t0) / 1e6)
    return out


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    setup = json.loads(sys.argv[1])
    conn = libvirt.open(setup["uri"])
    try:
        # Only the bench's own domains: other test runs may define and undefine theirs meanwhile.
        mine = [d for d in conn.listAllDomains(0) if d.name().startswith(setup["prefix"])]

        def xml_all():
            # The loop a C client writes: one XMLDesc per domain, each waiting for the one before.
            for dom in mine:
                dom.XMLDesc(0)

        bodies = {
            "get-version": conn.getVersion,
            "list-all": lambda: conn.listAllDomains(0),
            "all-stats": lambda: conn.getAllDomainStats(0, 0),
            "xml-all": xml_all,
        }
        reply({"ready": True, "domains": len(mine)})
        for line in sys.stdin:
            req = json.loads(line)
            reply({"samples": timed(bodies[req["case"]], req["warmup"], req["iterations"])})
    finally:
        conn.close()


main()
