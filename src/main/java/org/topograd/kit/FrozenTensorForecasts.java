package org.topograd.kit;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topograd.grading.Check;
import org.topograd.grading.TensorDiagnostician.Threw;
import org.topograd.grading.TensorDiagnostician.WrongShape;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.naming.Mistake;
import org.topograd.naming.tensor.TensorForecast;
import org.topograd.naming.tensor.TensorForecastSource;

/**
 * What each classic tensor mistake would give at each point of a kit's visible tensor specs, as the
 * full tool computed it when the kit was made, so that the kit names a tensor bug exactly as the full
 * tool does without the tensor reference engine: {@link FrozenForecasts}' scheme (one resource per
 * spec, read the first time a check of it fails, only the forecasts a diagnosis could name) for
 * {@link TensorForecast}s. Anything that does not fit the spec means no diagnosis, never a wrong one.
 */
final class FrozenTensorForecasts implements TensorForecastSource {
    private static final String FOLDER = "org/topograd/kit/tensor-forecasts/";

    private final List<Mistake> mistakes;
    private final Map<String, String> shas;
    private final Map<String, String> files;
    private final FrozenAnswers.Resources resources;
    private final Map<String, List<List<TensorForecast>>> loaded = new HashMap<>();

    FrozenTensorForecasts(List<Mistake> mistakes, Map<String, String> shas, Map<String, String> files,
            FrozenAnswers.Resources resources) {
        this.mistakes = List.copyOf(mistakes);
        this.shas = Map.copyOf(shas);
        this.files = Map.copyOf(files);
        this.resources = resources;
    }

    /** The resource of the kit's {@code index}-th tensor spec's forecasts. */
    static String resource(int index) {
        return FOLDER + index + ".json";
    }

    // ---- writing -------------------------------------------------------------------------------

    /** One tensor spec's forecasts, those a diagnosis could name, at every point. */
    static byte[] freeze(TensorSpecAnswers spec, String sha, TensorForecastSource forecasts, List<Mistake> mistakes)
            throws IOException {
        return ForecastFiles.write(spec.spec().id(), sha, spec.cases().size(), (out, c) -> {
            out.beginArray();
            List<TensorForecast> point = forecasts.at(spec, c);
            for (TensorForecast f : point == null ? List.<TensorForecast>of() : point) {
                if (f.useful()) {
                    write(out, f, mistakes);
                }
            }
            out.endArray();
        });
    }

    private static void write(JsonWriter out, TensorForecast f, List<Mistake> mistakes) throws IOException {
        out.beginObject();
        FrozenForecasts.writeHead(out, f.mistake(), f.failing(), mistakes);
        if (f.grads() != null) {
            out.name("grads");
            KitJson.doubles(out, f.grads());
        }
        shape(out, "wrong_shape", f.wrongShape());
        shape(out, "end_to_end_shape", f.endToEndShape());
        if (f.threw() != null) {
            out.name("threw").beginObject();
            out.name("after").value(f.threw().after());
            out.name("exception").value(f.threw().exception());
            out.endObject();
        }
        out.name("edges");
        KitJson.ints(out, f.edges());
        out.endObject();
    }

    private static void shape(JsonWriter out, String name, WrongShape shape) throws IOException {
        if (shape != null) {
            out.name(name).beginObject();
            out.name("node").value(shape.node());
            out.name("after").value(shape.after());
            out.name("shape");
            KitJson.ints(out, shape.shape());
            out.endObject();
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    @Override
    public synchronized List<TensorForecast> at(TensorSpecAnswers spec, int caseIndex) {
        String id = spec.spec().id();
        if (!loaded.containsKey(id)) {
            loaded.put(id, load(spec));
        }
        List<List<TensorForecast>> points = loaded.get(id);
        return points == null || caseIndex < 0 || caseIndex >= points.size() ? null : points.get(caseIndex);
    }

    /** A spec's forecasts, or null when the kit has none that fit it. */
    private List<List<TensorForecast>> load(TensorSpecAnswers spec) {
        String id = spec.spec().id();
        Sizes sizes = new Sizes(spec.spec().graph().size(), spec.cases().isEmpty() ? 0
                : spec.cases().get(0).grads().length);
        return ForecastFiles.read(resources, files.get(id), id, shas.get(id), spec.cases().size(),
                json -> List.copyOf(KitJson.list(json, f -> forecast(f, sizes))));
    }

    /** A spec's node count and its flattened gradients' length, which every forecast must fit. */
    private record Sizes(int nodes, int elements) {
        int node(int node, boolean orNone) {
            if (node < (orNone ? -1 : 0) || node >= nodes) {
                throw new IllegalStateException("node " + node + " of a graph of " + nodes);
            }
            return node;
        }
    }

    private TensorForecast forecast(JsonReader in, Sizes sizes) throws IOException {
        int index = -1;
        Set<Check> failing = EnumSet.noneOf(Check.class);
        double[] grads = null;
        WrongShape wrongShape = null;
        WrongShape endToEndShape = null;
        Threw threw = null;
        int[] edges = new int[0];
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "mistake" -> index = in.nextInt();
                case "failing" -> failing.addAll(FrozenForecasts.readFailing(in));
                case "grads" -> {
                    grads = KitJson.doubles(in);
                    if (grads != null && grads.length != sizes.elements()) {
                        throw new IllegalStateException(grads.length + " gradients where the spec has "
                                + sizes.elements());
                    }
                }
                case "wrong_shape" -> wrongShape = shape(in, sizes);
                case "end_to_end_shape" -> endToEndShape = shape(in, sizes);
                case "threw" -> threw = threw(in, sizes);
                case "edges" -> edges = KitJson.ints(in);
                default -> in.skipValue();
            }
        }
        in.endObject();
        Mistake mistake = mistakes.get(index); // out of range: damaged
        return new TensorForecast(mistake, grads, wrongShape, endToEndShape, threw, edges == null ? new int[0] : edges,
                failing);
    }

    private static WrongShape shape(JsonReader in, Sizes sizes) throws IOException {
        int node = -1;
        int after = -1;
        int[] shape = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "node" -> node = in.nextInt();
                case "after" -> after = in.nextInt();
                case "shape" -> shape = KitJson.ints(in);
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (shape == null || shape.length > 2) {
            throw new IllegalStateException("a wrong shape without its dimensions");
        }
        return new WrongShape(sizes.node(node, false), sizes.node(after, true), shape);
    }

    private static Threw threw(JsonReader in, Sizes sizes) throws IOException {
        int after = -1;
        String exception = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "after" -> after = in.nextInt();
                case "exception" -> exception = in.nextString();
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (exception == null) {
            throw new IllegalStateException("an exception without its text");
        }
        return new Threw(sizes.node(after, true), exception);
    }
}
