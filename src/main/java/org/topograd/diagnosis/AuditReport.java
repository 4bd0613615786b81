package org.topograd.diagnosis;

import java.util.List;
import org.topograd.grading.Check;

/** The text {@code topograd audit} prints: one block per bug, then the gaps and the degenerate specs. */
public final class AuditReport {
    private static final int WIDTH = 38;

    private AuditReport() {}

    public static String render(SuiteAudit.Report report) {
        StringBuilder out = new StringBuilder();
        int specs = report.specIds().size();
        out.append("audit: ").append(specs).append(specs == 1 ? " spec, " : " specs, ").append(report.verdicts().size())
                .append(" classic mistakes, each a mutant of the reference engine\n\n");
        for (SuiteAudit.Verdict v : report.verdicts()) {
            String name = v.bug() + " ".repeat(Math.max(1, WIDTH - v.bug().length()));
            String indent = " ".repeat(Math.max(WIDTH, v.bug().length() + 1));
            if (v.survives()) {
                out.append(name).append("SURVIVES: ").append(v.gap()).append('\n');
            } else {
                List<String> checks = v.checks().stream().map(Check::reportName).toList();
                out.append(name).append("caught by ").append(v.caughtBy().size())
                        .append(v.caughtBy().size() == 1 ? " spec" : " specs").append(" (")
                        .append(String.join(", ", checks)).append("): ").append(String.join(", ", v.caughtBy()))
                        .append('\n');
            }
            if (!v.notPredicted().isEmpty()) {
                out.append(indent).append("not predicted on ").append(String.join(", ", v.notPredicted()))
                        .append(" (too many paths to follow)\n");
            }
        }
        if (!report.gaps().isEmpty()) {
            out.append("\ngaps in the suite:\n");
            report.gaps().forEach(g -> out.append("  warning: ").append(g).append('\n'));
        }
        if (!report.degenerate().isEmpty()) {
            out.append("\ndegenerate specs:\n");
            report.degenerate().forEach(d -> out.append("  warning: ").append(d).append('\n'));
        }
        int survivors = report.survivors().size();
        out.append('\n').append(survivors == 0 ? "audit: every mutant is caught"
                : "audit: " + survivors + (survivors == 1 ? " mutant survives" : " mutants survive")
                        + " the whole suite: " + String.join(", ", report.survivors().stream()
                                .map(SuiteAudit.Verdict::bug).toList()) + "; add specs that catch "
                        + (survivors == 1 ? "it" : "them")).append('\n');
        return out.toString();
    }
}
