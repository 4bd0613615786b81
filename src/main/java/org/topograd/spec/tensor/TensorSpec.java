package org.topograd.spec.tensor;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.topograd.spec.Location;
import org.topograd.spec.SpecHeading;
import org.topograd.spec.Tolerance;
import org.topograd.spec.Visibility;

/**
 * A parsed, well-formed tensor spec: one shape-checked graph and the points it is checked at. The
 * tensor counterpart of {@code spec.Spec}.
 *
 * @param file where it was read from
 * @param id the file name without {@code .yaml}; names the spec in reports
 * @param title the instructor's title
 * @param points what the spec is worth, exact
 * @param visibility whether students see it
 * @param graph the graph; its constants (labels among them) hold their values
 * @param cases the input points: {@code main} first, then listed cases, then random points
 * @param tolerance how close each element must be to pass
 * @param places where each input, constant and graph entry is named in the file
 * @param constants the names of the {@code constants} entries, in the order written
 */
public record TensorSpec(
        Path file,
        String id,
        String title,
        BigDecimal points,
        Visibility visibility,
        TensorGraph graph,
        List<TensorCase> cases,
        Tolerance tolerance,
        Map<String, Location> places,
        List<String> constants) implements SpecHeading {

    public TensorSpec {
        cases = List.copyOf(cases);
        places = Map.copyOf(places);
        constants = List.copyOf(constants);
    }

    /** Where a node is named in the file: its place, or the spec's first line. */
    public Location place(String name) {
        return places.getOrDefault(name, new Location(file, 1, 1));
    }

    @Override
    public boolean hidden() {
        return visibility == Visibility.HIDDEN;
    }

    /** Small tensors by value ({@code b = [0.5, -1]}), larger ones by shape ({@code W of shape [3, 5]}). */
    @Override
    public List<String> inputsAt(String caseName) {
        for (TensorCase c : cases) {
            if (c.name().equals(caseName)) {
                List<String> shown = new java.util.ArrayList<>();
                for (int k = 0; k < graph.inputCount(); k++) {
                    TensorValue v = c.input(k);
                    shown.add(graph.inputNames().get(k) + (v.size() <= SHOWN_ELEMENTS ? " = " + v.toText()
                            : " of shape " + v.shape()));
                }
                return shown;
            }
        }
        return List.of();
    }

    /** The most elements an input shown by value has: a point that fits a line of a report. */
    static final int SHOWN_ELEMENTS = 6;
}
