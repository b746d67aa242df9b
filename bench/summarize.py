#!/usr/bin/env python3
"""One table row per measured run of a series written by bench/decisions-series.sh.

    summarize.py <results-dir>

For the measured part of each run (after its warm-up): the generator's per-call percentiles, the service's own
p99 and count of calls over 50 ms (its access log), the most dirty page-cache memory and the largest write to
the disk in half a second (the run's trace), and what PostgreSQL's log says finished in it: checkpoints started
and autovacuum's vacuums and analyzes with their CPU seconds.
"""
import datetime
import glob
import os
import re
import sys

SLOW_MS = 50


def generator_report(path):
    text = open(path).read()
    percentiles = re.search(r'p50 ([\d.]+)\s+p95 ([\d.]+)\s+p99 ([\d.]+)\s+p99\.9 ([\d.]+)', text)
    warmup = re.search(r'warming up for (\d+)s', text)
    length = re.search(r'requests in ([\d.]+) s', text)
    if not (percentiles and warmup and length):
        sys.exit(f'{path}: not a finished generator report')
    return [float(p) for p in percentiles.groups()], int(warmup.group(1)), float(length.group(1))


def trace(path):
    rows = [line.split() for line in open(path)]
    return [(float(r[0]), int(r[1]), int(r[3])) for r in rows]


def access_log(results):
    calls = []
    for path in glob.glob(os.path.join(results, 'access', '*')):
        for line in open(path):
            columns = line.split()
            if len(columns) == 4 and columns[3].startswith('/api/v1/cases'):
                calls.append((int(columns[0]) / 1000, int(columns[2]) / 1000))
    return calls


LOG_LINE = re.compile(r'^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTC \[\d+\] LOG:  (.*)')
CPU = re.compile(r'CPU: user: ([\d.]+) s, system: ([\d.]+) s')


def postgres_log(results):
    """(unix time, kind, CPU seconds) for each checkpoint start, autovacuum vacuum and analyze."""
    events, current = [], None
    for path in sorted(glob.glob(os.path.join(results, 'pg', 'log', '*.log'))):
        for line in open(path):
            match = LOG_LINE.match(line)
            if match:
                at = datetime.datetime.strptime(match.group(1), '%Y-%m-%d %H:%M:%S.%f').replace(
                    tzinfo=datetime.timezone.utc).timestamp()
                message = match.group(2)
                current = None
                if message.startswith('checkpoint starting'):
                    events.append([at, 'checkpoint', 0.0])
                elif message.startswith('automatic vacuum'):
                    current = [at, 'vacuum', 0.0]
                elif message.startswith('automatic analyze'):
                    current = [at, 'analyze', 0.0]
                if current:
                    events.append(current)
            cpu = CPU.search(line)
            if cpu and current:
                current[2] += float(cpu.group(1)) + float(cpu.group(2))
    return events


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float('nan')


def main():
    results = sys.argv[1]
    calls, events = access_log(results), postgres_log(results)
    print('| run | arm | p50 | p95 | p99 | p99.9 | server p99 | calls > 50 ms | dirty max | largest write in 0.5 s '
          '| checkpoints | vacuums (CPU s) | analyzes (CPU s) |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    runs = sorted(glob.glob(os.path.join(results, '*-*.txt')), key=lambda p: int(os.path.basename(p).split('-')[0]))
    for report in runs:
        number, arm = os.path.basename(report)[:-4].split('-', 1)
        if arm == 'W':
            continue
        (p50, p95, p99, p999), warmup, length = generator_report(report)
        samples = trace(report[:-4] + '.trace')
        start = samples[0][0] + warmup
        end = start + length
        measured = [ms for at, ms in calls if start <= at <= end]
        half_seconds = {}
        for at, _, written in samples:
            if start <= at <= end:
                half_seconds[int(at * 2)] = half_seconds.get(int(at * 2), 0) + written
        dirty = max(d for at, d, _ in samples if start <= at <= end)
        inside = [e for e in events if start <= e[0] <= end]

        def count(kind):
            chosen = [e for e in inside if e[1] == kind]
            return '%d (%.1f)' % (len(chosen), sum(e[2] for e in chosen))

        print('| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d MB | %d MB | %d | %s | %s |' % (
            number, arm, p50, p95, p99, p999, percentile(measured, 0.99), sum(1 for ms in measured if ms > SLOW_MS),
            dirty // 1024, max(half_seconds.values()) // 1024, sum(1 for e in inside if e[1] == 'checkpoint'),
            count('vacuum'), count('analyze')))


if __name__ == '__main__':
    main()
