package org.topograd.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.topograd.Folders;
import org.topograd.Version;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.report.AtomicFiles;
import org.topograd.report.ReproducibleZip;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecHeading;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;

/**
 * Makes a student kit folder:
 *
 * <pre>
 * topograd-student.jar   check, from the visible specs' frozen answers and diagnoses; no reference engine inside
 * README.md              the API's contract, the ops required, the workflow, IDE set-up
 * specs/                 the visible specs, as the instructor wrote them, and assignment.yaml
 * api/                   topograd-api.jar, topograd-api-sources.jar, docs/ (the API's Javadoc)
 * starter/               a submission that compiles as it is, every method a TODO (unless left out)
 * </pre>
 *
 * The same specs, topograd and JDK give the same bytes.
 */
public final class StudentKit {
    public static final String JAR = "topograd-student.jar";
    public static final String SPECS = "specs";
    public static final String README = "README.md";
    /** What a kit folder may hold: an earlier kit is replaced, anything else is refused. */
    static final List<String> NAMES = List.of(JAR, SPECS, README, ApiFiles.FOLDER, Starter.FOLDER);

    private StudentKit() {}

    /**
     * What was made.
     *
     * @param classes how many classes the jar holds
     * @param required the ops students must implement (a scalar assignment's)
     * @param requiredTensor the tensor ops students must implement (a tensor assignment's)
     */
    public record Made(Path jar, int classes, List<String> specs, int hiddenLeftOut, Set<Op> required,
            boolean starter, Set<TensorOp> requiredTensor) {
        /** The ops required, scalar or tensor, by their names in a spec. */
        public List<String> requiredNames() {
            List<String> names = new java.util.ArrayList<>(required.stream().map(Op::specName).toList());
            requiredTensor.forEach(op -> names.add(op.specName()));
            return names;
        }
    }

    /**
     * The kit's folder cannot be used as given (a file, or a folder with things of the user's in
     * it); nothing was written. The message says what to give instead.
     */
    public static final class UnusableFolder extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableFolder(String message) {
            super(message);
        }
    }

    /**
     * @param frozen what the full tool computed for the visible specs, and what little the kit may
     *     know of the hidden ones
     * @param assignmentFile the course's {@code assignment.yaml}, or null when there is none
     * @param required every op students must implement (the specs', hidden ones included, and the
     *     assignment's list)
     * @param starter whether to put a starter submission in the kit
     * @param out the kit folder: new, empty, or an earlier kit (which is replaced)
     */
    public static Made make(FrozenAnswers.Contents frozen, Path assignmentFile, Set<Op> required, boolean starter,
            Path out) throws IOException, UnusableFolder {
        List<Spec> visible = frozen.answers().stream().map(SpecAnswers::spec).toList();
        return make(frozen, assignmentFile, starter ? Starter.files(required) : Map.of(),
                libraries -> KitReadme.render(visible, frozen.hiddenSpecs(), required, starter, libraries),
                out, required, Set.of());
    }

    /**
     * A tensor assignment's kit: the same folder, with the tensor API's contract in the README and a
     * starter of {@code TensorNode} classes.
     *
     * @param required every tensor op students must implement (the specs', hidden ones included)
     */
    public static Made makeTensor(FrozenAnswers.Contents frozen, Path assignmentFile, Set<TensorOp> required,
            boolean starter, Path out) throws IOException, UnusableFolder {
        List<TensorSpec> visible = frozen.tensorAnswers().stream().map(TensorSpecAnswers::spec).toList();
        return make(frozen, assignmentFile, starter ? Starter.tensorFiles(required) : Map.of(),
                libraries -> KitReadme.renderTensor(visible, frozen.hiddenSpecs(), required, starter, libraries),
                out, Set.of(), required);
    }

    /** What the README says, once the libraries in the jar are known. */
    private interface Readme {
        String render(java.util.SortedSet<String> libraries);
    }

    private static Made make(FrozenAnswers.Contents frozen, Path assignmentFile, Map<String, byte[]> starterFiles,
            Readme readme, Path out, Set<Op> required, Set<TensorOp> requiredTensor)
            throws IOException, UnusableFolder {
        List<SpecHeading> visible = frozen.specs();
        for (SpecHeading spec : visible) {
            if (spec.hidden()) {
                throw new IllegalArgumentException("hidden spec " + spec.id() + " must not go into a student kit");
            }
        }
        prepare(out);
        ReproducibleZip jar = new ReproducibleZip();
        jar.add("META-INF/MANIFEST.MF", manifest());
        KitJar.Contents contents = KitJar.contents(StudentKit.class.getClassLoader());
        Map<String, byte[]> entries = contents.entries();
        entries.forEach(jar::add);
        FrozenAnswers.freeze(frozen).forEach(jar::add);
        AtomicFiles.write(out.resolve(JAR), jar.finish());
        Path specs = Files.createDirectories(out.resolve(SPECS));
        // Written, not copied: a copy would keep the instructor's own mode, perhaps a private one.
        for (SpecHeading spec : visible) {
            AtomicFiles.write(specs.resolve(spec.file().getFileName()), Files.readAllBytes(spec.file()));
        }
        if (assignmentFile != null) {
            AtomicFiles.write(specs.resolve(SpecLoader.ASSIGNMENT_FILE), Files.readAllBytes(assignmentFile));
        }
        for (Map.Entry<String, byte[]> file : ApiFiles.build(StudentKit.class.getClassLoader()).entrySet()) {
            AtomicFiles.write(out.resolve(file.getKey()), file.getValue());
        }
        for (Map.Entry<String, byte[]> file : starterFiles.entrySet()) {
            AtomicFiles.write(out.resolve(file.getKey()), file.getValue());
        }
        AtomicFiles.write(out.resolve(README), readme.render(contents.libraries()).getBytes(StandardCharsets.UTF_8));
        long classes = entries.keySet().stream().filter(n -> n.endsWith(".class")).count();
        return new Made(out.resolve(JAR), (int) classes, visible.stream().map(SpecHeading::id).toList(),
                frozen.hiddenSpecs(), required, !starterFiles.isEmpty(), requiredTensor);
    }

    /** Empties an earlier kit; refuses a folder that holds anything else, so nothing of the user's is deleted. */
    private static void prepare(Path out) throws IOException, UnusableFolder {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UnusableFolder(out + " is a file: give a new or empty folder for the kit");
        }
        if (Files.isDirectory(out)) {
            List<Path> inside;
            try (Stream<Path> files = Files.list(out)) {
                inside = files.toList();
            }
            boolean kit = inside.stream().anyMatch(p -> p.getFileName().toString().equals(JAR));
            boolean foreign = inside.stream().anyMatch(p -> !NAMES.contains(p.getFileName().toString()));
            if (!inside.isEmpty() && (!kit || foreign)) {
                throw new UnusableFolder(out + " is not empty and not a student kit: give a new or empty folder");
            }
            for (String folder : List.of(SPECS, ApiFiles.FOLDER, Starter.FOLDER)) {
                Folders.deleteTree(out.resolve(folder));
            }
        }
        Files.createDirectories(out);
    }

    private static byte[] manifest() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, KitJar.MAIN.replace('/', '.'));
        main.put(Attributes.Name.IMPLEMENTATION_TITLE, "topograd student kit");
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, Version.get());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
    }
}
