package org.topograd.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.diagnosis.Forecasts;
import org.topograd.diagnosis.Mutant;
import org.topograd.diagnosis.Mutants;
import org.topograd.diagnosis.tensor.TensorForecasts;
import org.topograd.diagnosis.tensor.TensorMutant;
import org.topograd.diagnosis.tensor.TensorMutants;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.TensorAnswers;
import org.topograd.grading.TensorCaseAnswers;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.grading.WireGraph;
import org.topograd.naming.Forecast;
import org.topograd.naming.PointForecast;
import org.topograd.naming.tensor.TensorForecast;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;

class KitTest {
    @TempDir
    Path dir;

    private static List<Spec> bundled(boolean hidden) throws IOException {
        List<Spec> specs = new ArrayList<>();
        for (Path file : SpecLoader.list(Path.of("specs"))) {
            Spec spec = ((SpecResult.Valid) SpecLoader.load(file)).spec();
            if (spec.hidden() == hidden) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /** What {@code topograd kit} freezes for these specs. */
    static FrozenAnswers.Contents contents(List<Spec> visible, List<Spec> hidden) {
        Set<Op> hiddenOps = EnumSet.noneOf(Op.class);
        hidden.forEach(s -> hiddenOps.addAll(WireGraph.ops(s.graph())));
        return new FrozenAnswers.Contents(ReferenceAnswers.of(visible, NumericalGradient.Settings.DEFAULT),
                hidden.size(), hiddenOps, new Forecasts(), Mutants.all().stream().map(Mutant::describe).toList());
    }

    private static Set<Op> required(List<Spec> specs) {
        Set<Op> ops = EnumSet.noneOf(Op.class);
        specs.forEach(s -> ops.addAll(WireGraph.ops(s.graph())));
        return ops;
    }

    private StudentKit.Made makeBundled(Path out, boolean starter) throws IOException, StudentKit.UnusableFolder {
        List<Spec> all = new ArrayList<>(bundled(false));
        all.addAll(bundled(true));
        return StudentKit.make(contents(bundled(false), bundled(true)), null, required(all), starter, out);
    }

    /** Every file under a folder, by relative path, with its bytes. */
    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void theKitJarHoldsNoReferenceEngineOrMutantAndTheSameSpecsGiveTheSameKit() throws Exception {
        Path kit = dir.resolve("kit");
        StudentKit.Made made = makeBundled(kit, true);
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(made.jar().toFile())) {
            jar.stream().map(ZipEntry::getName).forEach(names::add);
            assertEquals("org.topograd.cli.KitLauncher", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            for (String name : names) {
                if (name.startsWith("org/topograd/") && name.endsWith(".class")) {
                    byte[] bytes = jar.getInputStream(jar.getEntry(name)).readAllBytes();
                    for (String ref : ClassReferences.of(bytes)) {
                        assertFalse(KitJar.isExcluded(ref), name + " refers to " + ref);
                    }
                }
            }
        }
        assertTrue(names.stream().noneMatch(n -> n.startsWith("org/topograd/engine/")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("org/topograd/diagnosis/")));
        assertTrue(names.stream().noneMatch(n -> n.startsWith("org/topograd/grading/ReferenceAnswers")));
        for (String needed : List.of("org/topograd/cli/StudentMain.class", "org/topograd/cli/CheckCommand.class",
                "org/topograd/worker/WorkerMain.class", "org/topograd/api/Node.class",
                "org/topograd/naming/BugNamer.class", "org/topograd/submission/CompileServer.class",
                "picocli/CommandLine.class", "org/topograd/topograd.properties", FrozenAnswers.RESOURCE,
                FrozenForecasts.resource(0))) {
            assertTrue(names.contains(needed), needed);
        }
        assertEquals("META-INF/MANIFEST.MF", names.get(0));
        // Every library the jar carries, and only those, comes with its licence, and the README names it.
        String readme = Files.readString(kit.resolve(StudentKit.README));
        KitJar.LIBRARIES.forEach((library, about) -> {
            boolean carried = about.parts().stream().anyMatch(part -> names.contains(part.anchor()));
            assertEquals(carried, names.contains(KitJar.licenceEntry(library)), library);
            assertEquals(carried, readme.contains(about.title() + " (" + about.licence() + ")"), library + ": " + readme);
        });
        for (String library : List.of("picocli", "snakeyaml", "gson", "asm")) {
            assertTrue(names.contains(KitJar.licenceEntry(library)), library);
        }
        Set<String> kitSpecs;
        try (var files = Files.list(kit.resolve("specs"))) {
            kitSpecs = Set.copyOf(files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(bundled(false).size(), kitSpecs.size());
        for (Spec hidden : bundled(true)) {
            assertFalse(kitSpecs.contains(hidden.file().getFileName().toString()), hidden.id());
        }
        Map<String, byte[]> first = tree(kit);
        makeBundled(kit, true);
        Map<String, byte[]> again = tree(kit);
        assertEquals(first.keySet(), again.keySet());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, again.get(name), "the same specs give the same " + name));
    }

    @Test
    void theKitHasTheApiAsJarSourcesAndJavadocAndAStarterThatCompilesAsItIs() throws Exception {
        Path kit = dir.resolve("kit");
        StudentKit.Made made = makeBundled(kit, true);
        try (JarFile api = new JarFile(kit.resolve("api/topograd-api.jar").toFile());
                JarFile sources = new JarFile(kit.resolve("api/topograd-api-sources.jar").toFile())) {
            assertTrue(api.getEntry("org/topograd/api/Node.class") != null);
            assertTrue(api.stream().noneMatch(e -> e.getName().endsWith(".class")
                    && !e.getName().startsWith("org/topograd/api/")), "only the API");
            String node = new String(sources.getInputStream(sources.getEntry("org/topograd/api/Node.java"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.contains("public abstract class Node"), node);
            // The tensor API too, for the tensor assignment: classes, sources and Javadoc.
            assertTrue(api.getEntry("org/topograd/api/tensor/TensorNode.class") != null);
            assertTrue(api.getEntry("org/topograd/api/tensor/NDArray.class") != null);
            String tensorNode = new String(sources.getInputStream(sources.getEntry(
                    "org/topograd/api/tensor/TensorNode.java")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(tensorNode.contains("public abstract class TensorNode"), tensorNode);
        }
        assertTrue(Files.readString(kit.resolve("api/docs/org/topograd/api/tensor/TensorNode.html"))
                .contains("backward()"), "TensorNode's Javadoc");
        String nodePage = Files.readString(kit.resolve("api/docs/org/topograd/api/Node.html"));
        assertTrue(nodePage.contains("inputs()") && nodePage.contains("grad"), "Node's Javadoc");
        assertTrue(Files.isRegularFile(kit.resolve("api/docs/index.html")));

        // One class per required op and the Backprop class, compiling as they are against the API jar alone.
        List<Path> starter;
        try (Stream<Path> walk = Files.walk(kit.resolve("starter"))) {
            starter = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertEquals(made.required().size() + 1, starter.size(), starter.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-proc:none", "-classpath",
                kit.resolve("api/topograd-api.jar").toString(), "-d", dir.resolve("out").toString()));
        starter.forEach(p -> args.add(p.toString()));
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the starter compiles");
        String mul = Files.readString(kit.resolve("starter/backprop/Mul.java"));
        assertTrue(mul.contains("@Op(\"mul\")") && mul.contains("public Mul(Node a, Node b)")
                && mul.contains("throw new UnsupportedOperationException(\"TODO\")"), mul);
        assertTrue(Files.readString(kit.resolve("starter/backprop/Power.java"))
                .contains("public Power(Node base, double exponent)"));

        String readme = Files.readString(kit.resolve("README.md"));
        for (Op op : made.required()) {
            assertTrue(readme.contains("| `" + op.specName() + "` |"), op + " is in the README's table");
        }
        assertTrue(made.required().contains(Op.SQRT) && made.required().contains(Op.RELU),
                "ops that only hidden specs use are required too");
        for (String fact : List.of("org.topograd.api", "`Node`", "`@Op(\"mul\")`", "`Backprop`", "output.grad = 1",
                "`inputs()`", "probe nodes", "7 hidden specs", "java -jar topograd-student.jar check my-work",
                "--watch", "api/topograd-api.jar", "IntelliJ", "Eclipse", "VS Code", "(Node base, double exponent)")) {
            assertTrue(readme.contains(fact), fact + " in the README:\n" + readme);
        }
        assertFalse(readme.contains("topograd check"), "students do not have topograd itself");

        Path bare = dir.resolve("bare");
        makeBundled(bare, false);
        assertFalse(Files.exists(bare.resolve("starter")));
        assertFalse(Files.readString(bare.resolve("README.md")).contains("starter"));
    }

    @Test
    void frozenAnswersAreTheReferenceAnswersExactly() throws Exception {
        List<Spec> visible = bundled(false);
        FrozenAnswers.Contents contents = contents(visible, bundled(true));
        Map<String, byte[]> resources = FrozenAnswers.freeze(contents);
        FrozenAnswers frozen = FrozenAnswers.read(name -> resources.containsKey(name)
                ? new ByteArrayInputStream(resources.get(name)) : null);
        List<SpecAnswers> reference = contents.answers();
        List<SpecAnswers> thawed = frozen.answers(visible, NumericalGradient.Settings.DEFAULT);
        assertEquals(reference.size(), thawed.size());
        for (int s = 0; s < reference.size(); s++) {
            assertEquals(reference.get(s).ops(), thawed.get(s).ops());
            assertEquals(reference.get(s).wire().id(), thawed.get(s).wire().id());
            for (int c = 0; c < reference.get(s).cases().size(); c++) {
                CaseAnswers want = reference.get(s).cases().get(c);
                CaseAnswers got = thawed.get(s).cases().get(c);
                assertArrayEquals(want.order(), got.order());
                assertArrayEquals(want.values(), got.values());
                assertArrayEquals(want.grads(), got.grads());
                assertArrayEquals(want.probePartials(), got.probePartials());
                assertArrayEquals(want.probeGrads(), got.probeGrads());
                assertEquals(want.plan().points().size(), got.plan().points().size());
            }
        }
        assertEquals(7, frozen.hiddenSpecs(visible));
        assertEquals(contents.hiddenOps(), frozen.hiddenOps());
        Set<Op> required = frozen.requiredOps(visible);
        assertTrue(required.containsAll(contents.hiddenOps()) && required.contains(Op.MUL), required.toString());
    }

    @Test
    void frozenForecastsAreTheFullToolsExactlyWhereADiagnosisCouldUseThem() throws Exception {
        List<Spec> visible = bundled(false);
        FrozenAnswers.Contents contents = contents(visible, bundled(true));
        Map<String, byte[]> resources = FrozenAnswers.freeze(contents);
        FrozenAnswers frozen = FrozenAnswers.read(name -> resources.containsKey(name)
                ? new ByteArrayInputStream(resources.get(name)) : null);
        List<SpecAnswers> thawed = frozen.answers(visible, NumericalGradient.Settings.DEFAULT);
        int compared = 0;
        for (int s = 0; s < thawed.size(); s++) {
            for (int c = 0; c < thawed.get(s).cases().size(); c++) {
                PointForecast want = contents.forecasts().at(contents.answers().get(s), c);
                PointForecast got = frozen.forecasts().at(thawed.get(s), c);
                assertArrayEquals(want.exact(), got.exact());
                List<Forecast> useful = want.forecasts().stream().filter(Forecast::useful).toList();
                assertEquals(useful.size(), got.forecasts().size());
                for (int i = 0; i < useful.size(); i++) {
                    Forecast w = useful.get(i);
                    Forecast g = got.forecasts().get(i);
                    assertEquals(w.mistake(), g.mistake());
                    assertEquals(w.failing(), g.failing());
                    assertArrayEquals(w.seed0(), g.seed0());
                    assertArrayEquals(w.seed1(), g.seed1());
                    assertArrayEquals(w.seed2(), g.seed2());
                    assertArrayEquals(w.probe(), g.probe());
                    assertArrayEquals(w.endToEnd(), g.endToEnd());
                    assertArrayEquals(w.partials(), g.partials());
                    compared++;
                }
            }
        }
        assertTrue(compared > 100, "compared " + compared);
        for (Op op : Op.operations()) {
            assertArrayEquals(Forecasts.probeDerivatives(op), frozen.forecasts().atProbe(op), op.toString());
        }
    }

    @Test
    void aDamagedForecastFileMeansNoDiagnosisNotAFailedCheck() throws Exception {
        List<Spec> visible = bundled(false);
        Map<String, byte[]> resources = new TreeMap<>(FrozenAnswers.freeze(contents(visible, List.of())));
        resources.put(FrozenForecasts.resource(0), "{\"id\": \"".getBytes(StandardCharsets.UTF_8));
        FrozenAnswers frozen = FrozenAnswers.read(name -> resources.containsKey(name)
                ? new ByteArrayInputStream(resources.get(name)) : null);
        List<SpecAnswers> thawed = frozen.answers(visible, NumericalGradient.Settings.DEFAULT);
        assertNull(frozen.forecasts().at(thawed.get(0), 0));
        assertTrue(frozen.forecasts().at(thawed.get(1), 0) != null, "the other specs' forecasts are still there");
    }

    @Test
    void aChangedOrUnknownSpecHasNoAnswers() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Path file = specs.resolve("sq.yaml");
        Files.writeString(file, "title: Square\ninputs: {x: 3}\ngraph:\n  y: x * x\n");
        Spec spec = ((SpecResult.Valid) SpecLoader.load(file)).spec();
        Map<String, byte[]> resources = FrozenAnswers.freeze(contents(List.of(spec), List.of()));
        FrozenAnswers frozen = FrozenAnswers.read(name -> resources.containsKey(name)
                ? new ByteArrayInputStream(resources.get(name)) : null);
        Files.writeString(file, "title: Square\ninputs: {x: 4}\ngraph:\n  y: x * x\n");
        Spec changed = ((SpecResult.Valid) SpecLoader.load(file)).spec();
        assertTrue(assertThrows(AnswerSource.Unavailable.class,
                () -> frozen.answers(List.of(changed), NumericalGradient.Settings.DEFAULT)).getMessage()
                .contains("has changed since the kit was made"));
        Path other = specs.resolve("other.yaml");
        Files.writeString(other, "title: Other\ninputs: {x: 3}\ngraph:\n  y: x + x\n");
        Spec unknown = ((SpecResult.Valid) SpecLoader.load(other)).spec();
        assertTrue(assertThrows(AnswerSource.Unavailable.class,
                () -> frozen.answers(List.of(unknown), NumericalGradient.Settings.DEFAULT)).getMessage()
                .contains("is not one of the kit's specs (sq)"));
    }

    @Test
    void aFolderThatIsNotAKitIsNeverOverwritten() throws Exception {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("thesis.tex"), "precious");
        StudentKit.UnusableFolder e = assertThrows(StudentKit.UnusableFolder.class,
                () -> StudentKit.make(contents(List.of(), List.of()), null, Set.of(), true, out));
        assertTrue(e.getMessage().contains("is not empty and not a student kit"), e.getMessage());
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
    }

    private static List<TensorSpec> bundledTensors() throws IOException {
        List<TensorSpec> specs = new ArrayList<>();
        for (Path file : SpecLoader.list(Path.of("tensors/specs"))) {
            specs.add(((TensorSpecResult.Valid) TensorSpecLoader.load(file)).spec());
        }
        return specs;
    }

    /**
     * The kit's tensor forecasts are the full tool's, field for field, wherever a diagnosis could use
     * them (the kit names a tensor bug as the full tool does); a damaged forecast file means no
     * diagnosis for its spec, and the other specs keep theirs.
     */
    private static void assertFrozenTensorForecastsAreTheFullTools(List<TensorSpecAnswers> reference,
            List<TensorSpecAnswers> thawed, TensorForecasts full, FrozenAnswers frozen) {
        int compared = 0;
        for (int s = 0; s < reference.size(); s++) {
            for (int c = 0; c < reference.get(s).cases().size(); c++) {
                List<TensorForecast> want = full.at(reference.get(s), c).stream().filter(TensorForecast::useful)
                        .toList();
                List<TensorForecast> got = frozen.tensorForecasts().at(thawed.get(s), c);
                assertEquals(want.size(), got.size(), reference.get(s).spec().id() + " case " + c);
                for (int i = 0; i < want.size(); i++) {
                    TensorForecast w = want.get(i);
                    TensorForecast g = got.get(i);
                    assertEquals(w.mistake(), g.mistake());
                    assertEquals(w.failing(), g.failing());
                    assertArrayEquals(w.grads(), g.grads());
                    assertEquals(w.wrongShape(), g.wrongShape());
                    assertEquals(w.endToEndShape(), g.endToEndShape());
                    assertEquals(w.threw(), g.threw());
                    assertArrayEquals(w.edges(), g.edges());
                    compared++;
                }
            }
        }
        assertTrue(compared >= 80, "the bundled tensor specs but the MLP give 91 useful forecasts; compared " + compared);
    }

    @Test
    void aDamagedTensorForecastFileMeansNoDiagnosisForItsSpecOnly() throws Exception {
        List<TensorSpec> visible = bundledTensors();
        List<TensorSpecAnswers> reference = TensorAnswers.of(visible, NumericalGradient.Settings.DEFAULT);
        Map<String, byte[]> resources = new TreeMap<>(FrozenAnswers.freeze(FrozenAnswers.Contents.tensor(reference,
                0, Set.of(), new TensorForecasts(), TensorMutants.all().stream().map(TensorMutant::describe)
                        .toList())));
        String damaged = resources.keySet().stream().filter(n -> n.contains("tensor-forecasts/0.")).findFirst()
                .orElseThrow();
        resources.put(damaged, new String(resources.get(damaged), StandardCharsets.UTF_8)
                .replace("\"mistake\":", "\"mistake\":9999,\"was\":").getBytes(StandardCharsets.UTF_8));
        FrozenAnswers frozen = FrozenAnswers.read(name -> resources.containsKey(name)
                ? new ByteArrayInputStream(resources.get(name)) : null);
        List<TensorSpecAnswers> thawed = frozen.tensorAnswers(visible, NumericalGradient.Settings.DEFAULT);
        assertNull(frozen.tensorForecasts().at(thawed.get(0), 0), "a mistake outside the catalogue: " + damaged);
        assertTrue(frozen.tensorForecasts().at(thawed.get(1), 0) != null, "the other specs' forecasts are still there");
    }

    /**
     * A tensor assignment's kit: the tensor engine's answers frozen and thawed exactly (every node's
     * elements flattened, as grading wants them), the ops of a hidden tensor spec required, a starter of
     * {@code TensorNode} classes that compiles against the API jar alone, a README about the tensor API,
     * and no reference engine in the jar (KitJar refuses to make one that would need it).
     */
    @Test
    void aTensorAssignmentsKitFreezesTheTensorEnginesAnswersAndStartsStudentsOnTheTensorApi() throws Exception {
        List<TensorSpec> visible = bundledTensors();
        // The MLP spec made hidden: its ops are required though the kit leaves it out.
        TensorSpec mlp = visible.stream().filter(t -> t.id().equals("two-layer-mlp")).findFirst().orElseThrow();
        visible = visible.stream().filter(t -> t != mlp).toList();
        List<TensorSpecAnswers> reference = TensorAnswers.of(visible, NumericalGradient.Settings.DEFAULT);
        Set<TensorOp> hiddenOps = EnumSet.of(TensorOp.RELU, TensorOp.CROSS_ENTROPY);
        TensorForecasts full = new TensorForecasts();
        FrozenAnswers.Contents contents = FrozenAnswers.Contents.tensor(reference, 1, hiddenOps, full,
                TensorMutants.all().stream().map(TensorMutant::describe).toList());
        Map<String, byte[]> resources = FrozenAnswers.freeze(contents);
        FrozenAnswers frozen = FrozenAnswers.read(name -> resources.containsKey(name)
                ? new ByteArrayInputStream(resources.get(name)) : null);
        List<TensorSpecAnswers> thawed = frozen.tensorAnswers(visible, NumericalGradient.Settings.DEFAULT);
        assertEquals(reference.size(), thawed.size());
        for (int s = 0; s < reference.size(); s++) {
            assertEquals(reference.get(s).ops(), thawed.get(s).ops());
            assertArrayEquals(reference.get(s).wire().kinds(), thawed.get(s).wire().kinds());
            assertArrayEquals(reference.get(s).wire().dims(), thawed.get(s).wire().dims());
            assertArrayEquals(reference.get(s).wire().constants(), thawed.get(s).wire().constants());
            for (int c = 0; c < reference.get(s).cases().size(); c++) {
                TensorCaseAnswers want = reference.get(s).cases().get(c);
                TensorCaseAnswers got = thawed.get(s).cases().get(c);
                assertArrayEquals(want.order(), got.order());
                assertArrayEquals(want.inputs(), got.inputs());
                assertArrayEquals(want.values(), got.values());
                assertArrayEquals(want.grads(), got.grads());
                assertArrayEquals(want.probePartials(), got.probePartials());
                assertArrayEquals(want.probeGrads(), got.probeGrads());
                assertArrayEquals(want.plan().x(), got.plan().x());
                assertEquals(want.plan().points().size(), got.plan().points().size());
            }
        }
        assertFrozenTensorForecastsAreTheFullTools(reference, thawed, full, frozen);
        assertEquals(1, frozen.hiddenSpecs(visible));
        Set<TensorOp> required = frozen.requiredTensorOps(visible);
        assertTrue(required.containsAll(hiddenOps) && required.contains(TensorOp.MATMUL), required.toString());
        assertTrue(assertThrows(AnswerSource.Unavailable.class, () -> frozen.tensorAnswers(List.of(mlp),
                NumericalGradient.Settings.DEFAULT)).getMessage().contains("is not one of the kit's specs"));

        Path kit = dir.resolve("tensor-kit");
        StudentKit.Made made = StudentKit.makeTensor(contents, null, required, true, kit);
        try (JarFile jar = new JarFile(made.jar().toFile())) {
            assertTrue(jar.stream().noneMatch(e -> KitJar.isExcluded(e.getName())), "no engine in the jar");
            assertTrue(jar.getEntry("org/topograd/grading/TensorSubmissionRun.class") != null);
            assertTrue(jar.getEntry("org/topograd/grading/TensorAnswers.class") == null, "it calls the engine");
        }
        List<Path> starter;
        try (Stream<Path> walk = Files.walk(kit.resolve("starter"))) {
            starter = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertEquals(required.size() + 1, starter.size(), starter.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-proc:none", "-classpath",
                kit.resolve("api/topograd-api.jar").toString(), "-d", dir.resolve("tensor-out").toString()));
        starter.forEach(p -> args.add(p.toString()));
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the tensor starter compiles");
        assertTrue(Files.readString(kit.resolve("starter/backprop/SumAxis.java"))
                .contains("@Op(\"sum_axis\")\npublic class SumAxis extends TensorNode {"));
        String readme = Files.readString(kit.resolve(StudentKit.README));
        for (TensorOp op : required) {
            assertTrue(readme.contains("| `" + op.specName() + "` |"), op + " is in the README's table");
        }
        for (String fact : List.of("org.topograd.api.tensor", "`TensorNode`", "`TensorBackprop`", "sumTo",
                "`traversal`: your `TensorBackprop` on the grader's probe nodes",
                "(TensorNode x, int axis)", "1 hidden spec ", "`relu` | relu(x) = max(x, 0), elementwise; its"
                + " derivative at 0 is taken to be 0 | `public Relu(TensorNode x)` | no |")) {
            assertTrue(readme.contains(fact), fact + " in the README:\n" + readme);
        }
        for (TensorSpec spec : visible) {
            assertTrue(Files.isRegularFile(kit.resolve("specs").resolve(spec.file().getFileName())), spec.id());
        }
        assertFalse(Files.exists(kit.resolve("specs").resolve(mlp.file().getFileName())), "the hidden spec");
    }
}
