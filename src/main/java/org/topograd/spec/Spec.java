package org.topograd.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * @param places where each input and graph entry is named in the file (none for generated graphs)
 */
public record Spec(
        Path file,
        String id,
        String title,
        BigDecimal points,
        Visibility visibility,
        Graph graph,
        List<Case> cases,
        Tolerance tolerance,
        Map<String, Location> places) implements SpecHeading {

    public Spec {
        cases = List.copyOf(cases);
        places = Map.copyOf(places);
    }

    /** A spec without places, as a test or a generator makes one. */
    public Spec(Path file, String id, String title, BigDecimal points, Visibility visibility, Graph graph,
            List<Case> cases, Tolerance tolerance) {
        this(file, id, title, points, visibility, graph, cases, tolerance, Map.of());
    }

    /** Where a node is named in the file: its place, or the spec's first line. */
    public Location place(String name) {
        return places.getOrDefault(name, new Location(file, 1, 1));
    }

    @Override
    public boolean hidden() {
        return visibility == Visibility.HIDDEN;
    }

    @Override
    public List<String> inputsAt(String caseName) {
        for (Case c : cases) {
            if (c.name().equals(caseName)) {
                List<String> shown = new java.util.ArrayList<>();
                for (int k = 0; k < graph.inputNames().size(); k++) {
                    shown.add(graph.inputNames().get(k) + " = " + NumberText.format(c.input(k)));
                }
                return shown;
            }
        }
        return List.of();
    }
}
