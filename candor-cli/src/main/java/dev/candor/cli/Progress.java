package dev.candor.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** A progress bar on standard error, redrawn in place; silent for a single file or when not on a terminal. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private final AtomicInteger done = new AtomicInteger();

    Progress(PrintWriter err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
    }

    void step() {
        int n = done.incrementAndGet();
        if (enabled) {
            int filled = total == 0 ? WIDTH : n * WIDTH / total;
            synchronized (err) {
                err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total);
                err.flush();
            }
        }
    }

    void done() {
        if (enabled) {
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }
}
