package org.topograd.kit;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.topograd.grading.Check;
import org.topograd.grading.SpecAnswers;
import org.topograd.naming.Forecast;
import org.topograd.naming.ForecastSource;
import org.topograd.naming.Mistake;
import org.topograd.naming.PointForecast;
import org.topograd.spec.Op;

/**
 * What each classic mistake would give at each point of a kit's visible specs, as the full tool
 * computed it when the kit was made: numbers, not the mutants' code, so that the kit names a bug
 * exactly as the full tool does without carrying the reference engine. One resource per spec,
 * read the first time a check of that spec fails (a correct submission never reads one); only the
 * forecasts a diagnosis could name are kept (predicted, and told apart by some check).
 *
 * <p>Anything that does not fit the spec (a damaged or foreign file) means no diagnosis for that
 * spec, never a wrong one.
 *
 * <p>Over 300 lines for a reason: its format's writer and its reader are kept side by side, so
 * that a field written is a field read, in the same order.
 */
final class FrozenForecasts implements ForecastSource {
    private static final String FOLDER = "org/topograd/kit/forecasts/";

    /** The mistakes' words in catalogue order, and the ops' right local derivatives at the probe point. */
    record Catalogue(List<Mistake> mistakes, Map<Op, double[]> atProbe) {}

    private final Catalogue catalogue;
    private final Map<String, String> shas;
    private final Map<String, String> files;
    private final FrozenAnswers.Resources resources;
    private final Map<String, List<PointForecast>> loaded = new HashMap<>();

    FrozenForecasts(Catalogue catalogue, Map<String, String> shas, Map<String, String> files,
            FrozenAnswers.Resources resources) {
        this.catalogue = catalogue == null ? new Catalogue(List.of(), Map.of()) : catalogue;
        this.shas = Map.copyOf(shas);
        this.files = Map.copyOf(files);
        this.resources = resources;
    }

    /** The resource of the kit's {@code index}-th spec's forecasts. */
    static String resource(int index) {
        return FOLDER + index + ".json";
    }

    // ---- writing -------------------------------------------------------------------------------

    static void freezeCatalogue(JsonWriter out, List<Mistake> mistakes, ForecastSource forecasts) throws IOException {
        out.name("mistakes").beginArray();
        for (Mistake m : mistakes) {
            out.beginObject();
            out.name("bug").value(m.bug());
            out.name("mistake").value(m.mistake());
            out.name("fix").value(m.fix());
            out.name("kind").value(m.kind().name());
            out.name("ops").beginArray();
            for (Op op : m.ops()) {
                out.value(op.specName());
            }
            out.endArray();
            out.endObject();
        }
        out.endArray();
        out.name("probe_derivatives").beginObject();
        for (Op op : Op.operations()) {
            double[] right = forecasts.atProbe(op);
            if (right != null) {
                out.name(op.specName());
                KitJson.doubles(out, right);
            }
        }
        out.endObject();
    }

    /** One spec's forecasts, those a diagnosis could name, at every point. */
    static byte[] freeze(SpecAnswers spec, String sha, ForecastSource forecasts, List<Mistake> mistakes)
            throws IOException {
        return ForecastFiles.write(spec.spec().id(), sha, spec.cases().size(), (out, c) -> {
            PointForecast point = forecasts.at(spec, c);
            out.beginObject();
            out.name("exact");
            KitJson.doubles(out, point.exact());
            out.name("forecasts").beginArray();
            for (Forecast f : point.forecasts()) {
                if (!f.useful()) {
                    continue;
                }
                out.beginObject();
                writeHead(out, f.mistake(), f.failing(), mistakes);
                array(out, "seed0", f.seed0());
                array(out, "seed1", f.seed1());
                array(out, "seed2", f.seed2());
                array(out, "probe", f.probe());
                if (!Arrays.equals(f.endToEnd(), f.seed1())) { // a node mistake's end-to-end numbers are seed 1's
                    array(out, "end_to_end", f.endToEnd());
                }
                array(out, "partials", f.partials());
                out.endObject();
            }
            out.endArray();
            out.endObject();
        });
    }

    /**
     * What every frozen forecast, scalar or tensor, starts with: its mistake, as an index into the
     * catalogue, and the checks that tell it from the reference.
     */
    static void writeHead(JsonWriter out, Mistake mistake, Set<Check> failing, List<Mistake> mistakes)
            throws IOException {
        int index = mistakes.indexOf(mistake);
        if (index < 0) {
            throw new IllegalArgumentException("a forecast of a mistake outside the catalogue: " + mistake);
        }
        out.name("mistake").value(index);
        out.name("failing").beginArray();
        for (Check check : failing) {
            out.value(check.reportName());
        }
        out.endArray();
    }

    /** The checks {@link #writeHead} wrote. */
    static List<Check> readFailing(JsonReader in) throws IOException {
        return KitJson.list(in, json -> Check.valueOf(json.nextString().toUpperCase(Locale.ROOT)));
    }

    private static void array(JsonWriter out, String name, double[] values) throws IOException {
        if (values != null) {
            out.name(name);
            KitJson.doubles(out, values);
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    static boolean isCatalogue(String key) {
        return key.equals("mistakes") || key.equals("probe_derivatives");
    }

    static Catalogue readCatalogue(String key, JsonReader in, Catalogue sofar) throws IOException {
        List<Mistake> mistakes = sofar == null ? new ArrayList<>() : new ArrayList<>(sofar.mistakes());
        Map<Op, double[]> atProbe = sofar == null ? new EnumMap<>(Op.class) : new EnumMap<>(Op.class);
        if (sofar != null) {
            atProbe.putAll(sofar.atProbe());
        }
        if (key.equals("mistakes")) {
            mistakes.addAll(KitJson.list(in, FrozenForecasts::mistake));
        } else {
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                Op op = Op.operation(name).orElseThrow(() -> new IllegalStateException("op " + name));
                double[] right = KitJson.doubles(in);
                if (right == null || right.length != 2) {
                    throw new IllegalStateException("the probe derivatives of " + name);
                }
                atProbe.put(op, right);
            }
            in.endObject();
        }
        return new Catalogue(List.copyOf(mistakes), atProbe);
    }

    private static Mistake mistake(JsonReader in) throws IOException {
        String bug = null;
        String mistake = null;
        String fix = null;
        Mistake.Kind kind = null;
        Set<Op> ops = EnumSet.noneOf(Op.class);
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "bug" -> bug = in.nextString();
                case "mistake" -> mistake = in.nextString();
                case "fix" -> fix = in.nextString();
                case "kind" -> kind = Mistake.Kind.valueOf(in.nextString());
                case "ops" -> ops.addAll(KitJson.list(in, KitJson::op));
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (bug == null || mistake == null || fix == null || kind == null) {
            throw new IllegalStateException("a mistake without its words");
        }
        return new Mistake(bug, mistake, fix, kind, ops);
    }

    @Override
    public double[] atProbe(Op op) {
        double[] right = catalogue.atProbe().get(op);
        return right == null ? null : right.clone();
    }

    @Override
    public synchronized PointForecast at(SpecAnswers spec, int caseIndex) {
        String id = spec.spec().id();
        if (!loaded.containsKey(id)) {
            loaded.put(id, load(spec));
        }
        List<PointForecast> points = loaded.get(id);
        return points == null || caseIndex < 0 || caseIndex >= points.size() ? null : points.get(caseIndex);
    }

    /** A spec's forecasts, or null when the kit has none that fit it. */
    private List<PointForecast> load(SpecAnswers spec) {
        String id = spec.spec().id();
        int n = spec.spec().graph().size();
        return ForecastFiles.read(resources, files.get(id), id, shas.get(id), spec.cases().size(),
                json -> point(json, n));
    }

    private PointForecast point(JsonReader in, int n) throws IOException {
        double[] exact = null;
        List<Forecast> forecasts = new ArrayList<>();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "exact" -> exact = length(KitJson.doubles(in), 2 * n);
                case "forecasts" -> forecasts.addAll(KitJson.list(in, json -> forecast(json, n)));
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (exact == null) {
            throw new IllegalStateException("no exact derivatives");
        }
        return new PointForecast(exact, forecasts);
    }

    private Forecast forecast(JsonReader in, int n) throws IOException {
        int index = -1;
        Set<Check> failing = EnumSet.noneOf(Check.class);
        Map<String, double[]> arrays = new HashMap<>();
        in.beginObject();
        while (in.hasNext()) {
            String name = in.nextName();
            switch (name) {
                case "mistake" -> index = in.nextInt();
                case "failing" -> failing.addAll(readFailing(in));
                case "partials" -> arrays.put(name, length(KitJson.doubles(in), 2 * n));
                case "seed0", "seed1", "seed2", "probe", "end_to_end" -> arrays.put(name,
                        length(KitJson.doubles(in), n));
                default -> in.skipValue();
            }
        }
        in.endObject();
        Mistake mistake = catalogue.mistakes().get(index); // out of range: damaged
        double[] seed1 = arrays.get("seed1");
        double[] endToEnd = arrays.containsKey("end_to_end") ? arrays.get("end_to_end") : seed1;
        return new Forecast(mistake, arrays.get("seed0"), seed1, arrays.get("seed2"), arrays.get("probe"), endToEnd,
                arrays.get("partials"), failing, null);
    }

    private static double[] length(double[] values, int n) {
        if (values != null && values.length != n) {
            throw new IllegalStateException("an array of " + values.length + " numbers where the spec has " + n);
        }
        return values;
    }
}
