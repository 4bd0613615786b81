package org.topograd.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;

class KitTest {
    @TempDir
    Path dir;

    private List<Spec> bundled(boolean hidden) throws IOException {
        List<Spec> specs = new ArrayList<>();
        for (Path file : SpecLoader.list(Path.of("specs"))) {
            Spec spec = ((SpecResult.Valid) SpecLoader.load(file)).spec();
            if (spec.hidden() == hidden) {
                specs.add(spec);
            }
        }
        return specs;
    }

    @Test
    void theKitJarHoldsNoReferenceEngineClass() throws Exception {
        List<Spec> visible = bundled(false);
        StudentKit.Made made = StudentKit.make(ReferenceAnswers.of(visible, NumericalGradient.Settings.DEFAULT),
                bundled(true).size(), null, dir.resolve("kit"));
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(made.jar().toFile())) {
            jar.stream().map(ZipEntry::getName).forEach(names::add);
            assertEquals("org.topograd.cli.StudentMain", jar.getManifest().getMainAttributes().getValue("Main-Class"));
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
                "org/topograd/submission/CompileServer.class", "picocli/CommandLine.class",
                "org/topograd/topograd.properties", FrozenAnswers.RESOURCE)) {
            assertTrue(names.contains(needed), needed);
        }
        assertEquals("META-INF/MANIFEST.MF", names.get(0));
        Set<String> kitSpecs;
        try (var files = Files.list(dir.resolve("kit").resolve("specs"))) {
            kitSpecs = Set.copyOf(files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(visible.size(), kitSpecs.size());
        for (Spec hidden : bundled(true)) {
            assertFalse(kitSpecs.contains(hidden.file().getFileName().toString()), hidden.id());
        }
        byte[] first = Files.readAllBytes(made.jar());
        StudentKit.make(ReferenceAnswers.of(visible, NumericalGradient.Settings.DEFAULT), bundled(true).size(), null,
                dir.resolve("kit"));
        assertArrayEquals(first, Files.readAllBytes(made.jar()), "the same specs give the same kit");
    }

    @Test
    void frozenAnswersAreTheReferenceAnswersExactly() throws Exception {
        List<Spec> visible = bundled(false);
        List<SpecAnswers> reference = ReferenceAnswers.of(visible, NumericalGradient.Settings.DEFAULT);
        FrozenAnswers frozen = FrozenAnswers.read(FrozenAnswers.freeze(reference, 7));
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
    }

    @Test
    void aChangedOrUnknownSpecHasNoAnswers() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Path file = specs.resolve("sq.yaml");
        Files.writeString(file, "title: Square\ninputs: {x: 3}\ngraph:\n  y: x * x\n");
        Spec spec = ((SpecResult.Valid) SpecLoader.load(file)).spec();
        FrozenAnswers frozen = FrozenAnswers.read(FrozenAnswers.freeze(
                ReferenceAnswers.of(List.of(spec), NumericalGradient.Settings.DEFAULT), 0));
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
                () -> StudentKit.make(List.of(), 0, null, out));
        assertTrue(e.getMessage().contains("is not empty and not a student kit"), e.getMessage());
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
    }
}
