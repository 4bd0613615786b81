package org.topograd.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed, well-formed spec: one graph and the points it is checked at.
 *
 * @param file where it was read from
 * @param id the file name without {@code .yaml}; names the spec in reports
 * @param title the instructor's title
 * @param points what the spec is worth, exact
 * @param visibility whether students see it
 * @param graph the computation graph
 * @param cases the input points: {@code main} first, then listed cases, then random points
 * @param tolerance how close a value must be to pass
 */
public record Spec(
        Path file,
        String id,
        String title,
        BigDecimal points,
        Visibility visibility,
        Graph graph,
        List<Case> cases,
        Tolerance tolerance) {

    public Spec {
        cases = List.copyOf(cases);
    }

    public boolean hidden() {
        return visibility == Visibility.HIDDEN;
    }
}
