package org.topograd.picture.tensor;

import java.util.ArrayList;
import java.util.List;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorValues;
import org.topograd.picture.GraphPicture;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.Shape;

/**
 * A tensor in one cell of a picture: every element, rounded as the scalar picture rounds, for a
 * tensor of at most {@link #SHOWN} elements (a matrix one row a line, elements in columns); beyond,
 * a summary: the least and greatest element and the first few. A student's wrong elements are
 * marked (bold red), and a summary says how many are wrong and where.
 */
public final class TensorCells {
    /**
     * Tensors up to this many elements are shown in full: a 3 x 4 matrix, a 2 x 6. Every element
     * takes ten significant digits, so a card of two such tensors side by side is still readable.
     */
    public static final int SHOWN = 12;
    /** How many elements a summary shows, and how many wrong indices it lists. */
    static final int FIRST = 4;
    private static final String MARK = "<FONT COLOR=\"" + "#cc0000" + "\"><B>";
    private static final String UNMARK = "</B></FONT>";

    private TensorCells() {}

    /**
     * The flat indices of the elements of {@code got} outside {@code tolerance} of {@code want}'s
     * (same shape), in order.
     */
    public static List<Integer> wrong(NDArray got, NDArray want, Tolerance tolerance) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            if (!tolerance.accepts(got.at(i), want.at(i))) {
                wrong.add(i);
            }
        }
        return wrong;
    }

    /** A tensor with no element marked. */
    public static String cell(NDArray x) {
        return cell(x, List.of());
    }

    /** A tensor with the elements at {@code wrong} (flat indices) marked. */
    public static String cell(NDArray x, List<Integer> wrong) {
        if (x.rank() == 0) {
            String number = GraphPicture.number(x.item());
            return wrong.isEmpty() ? number : MARK + number + UNMARK;
        }
        return x.size() <= SHOWN ? grid(x, wrong) : summary(x, wrong);
    }

    /** Every element in a borderless table: a vector one row, a matrix one row per row. */
    private static String grid(NDArray x, List<Integer> wrong) {
        int columns = x.dim(x.rank() - 1);
        StringBuilder t = new StringBuilder("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
        for (int i = 0; i < x.size(); i++) {
            if (i % columns == 0) {
                t.append("<TR>");
            }
            String number = GraphPicture.number(x.at(i));
            t.append("<TD ALIGN=\"RIGHT\">").append(wrong.contains(i) ? MARK + number + UNMARK : number)
                    .append("</TD>");
            if (i % columns == columns - 1) {
                t.append("</TR>");
            }
        }
        if (x.size() == 0) {
            t.append("<TR><TD>(no elements)</TD></TR>");
        }
        return t.append("</TABLE>").toString();
    }

    /** "min -0.98, max 0.97", the first elements row-major, and how many are wrong where. */
    private static String summary(NDArray x, List<Integer> wrong) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int nan = 0;
        for (int i = 0; i < x.size(); i++) {
            double v = x.at(i);
            if (Double.isNaN(v)) {
                nan++;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        StringBuilder s = new StringBuilder();
        if (nan < x.size()) {
            s.append("min ").append(GraphPicture.number(min)).append(", max ").append(GraphPicture.number(max));
        }
        if (nan > 0) {
            s.append(nan < x.size() ? ", " : "").append(nan).append(" NaN");
        }
        s.append("<BR/>");
        for (int i = 0; i < FIRST; i++) {
            s.append(GraphPicture.number(x.at(i))).append(", ");
        }
        s.append("…");
        if (!wrong.isEmpty()) {
            Shape shape = Shape.of(x.shape());
            s.append("<BR/>").append(MARK).append(wrong.size()).append(" of ").append(x.size()).append(" wrong: ")
                    .append(indices(shape, wrong)).append(UNMARK);
        }
        return s.toString();
    }

    /** The first few indices written as after a name, "[0, 1], [2, 4], …". */
    static String indices(Shape shape, List<Integer> wrong) {
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < wrong.size() && k < FIRST; k++) {
            shown.add(TensorValues.index(shape, wrong.get(k)));
        }
        return String.join(", ", shown) + (wrong.size() > FIRST ? ", …" : "");
    }
}
