package org.topograd.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import org.topograd.grading.Points;

/**
 * The one JSON style topograd writes: two-space indents, {@code \n} line ends whatever the platform,
 * characters such as {@code <} and {@code '} written as they are, and a final newline; so the same
 * data always gives the same bytes.
 */
public final class Json {
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private Json() {}

    public static String render(JsonElement element) {
        return GSON.toJson(element) + "\n";
    }

    /** Hundredths of a point as a JSON number written as in the CSVs: {@code 10}, {@code 2.5}, {@code 3.33}. */
    public static JsonPrimitive points(long hundredths) {
        return new JsonPrimitive(new BigDecimal(Points.format(hundredths)));
    }

    /** A percentage as {@link Points#percent} writes it, as a JSON number. */
    public static JsonPrimitive percent(long score, long max) {
        return new JsonPrimitive(new BigDecimal(Points.percent(score, max)));
    }
}
