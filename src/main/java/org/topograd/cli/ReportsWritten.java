package org.topograd.cli;

import java.io.PrintWriter;
import org.topograd.report.ReportFolder;

/** How {@code grade} and {@code merge} end: every file they wrote into the reports folder, by kind. */
final class ReportsWritten {
    private ReportsWritten() {}

    /**
     * @param students the class: one scorecard, page, log and state file each
     * @param writtenNow how many of them this run graded (or merged); the others' files were kept
     */
    static void print(PrintWriter out, ReportFolder folder, int students, int writtenNow) {
        String now = writtenNow == students ? " (" + students + ")" : " (" + writtenNow + " written now, " + students
                + " in all)";
        out.println("summary:    " + folder.summary());
        out.println("report:     " + folder.index() + " (open it in a browser)");
        out.println("pages:      " + folder.page("<student>") + " (" + students + ")");
        out.println("scorecards: " + folder.scorecard("<student>") + now);
        out.println("logs:       " + folder.log("<student>") + now);
        out.println("state:      " + folder.state("<student>") + now + ", for the next grade and for merge");
    }
}
