package org.topograd.grading;

import java.util.Locale;

/** The checks made at every input point of every spec, in the order they are reported. */
public enum Check {
    /** The student's nodes evaluated in the reference order: every node's value. */
    FORWARD("the student's forward() of each node, evaluated in the reference order"),
    /** The student's nodes driven by the reference traversal: every node's gradient, seeded 1, 0 and 2. */
    GRADIENT("the student's backward() of each node, driven by topograd's traversal"),
    /** The student's Backprop on topograd's own probe nodes: the order and the gradients. */
    TRAVERSAL("the student's Backprop (topologicalOrder and backward) on topograd's nodes"),
    /** The student's Backprop with the student's nodes. */
    END_TO_END("the student's Backprop with the student's nodes"),
    /** The student's forward by central differences against the student's own backward. */
    NUMERICAL("the student's own forward, differentiated numerically, against their backward");

    private final String description;

    Check(String description) {
        this.description = description;
    }

    /** The name in reports and in {@code assignment.yaml}: {@code end_to_end}. */
    public String reportName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
