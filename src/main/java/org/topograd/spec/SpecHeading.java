package org.topograd.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * What a report shows of a spec, scalar ({@link Spec}) or tensor ({@code spec.tensor.TensorSpec}):
 * which file, its title and worth, whether students see it, and its input points as text. Grading
 * takes one kind or the other; only the reports of a student's own check and of Gradescope, which
 * speak of specs rather than graphs, take either.
 */
public interface SpecHeading {
    Path file();

    /** The file name without {@code .yaml}; names the spec in reports. */
    String id();

    String title();

    BigDecimal points();

    Visibility visibility();

    default boolean hidden() {
        return visibility() == Visibility.HIDDEN;
    }

    /**
     * The input point {@code caseName}, one {@code "x = 0.5"} an input in the graph's input order, so
     * that a failure at a random point can be tried by hand; empty where there is no such point.
     */
    List<String> inputsAt(String caseName);
}
