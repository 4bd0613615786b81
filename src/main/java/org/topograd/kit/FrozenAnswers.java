package org.topograd.kit;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.TensorCaseAnswers;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.grading.TensorWireGraph;
import org.topograd.grading.WireGraph;
import org.topograd.naming.ForecastSource;
import org.topograd.naming.Mistake;
import org.topograd.naming.PointForecast;
import org.topograd.naming.tensor.TensorForecastSource;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecHeading;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;

/**
 * What the full tool computed when a student kit was made, kept in the kit's jar so that the
 * kit's {@code check} needs no reference engine and no mutant: the visible specs' answers
 * ({@link #RESOURCE}), and what each classic mistake would give at each of their points
 * ({@link FrozenForecasts}, one resource per spec, read only when a check fails). Each spec's data
 * is tied to the SHA-256 of its file: a spec edited after the kit was made has no answers, and
 * {@code check} says so rather than judge against numbers for another graph.
 *
 * <p>Kept: every case's reference order, values, gradients and the traversal check's probe
 * derivatives and gradients ({@link CaseAnswers}); the ops the hidden specs use (required of every
 * submission, though the kit never shows those specs); the mistakes' words; the ops' right local
 * derivatives at the op probes' point. Not kept: the numerical check's plan, which depends only on
 * the input point and the course's settings and is planned afresh; anything of a hidden spec but
 * how many there are and which ops they use.
 *
 * <p>Over 300 lines for a reason: the frozen format's writer and its reader are kept side by side,
 * so that a field written is a field read, in the same order and with the same checks.
 */
public final class FrozenAnswers implements AnswerSource {
    /** Where the answers are in the kit's jar. */
    public static final String RESOURCE = "org/topograd/kit/frozen-answers.json";
    private static final int FORMAT = 3;

    /** Where a kit's resources are read from: its jar, or (in tests) what {@link #freeze} gave. */
    @FunctionalInterface
    public interface Resources {
        /** The resource's content, or null when there is none. */
        InputStream open(String name) throws IOException;
    }

    /**
     * What a kit freezes.
     *
     * @param answers the visible specs with their answers, in order
     * @param hiddenSpecs how many hidden specs the kit is made without (students are told the number)
     * @param hiddenOps the ops those hidden specs use
     * @param forecasts the mistakes' numbers at the visible specs' points (the full tool's)
     * @param mistakes the catalogue of mistakes, in diagnosis order: the scalar one, or the tensor one
     * @param tensorAnswers the visible tensor specs with their answers, in order
     * @param hiddenTensorOps the tensor ops the hidden tensor specs use
     * @param tensorForecasts the tensor mistakes' numbers at the visible tensor specs' points
     */
    public record Contents(List<SpecAnswers> answers, int hiddenSpecs, Set<Op> hiddenOps, ForecastSource forecasts,
            List<Mistake> mistakes, List<TensorSpecAnswers> tensorAnswers, Set<TensorOp> hiddenTensorOps,
            TensorForecastSource tensorForecasts) {
        public Contents {
            answers = List.copyOf(answers);
            hiddenOps = Set.copyOf(hiddenOps);
            mistakes = List.copyOf(mistakes);
            tensorAnswers = List.copyOf(tensorAnswers);
            hiddenTensorOps = Set.copyOf(hiddenTensorOps);
        }

        /** A scalar assignment's. */
        public Contents(List<SpecAnswers> answers, int hiddenSpecs, Set<Op> hiddenOps, ForecastSource forecasts,
                List<Mistake> mistakes) {
            this(answers, hiddenSpecs, hiddenOps, forecasts, mistakes, List.of(), Set.of(), NO_TENSOR_FORECASTS);
        }

        /**
         * A tensor assignment's: its visible specs' answers and the tensor mistakes' forecasts there, the
         * tensor catalogue, and what the kit may know of the hidden specs.
         */
        public static Contents tensor(List<TensorSpecAnswers> answers, int hiddenSpecs, Set<TensorOp> hiddenOps,
                TensorForecastSource forecasts, List<Mistake> mistakes) {
            return new Contents(List.of(), hiddenSpecs, Set.of(), NO_FORECASTS, mistakes, answers, hiddenOps,
                    forecasts);
        }

        private static final TensorForecastSource NO_TENSOR_FORECASTS = (spec, caseIndex) -> null;

        private static final ForecastSource NO_FORECASTS = new ForecastSource() {
            @Override
            public PointForecast at(SpecAnswers spec, int caseIndex) {
                return null;
            }

            @Override
            public double[] atProbe(Op op) {
                return null;
            }
        };

        /** The visible specs, scalar or tensor, in order. */
        public List<SpecHeading> specs() {
            List<SpecHeading> specs = new ArrayList<>();
            answers.forEach(a -> specs.add(a.spec()));
            tensorAnswers.forEach(a -> specs.add(a.spec()));
            return specs;
        }
    }

    private final int hiddenSpecs;
    private final Set<Op> hiddenOps;
    private final Map<String, FrozenSpec> specs;
    private final FrozenForecasts forecasts;
    private final Set<TensorOp> hiddenTensorOps;
    private final Map<String, FrozenSpec> tensorSpecs;
    private final FrozenTensorForecasts tensorForecasts;

    private record FrozenSpec(String id, String sha256, List<FrozenCase> cases) {}

    private record FrozenCase(String name, int[] order, double[] values, double[] grads, double[] probePartials,
            double[] probeGrads) {}

    private FrozenAnswers(int hiddenSpecs, Set<Op> hiddenOps, Map<String, FrozenSpec> specs,
            FrozenForecasts forecasts, Set<TensorOp> hiddenTensorOps, Map<String, FrozenSpec> tensorSpecs,
            FrozenTensorForecasts tensorForecasts) {
        this.hiddenSpecs = hiddenSpecs;
        this.hiddenOps = hiddenOps;
        this.specs = specs;
        this.forecasts = forecasts;
        this.hiddenTensorOps = hiddenTensorOps;
        this.tensorSpecs = tensorSpecs;
        this.tensorForecasts = tensorForecasts;
    }

    /** The kit's resources for these contents, by name: the answers, and each spec's forecasts. */
    public static Map<String, byte[]> freeze(Contents contents) throws IOException {
        Map<String, byte[]> resources = new TreeMap<>();
        StringWriter text = new StringWriter();
        JsonWriter out = KitJson.writer(text);
        out.beginObject();
        out.name("format").value(FORMAT);
        out.name("hidden_specs").value(contents.hiddenSpecs());
        out.name("hidden_ops").beginArray();
        EnumSet<Op> hiddenOps = EnumSet.noneOf(Op.class); // in Op order: the same kit every time
        hiddenOps.addAll(contents.hiddenOps());
        for (Op op : hiddenOps) {
            out.value(op.specName());
        }
        out.endArray();
        FrozenForecasts.freezeCatalogue(out, contents.mistakes(), contents.forecasts());
        out.name("specs").beginArray();
        for (int s = 0; s < contents.answers().size(); s++) {
            SpecAnswers a = contents.answers().get(s);
            String sha = sha256(Files.readAllBytes(a.spec().file()));
            List<FrozenCase> cases = new ArrayList<>();
            for (int c = 0; c < a.cases().size(); c++) {
                CaseAnswers answer = a.cases().get(c);
                cases.add(new FrozenCase(a.spec().cases().get(c).name(), answer.order(), answer.values(),
                        answer.grads(), answer.probePartials(), answer.probeGrads()));
            }
            write(out, new FrozenSpec(a.spec().id(), sha, cases));
            resources.put(FrozenForecasts.resource(s), FrozenForecasts.freeze(a, sha, contents.forecasts(),
                    contents.mistakes()));
        }
        out.endArray();
        out.name("hidden_tensor_ops").beginArray();
        EnumSet<TensorOp> hiddenTensorOps = EnumSet.noneOf(TensorOp.class);
        hiddenTensorOps.addAll(contents.hiddenTensorOps());
        for (TensorOp op : hiddenTensorOps) {
            out.value(op.specName());
        }
        out.endArray();
        // Tensor specs in the same form, every node's elements flattened in node id order; their
        // forecasts go beside, one resource each, as the scalar ones'.
        out.name("tensor_specs").beginArray();
        for (int t = 0; t < contents.tensorAnswers().size(); t++) {
            TensorSpecAnswers a = contents.tensorAnswers().get(t);
            String sha = sha256(Files.readAllBytes(a.spec().file()));
            List<FrozenCase> cases = new ArrayList<>();
            for (int c = 0; c < a.cases().size(); c++) {
                TensorCaseAnswers answer = a.cases().get(c);
                cases.add(new FrozenCase(a.spec().cases().get(c).name(), answer.order(), answer.values(),
                        answer.grads(), answer.probePartials(), answer.probeGrads()));
            }
            write(out, new FrozenSpec(a.spec().id(), sha, cases));
            resources.put(FrozenTensorForecasts.resource(t), FrozenTensorForecasts.freeze(a, sha,
                    contents.tensorForecasts(), contents.mistakes()));
        }
        out.endArray();
        out.endObject();
        out.flush();
        resources.put(RESOURCE, (text + "\n").getBytes(StandardCharsets.UTF_8));
        return resources;
    }

    private static void write(JsonWriter out, FrozenSpec spec) throws IOException {
        out.beginObject();
        out.name("id").value(spec.id());
        out.name("sha256").value(spec.sha256());
        out.name("cases").beginArray();
        for (FrozenCase c : spec.cases()) {
            out.beginObject();
            out.name("name").value(c.name());
            out.name("order");
            KitJson.ints(out, c.order());
            out.name("values");
            KitJson.doubles(out, c.values());
            out.name("grads");
            KitJson.doubles(out, c.grads());
            out.name("probe_partials");
            KitJson.doubles(out, c.probePartials());
            out.name("probe_grads");
            KitJson.doubles(out, c.probeGrads());
            out.endObject();
        }
        out.endArray();
        out.endObject();
    }

    /** The answers in the running kit's jar. */
    public static FrozenAnswers inKit() throws IOException {
        ClassLoader loader = FrozenAnswers.class.getClassLoader();
        return read(loader::getResourceAsStream);
    }

    /** The answers among {@code resources}; the forecasts are read from them only when a diagnosis needs them. */
    public static FrozenAnswers read(Resources resources) throws IOException {
        try (InputStream stream = resources.open(RESOURCE)) {
            if (stream == null) {
                throw new IOException("this is not a student kit: " + RESOURCE + " is missing; make one with"
                        + " topograd kit");
            }
            return read(KitJson.reader(stream), resources);
        } catch (IllegalStateException | NumberFormatException | IndexOutOfBoundsException e) {
            throw damaged(e);
        }
    }

    private static FrozenAnswers read(JsonReader in, Resources resources) throws IOException {
        int format = -1;
        int hidden = 0;
        Set<Op> hiddenOps = EnumSet.noneOf(Op.class);
        Map<String, FrozenSpec> specs = new LinkedHashMap<>();
        Set<TensorOp> hiddenTensorOps = EnumSet.noneOf(TensorOp.class);
        Map<String, FrozenSpec> tensorSpecs = new LinkedHashMap<>();
        FrozenForecasts.Catalogue catalogue = null;
        List<String> forecastFiles = new ArrayList<>();
        in.beginObject();
        while (in.hasNext()) {
            String key = in.nextName();
            switch (key) {
                case "format" -> {
                    format = in.nextInt();
                    if (format != FORMAT) {
                        throw new IOException("the kit's answers are in format " + format + ", this kit reads "
                                + FORMAT + ": use the jar that came with them");
                    }
                }
                case "hidden_specs" -> hidden = in.nextInt();
                case "hidden_ops" -> hiddenOps.addAll(KitJson.list(in, KitJson::op));
                case "specs" -> {
                    for (FrozenSpec spec : KitJson.list(in, FrozenAnswers::spec)) {
                        forecastFiles.add(FrozenForecasts.resource(specs.size()));
                        specs.put(spec.id(), spec);
                    }
                }
                case "hidden_tensor_ops" -> hiddenTensorOps.addAll(KitJson.list(in, KitJson::tensorOp));
                case "tensor_specs" -> KitJson.list(in, FrozenAnswers::spec).forEach(t -> tensorSpecs.put(t.id(), t));
                default -> {
                    if (FrozenForecasts.isCatalogue(key)) {
                        catalogue = FrozenForecasts.readCatalogue(key, in, catalogue);
                    } else {
                        in.skipValue();
                    }
                }
            }
        }
        in.endObject();
        if (format != FORMAT) {
            throw damaged(new IllegalStateException("no format"));
        }
        Map<String, String> shas = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        int i = 0;
        for (FrozenSpec spec : specs.values()) {
            shas.put(spec.id(), spec.sha256());
            files.put(spec.id(), forecastFiles.get(i++));
        }
        Map<String, String> tensorShas = new LinkedHashMap<>();
        Map<String, String> tensorFiles = new LinkedHashMap<>();
        for (FrozenSpec spec : tensorSpecs.values()) {
            tensorShas.put(spec.id(), spec.sha256());
            tensorFiles.put(spec.id(), FrozenTensorForecasts.resource(tensorFiles.size()));
        }
        List<Mistake> mistakes = catalogue == null ? List.of() : catalogue.mistakes();
        return new FrozenAnswers(hidden, hiddenOps, specs, new FrozenForecasts(catalogue, shas, files, resources),
                hiddenTensorOps, tensorSpecs, new FrozenTensorForecasts(mistakes, tensorShas, tensorFiles, resources));
    }

    private static FrozenSpec spec(JsonReader in) throws IOException {
        String id = null;
        String sha = null;
        List<FrozenCase> cases = new ArrayList<>();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "id" -> id = in.nextString();
                case "sha256" -> sha = in.nextString();
                case "cases" -> cases.addAll(KitJson.list(in, FrozenAnswers::frozenCase));
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (id == null || sha == null) {
            throw new IllegalStateException("a spec without its id or SHA-256");
        }
        return new FrozenSpec(id, sha, cases);
    }

    private static FrozenCase frozenCase(JsonReader in) throws IOException {
        String name = null;
        int[] order = null;
        double[] values = null;
        double[] grads = null;
        double[] probePartials = null;
        double[] probeGrads = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "name" -> name = in.nextString();
                case "order" -> order = KitJson.ints(in);
                case "values" -> values = KitJson.doubles(in);
                case "grads" -> grads = KitJson.doubles(in);
                case "probe_partials" -> probePartials = KitJson.doubles(in);
                case "probe_grads" -> probeGrads = KitJson.doubles(in);
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (name == null || order == null || values == null || grads == null || probePartials == null
                || probeGrads == null) {
            throw new IllegalStateException("a case without all of its answers");
        }
        return new FrozenCase(name, order, values, grads, probePartials, probeGrads);
    }

    private static IOException damaged(RuntimeException e) {
        return new IOException("the kit's answers are damaged (" + e.getMessage() + "): download the kit again", e);
    }

    @Override
    public List<SpecAnswers> answers(List<Spec> list, NumericalGradient.Settings numerical) throws Unavailable {
        List<SpecAnswers> answers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Spec spec = list.get(i);
            answers.add(thaw(i, spec, frozen(spec, specs), numerical));
        }
        return answers;
    }

    /** The frozen answers of a tensor spec of the kit, as {@link #answers} thaws a scalar spec's. */
    @Override
    public List<TensorSpecAnswers> tensorAnswers(List<TensorSpec> list, NumericalGradient.Settings numerical)
            throws Unavailable {
        List<TensorSpecAnswers> answers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            TensorSpec spec = list.get(i);
            answers.add(thaw(i, spec, frozen(spec, tensorSpecs), numerical));
        }
        return answers;
    }

    /** What was frozen for {@code spec}, if the kit was made with this very file. */
    private static FrozenSpec frozen(SpecHeading spec, Map<String, FrozenSpec> kept) throws Unavailable {
        FrozenSpec frozen = kept.get(spec.id());
        if (kept.isEmpty()) {
            String kind = spec instanceof TensorSpec ? "tensor" : "scalar";
            throw new Unavailable(spec.file() + " is a " + kind + " spec, and this kit was made for an assignment"
                    + " without " + kind + " specs, so it has no expected values for it; use the kit's specs folder");
        }
        if (frozen == null) {
            throw new Unavailable(spec.file() + " is not one of the kit's specs ("
                    + String.join(", ", kept.keySet())
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
        return frozen;
    }

    private static TensorSpecAnswers thaw(int id, TensorSpec spec, FrozenSpec frozen,
            NumericalGradient.Settings numerical) throws Unavailable {
        TensorGraph graph = spec.graph();
        if (frozen.cases().size() != spec.cases().size()) {
            throw new Unavailable("the kit's answers for " + spec.id()
                    + " do not fit its spec: download the kit again");
        }
        int n = graph.size();
        int elements = 0;
        for (int i = 0; i < n; i++) {
            elements += graph.shape(i).size();
        }
        List<TensorCaseAnswers> cases = new ArrayList<>();
        for (int c = 0; c < frozen.cases().size(); c++) {
            FrozenCase f = frozen.cases().get(c);
            TensorCase point = spec.cases().get(c);
            if (!f.name().equals(point.name()) || f.values().length != elements || f.grads().length != elements
                    || f.probeGrads().length != n || f.probePartials().length != 2 * n || !isOrder(f.order(), n)) {
                throw new Unavailable("the kit's answers for " + spec.id() + " " + point.name()
                        + " do not fit its spec: download the kit again");
            }
            double[] inputs = TensorWireGraph.inputs(point);
            cases.add(new TensorCaseAnswers(f.order(), inputs, f.values(), f.grads(), f.probePartials(),
                    f.probeGrads(), NumericalGradient.plan(inputs, numerical)));
        }
        return new TensorSpecAnswers(spec, TensorWireGraph.of(id, graph),
                TensorWireGraph.ops(graph, cases.get(0).order()), cases);
    }

    private static SpecAnswers thaw(int id, Spec spec, FrozenSpec frozen, NumericalGradient.Settings numerical)
            throws Unavailable {
        Graph graph = spec.graph();
        if (frozen.cases().size() != spec.cases().size()) {
            throw new Unavailable("the kit's answers for " + spec.id()
                    + " do not fit its spec: download the kit again");
        }
        List<CaseAnswers> cases = new ArrayList<>();
        for (int c = 0; c < frozen.cases().size(); c++) {
            FrozenCase f = frozen.cases().get(c);
            Case point = spec.cases().get(c);
            int n = graph.size();
            if (!f.name().equals(point.name()) || f.values().length != n || f.grads().length != n
                    || f.probeGrads().length != n || f.probePartials().length != 2 * n || !isOrder(f.order(), n)) {
                throw new Unavailable("the kit's answers for " + spec.id() + " " + point.name()
                        + " do not fit its spec: download the kit again");
            }
            cases.add(new CaseAnswers(f.order(), f.values(), f.grads(), f.probePartials(), f.probeGrads(),
                    NumericalGradient.plan(point.inputs(), numerical)));
        }
        return new SpecAnswers(spec, WireGraph.of(id, graph), WireGraph.ops(graph, cases.get(0).order()), cases);
    }

    /** Node ids, each once, each a node of the graph. */
    private static boolean isOrder(int[] order, int n) {
        boolean[] seen = new boolean[n];
        for (int node : order) {
            if (node < 0 || node >= n || seen[node]) {
                return false;
            }
            seen[node] = true;
        }
        return true;
    }

    /** The hidden specs the kit was made without, and any among {@code loaded}. */
    @Override
    public int hiddenSpecs(List<? extends SpecHeading> loaded) {
        return hiddenSpecs + AnswerSource.super.hiddenSpecs(loaded);
    }

    /** The ops of the specs here, and those of the hidden specs the kit was made without. */
    @Override
    public Set<Op> requiredOps(List<Spec> loaded) {
        Set<Op> ops = EnumSet.noneOf(Op.class);
        ops.addAll(AnswerSource.super.requiredOps(loaded));
        ops.addAll(hiddenOps);
        return ops;
    }

    /** The tensor ops of the specs here, and those of the hidden tensor specs the kit was made without. */
    @Override
    public Set<TensorOp> requiredTensorOps(List<TensorSpec> loaded) {
        Set<TensorOp> ops = EnumSet.noneOf(TensorOp.class);
        ops.addAll(AnswerSource.super.requiredTensorOps(loaded));
        ops.addAll(hiddenTensorOps);
        return ops;
    }

    /** What each mistake would give at the kit's specs' points, read from the kit when first needed. */
    public ForecastSource forecasts() {
        return forecasts;
    }

    /** What each tensor mistake would give at the kit's tensor specs' points, read when a diagnosis needs it. */
    public TensorForecastSource tensorForecasts() {
        return tensorForecasts;
    }

    /** The ops the hidden specs use. */
    public Set<Op> hiddenOps() {
        return hiddenOps.isEmpty() ? EnumSet.noneOf(Op.class) : EnumSet.copyOf(hiddenOps);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** For the tests: the ops' right local derivatives at the probe point, as frozen. */
    Map<Op, double[]> probeDerivatives() {
        Map<Op, double[]> all = new EnumMap<>(Op.class);
        for (Op op : Op.operations()) {
            all.put(op, forecasts.atProbe(op));
        }
        return all;
    }
}
