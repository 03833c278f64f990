#!/usr/bin/python3
"""The M/M/1 model of the SimPy comparison, written the usual SimPy way (Debian's python3-simpy
is SimPy 2.3). Prints one JSON line: customers served, wall seconds, mean time in system."""
import json
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, \
    request, simulate


class Customer(Process):
    def visit(self, server, mu, stats):
        arrived = now()
        yield request, self, server
        yield hold, self, random.expovariate(mu)
        yield release, self, server
        stats[0] += 1
        stats[1] += now() - arrived


class Source(Process):
    def generate(self, lam, mu, server, stats):
        while True:
            yield hold, self, random.expovariate(lam)
            customer = Customer()
            activate(customer, customer.visit(server, mu, stats))


def main():
    lam, mu, duration = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    random.seed(42)
    stats = [0, 0.0]
    started = time.perf_counter()
    initialize()
    server = Resource(capacity=1)
    source = Source()
    activate(source, source.generate(lam, mu, server, stats))
    simulate(until=duration)
    wall = time.perf_counter() - started
    print(json.dumps({"served": stats[0], "wall_s": wall,
                      "mean_w_s": stats[1] / max(1, stats[0])}))


if __name__ == "__main__":
    main()
