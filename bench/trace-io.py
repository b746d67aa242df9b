#!/usr/bin/env python3
"""Samples the page cache's dirty and writeback memory and a disk's writes every 100 ms.

    trace-io.py <disk, e.g. vda> <seconds> <out>

Each line of <out>: unix time, Dirty kB, Writeback kB, kB written to the disk since the last line, and the
milliseconds the disk spent on writes since the last line (/proc/meminfo, /proc/diskstats).
"""
import sys
import time


def memory():
    fields = {}
    with open('/proc/meminfo') as meminfo:
        for line in meminfo:
            name, value = line.split(':', 1)
            if name in ('Dirty', 'Writeback'):
                fields[name] = int(value.split()[0])
    return fields['Dirty'], fields['Writeback']


def disk_writes(disk):
    with open('/proc/diskstats') as stats:
        for line in stats:
            columns = line.split()
            if columns[2] == disk:
                return int(columns[9]), int(columns[10])  # sectors written, ms spent writing
    sys.exit(f'no disk {disk} in /proc/diskstats')


def main():
    disk, seconds, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    end = time.time() + seconds
    previous = disk_writes(disk)
    with open(out, 'w') as trace:
        while time.time() < end:
            time.sleep(0.1)
            dirty, writeback = memory()
            current = disk_writes(disk)
            trace.write('%.2f %d %d %d %d\n' % (time.time(), dirty, writeback,
                                                (current[0] - previous[0]) * 512 // 1024, current[1] - previous[1]))
            previous = current


if __name__ == '__main__':
    main()
