package org.topograd.kit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.WireGraph;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.Spec;

/**
 * The answers to the visible specs, computed by the full tool when a student kit is made and kept
 * in the kit's jar ({@link #RESOURCE}), so that the kit's {@code check} needs no reference engine.
 * Each spec's answers are tied to the SHA-256 of its file: a spec edited after the kit was made has
 * no answers, and {@code check} says so rather than judge against numbers for another graph.
 *
 * <p>Kept: every case's reference order, values, gradients and the traversal check's probe
 * derivatives and gradients ({@link CaseAnswers}). Not kept: the numerical check's plan, which
 * depends only on the input point and the course's settings and is planned afresh.
 */
public final class FrozenAnswers implements AnswerSource {
    /** Where the answers are in the kit's jar. */
    public static final String RESOURCE = "org/topograd/kit/frozen-answers.json";

    /** Compact (the arrays are long) and exact: Gson writes each double so that it reads back the same. */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();
    private static final int FORMAT = 1;

    private final int hiddenSpecs;
    private final Map<String, FrozenSpec> specs;

    private record FrozenSpec(String id, String sha256, List<FrozenCase> cases) {}

    private record FrozenCase(String name, int[] order, double[] values, double[] grads, double[] probePartials,
            double[] probeGrads) {}

    private FrozenAnswers(int hiddenSpecs, Map<String, FrozenSpec> specs) {
        this.hiddenSpecs = hiddenSpecs;
        this.specs = specs;
    }

    /**
     * The kit's data file for these answers.
     *
     * @param hiddenSpecs how many hidden specs the kit was made without (students are told the number)
     */
    public static byte[] freeze(List<SpecAnswers> answers, int hiddenSpecs) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("hidden_specs", hiddenSpecs);
        JsonArray list = new JsonArray();
        for (SpecAnswers a : answers) {
            JsonObject spec = new JsonObject();
            spec.addProperty("id", a.spec().id());
            spec.addProperty("sha256", sha256(Files.readAllBytes(a.spec().file())));
            JsonArray cases = new JsonArray();
            for (int c = 0; c < a.cases().size(); c++) {
                CaseAnswers answer = a.cases().get(c);
                JsonObject json = new JsonObject();
                json.addProperty("name", a.spec().cases().get(c).name());
                json.add("order", ints(answer.order()));
                json.add("values", doubles(answer.values()));
                json.add("grads", doubles(answer.grads()));
                json.add("probe_partials", doubles(answer.probePartials()));
                json.add("probe_grads", doubles(answer.probeGrads()));
                cases.add(json);
            }
            spec.add("cases", cases);
            list.add(spec);
        }
        root.add("specs", list);
        return (GSON.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The answers in the running kit's jar. */
    public static FrozenAnswers inKit() throws IOException {
        try (InputStream in = FrozenAnswers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("this is not a student kit: " + RESOURCE + " is missing; make one with"
                        + " topograd kit");
            }
            return read(in.readAllBytes());
        }
    }

    public static FrozenAnswers read(byte[] data) throws IOException {
        try {
            JsonObject root = JsonParser.parseString(new String(data, StandardCharsets.UTF_8)).getAsJsonObject();
            if (root.get("format").getAsInt() != FORMAT) {
                throw new IOException("the kit's answers are in format " + root.get("format") + ", this kit reads "
                        + FORMAT + ": use the jar that came with them");
            }
            Map<String, FrozenSpec> specs = new LinkedHashMap<>();
            for (JsonElement e : root.getAsJsonArray("specs")) {
                JsonObject s = e.getAsJsonObject();
                List<FrozenCase> cases = new ArrayList<>();
                for (JsonElement ce : s.getAsJsonArray("cases")) {
                    JsonObject c = ce.getAsJsonObject();
                    cases.add(new FrozenCase(c.get("name").getAsString(), GSON.fromJson(c.get("order"), int[].class),
                            GSON.fromJson(c.get("values"), double[].class), GSON.fromJson(c.get("grads"), double[].class),
                            GSON.fromJson(c.get("probe_partials"), double[].class),
                            GSON.fromJson(c.get("probe_grads"), double[].class)));
                }
                String id = s.get("id").getAsString();
                specs.put(id, new FrozenSpec(id, s.get("sha256").getAsString(), cases));
            }
            return new FrozenAnswers(root.get("hidden_specs").getAsInt(), specs);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                | ClassCastException e) {
            throw new IOException("the kit's answers are damaged (" + e.getMessage() + "): download the kit again", e);
        }
    }

    @Override
    public List<SpecAnswers> answers(List<Spec> list, NumericalGradient.Settings numerical) throws Unavailable {
        List<SpecAnswers> answers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Spec spec = list.get(i);
            FrozenSpec frozen = specs.get(spec.id());
            if (frozen == null) {
                throw new Unavailable(spec.file() + " is not one of the kit's specs (" + String.join(", ", specs.keySet())
                        + "), so the kit has no expected values for it; use the kit's specs folder");
            }
            String sha;
            try {
                sha = sha256(Files.readAllBytes(spec.file()));
            } catch (IOException e) {
                throw new Unavailable("cannot read " + spec.file() + ": " + e.getMessage());
            }
            if (!sha.equals(frozen.sha256())) {
                throw new Unavailable(spec.file() + " has changed since the kit was made, and the kit's expected values"
                        + " are for the original: restore the file from the kit, or ask your instructor for a new kit");
            }
            answers.add(thaw(i, spec, frozen, numerical));
        }
        return answers;
    }

    private static SpecAnswers thaw(int id, Spec spec, FrozenSpec frozen, NumericalGradient.Settings numerical)
            throws Unavailable {
        Graph graph = spec.graph();
        if (frozen.cases().size() != spec.cases().size()) {
            throw new Unavailable("the kit's answers for " + spec.id() + " do not fit its spec: download the kit again");
        }
        List<CaseAnswers> cases = new ArrayList<>();
        for (int c = 0; c < frozen.cases().size(); c++) {
            FrozenCase f = frozen.cases().get(c);
            Case point = spec.cases().get(c);
            int n = graph.size();
            if (!f.name().equals(point.name()) || f.values().length != n || f.grads().length != n
                    || f.probeGrads().length != n || f.probePartials().length != 2 * n) {
                throw new Unavailable("the kit's answers for " + spec.id() + " " + point.name()
                        + " do not fit its spec: download the kit again");
            }
            cases.add(new CaseAnswers(f.order(), f.values(), f.grads(), f.probePartials(), f.probeGrads(),
                    NumericalGradient.plan(point.inputs(), numerical)));
        }
        return new SpecAnswers(spec, WireGraph.of(id, graph), WireGraph.ops(graph, cases.get(0).order()), cases);
    }

    /** The hidden specs the kit was made without, and any among {@code loaded}. */
    @Override
    public int hiddenSpecs(List<Spec> loaded) {
        return hiddenSpecs + AnswerSource.super.hiddenSpecs(loaded);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static JsonArray ints(int[] values) {
        JsonArray a = new JsonArray(values.length);
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static JsonArray doubles(double[] values) {
        JsonArray a = new JsonArray(values.length);
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
