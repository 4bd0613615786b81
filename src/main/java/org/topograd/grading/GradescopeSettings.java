package org.topograd.grading;

import java.util.List;

/**
 * How {@code grade --format gradescope} shows results on Gradescope, from the {@code gradescope:}
 * section of {@code specs/assignment.yaml}.
 *
 * @param hiddenVisibility when students see the tests of hidden specs: one of Gradescope's
 *     visibilities ({@link #VISIBILITIES}); visible specs' tests are always {@code visible}
 */
public record GradescopeSettings(String hiddenVisibility) {
    /** Gradescope's visibilities of a test, from never shown to shown at once. */
    public static final List<String> VISIBILITIES = List.of("hidden", "after_due_date", "after_published", "visible");

    /** Hidden specs' tests appear when the instructor publishes the grades, not before. */
    public static final GradescopeSettings DEFAULT = new GradescopeSettings("after_published");

    public GradescopeSettings {
        if (!VISIBILITIES.contains(hiddenVisibility)) {
            throw new IllegalArgumentException("not a Gradescope visibility: " + hiddenVisibility);
        }
    }
}
