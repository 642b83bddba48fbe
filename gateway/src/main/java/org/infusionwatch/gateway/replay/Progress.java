package org.infusionwatch.gateway.replay;

import java.io.PrintStream;

/** A one-line progress bar on the console for long replays; silent for short ones. */
final class Progress {
    private static final long SHOW_FROM = 10_000;
    private final PrintStream out;
    private final long total;
    private int shownPercent = -1;

    Progress(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    void at(long done) {
        if (total < SHOW_FROM) {
            return;
        }
        int percent = (int) (done * 100 / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            int bars = percent / 5;
            out.print("\rreplay [" + "#".repeat(bars) + " ".repeat(20 - bars) + "] " + percent + "% " + done + "/" + total);
            if (done == total) {
                out.println();
            }
            out.flush();
        }
    }
}
