package org.topograd.grading;

import java.util.Locale;

/** The checks made at every input point of every spec, in the order they are reported. */
public enum Check {
    /** The student's nodes evaluated in the reference order: every node's value. */
    FORWARD("your forward() of each node, evaluated in the reference order"),
    /** The student's nodes driven by the reference traversal: every node's gradient, seeded 1, 0 and 2. */
    GRADIENT("your backward() of each node, driven by topograd's traversal"),
    /** The student's Backprop on topograd's own probe nodes: the order and the gradients. */
    TRAVERSAL("your Backprop (topologicalOrder and backward) on topograd's nodes"),
    /** The student's Backprop with the student's nodes. */
    END_TO_END("your Backprop with your own nodes"),
    /** The student's forward by central differences against the student's own backward. */
    NUMERICAL("your own forward, differentiated numerically, against your backward");

    private final String description;

    Check(String description) {
        this.description = description;
    }

    /** The name in reports and in {@code assignment.yaml}: {@code end_to_end}. */
    public String reportName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the check runs, said to the student (Gradescope shows it with each test). */
    public String description() {
        return description;
    }
}
