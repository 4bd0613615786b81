package org.topograd.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.topograd.Folders;
import org.topograd.Version;
import org.topograd.grading.SpecAnswers;
import org.topograd.report.AtomicFiles;
import org.topograd.report.ReproducibleZip;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;

/**
 * Makes a student kit folder:
 *
 * <pre>
 * topograd-student.jar   check, from the visible specs' frozen answers; no reference engine inside
 * specs/                 the visible specs, as the instructor wrote them, and assignment.yaml
 * README.md              how to use it
 * </pre>
 *
 * The same specs and the same topograd give the same bytes.
 */
public final class StudentKit {
    public static final String JAR = "topograd-student.jar";
    public static final String SPECS = "specs";
    public static final String README = "README.md";

    private StudentKit() {}

    /**
     * What was made.
     *
     * @param classes how many classes the jar holds
     */
    public record Made(Path jar, int classes, List<String> specs, int hiddenLeftOut) {}

    /**
     * @param answers the visible specs with their answers (the reference engine's), in order
     * @param hiddenLeftOut how many hidden specs the kit leaves out (students are told the number)
     * @param assignmentFile the course's {@code assignment.yaml}, or null when there is none
     * @param out the kit folder: new, empty, or an earlier kit (which is replaced)
     */
    public static Made make(List<SpecAnswers> answers, int hiddenLeftOut, Path assignmentFile, Path out)
            throws IOException {
        for (SpecAnswers a : answers) {
            if (a.spec().hidden()) {
                throw new IllegalArgumentException("hidden spec " + a.spec().id() + " must not go into a student kit");
            }
        }
        prepare(out);
        ReproducibleZip jar = new ReproducibleZip();
        jar.add("META-INF/MANIFEST.MF", manifest());
        Map<String, byte[]> entries = KitJar.entries(StudentKit.class.getClassLoader());
        entries.forEach(jar::add);
        jar.add(FrozenAnswers.RESOURCE, FrozenAnswers.freeze(answers, hiddenLeftOut));
        AtomicFiles.write(out.resolve(JAR), jar.finish());
        Path specs = Files.createDirectories(out.resolve(SPECS));
        // Written, not copied: a copy would keep the instructor's own mode, perhaps a private one.
        for (SpecAnswers a : answers) {
            AtomicFiles.write(specs.resolve(a.spec().file().getFileName()), Files.readAllBytes(a.spec().file()));
        }
        if (assignmentFile != null) {
            AtomicFiles.write(specs.resolve(SpecLoader.ASSIGNMENT_FILE), Files.readAllBytes(assignmentFile));
        }
        List<Spec> visible = answers.stream().map(SpecAnswers::spec).toList();
        AtomicFiles.write(out.resolve(README), readme(visible, hiddenLeftOut).getBytes(StandardCharsets.UTF_8));
        long classes = entries.keySet().stream().filter(n -> n.endsWith(".class")).count();
        return new Made(out.resolve(JAR), (int) classes, visible.stream().map(Spec::id).toList(), hiddenLeftOut);
    }

    /** Empties an earlier kit; refuses a folder that holds anything else, so nothing of the user's is deleted. */
    private static void prepare(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException(out + " is a file: give a folder for the kit");
        }
        if (Files.isDirectory(out)) {
            List<Path> inside;
            try (Stream<Path> files = Files.list(out)) {
                inside = files.toList();
            }
            List<String> kitNames = List.of(JAR, SPECS, README);
            boolean kit = inside.stream().anyMatch(p -> p.getFileName().toString().equals(JAR));
            boolean foreign = inside.stream().anyMatch(p -> !kitNames.contains(p.getFileName().toString()));
            if (!inside.isEmpty() && (!kit || foreign)) {
                throw new IOException(out + " is not empty and not a student kit: give a new or empty folder");
            }
            Path specs = out.resolve(SPECS);
            Folders.deleteTree(specs);
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

    static String readme(List<Spec> visible, int hidden) {
        StringBuilder out = new StringBuilder();
        out.append("# Checking your backpropagation code\n\n");
        out.append("This kit checks your submission against the assignment's visible specs, the way the grader"
                + " will.\nYou need Java 17 or newer (`java -version`).\n\n");
        out.append("```sh\njava -jar topograd-student.jar check path/to/your/submission\n```\n\n");
        out.append("Your submission is the folder with your `.java` files (at any depth) or a jar. For every check"
                + " that\nfails, `check` prints what was expected and what your code gave. It also prints what"
                + " your code\nprinted. Add `--json` for output that editors and scripts can read.\n\n");
        out.append("## What is checked\n\n");
        out.append("The specs in `specs/` (").append(visible.size()).append(visible.size() == 1 ? " spec" : " specs")
                .append("): ").append(String.join(", ", visible.stream().map(Spec::id).toList())).append(".\n");
        if (hidden > 0) {
            out.append("The assignment also has ").append(hidden).append(hidden == 1 ? " hidden spec" : " hidden specs")
                    .append(", graded after you submit; they are not in this kit.\n");
        }
        out.append("\nAt each input point of each spec: your nodes' `forward()` values, your nodes' `backward()`"
                + " gradients,\nyour `Backprop` on the grader's own nodes, your `Backprop` with your nodes, and your"
                + " forward\ndifferentiated numerically against your backward. The expected values were computed"
                + " when this\nkit was made; a spec file you change has none, and `check` says so.\n\n");
        out.append("## Exit status\n\n");
        out.append("0: every check passes. 1: some check fails. 2: the command line is wrong. 3: the check could"
                + " not\nbe made (for example, a spec in `specs/` was changed).\n\n");
        out.append("Install bubblewrap (`sudo apt-get install bubblewrap`) to run your code isolated, as the"
                + " grader\ndoes; without it your code runs in a plain child JVM.\n\n");
        out.append("`java -jar topograd-student.jar completion` prints a bash completion script;"
                + " `--help` on any command\nexplains its options. The jar includes picocli, SnakeYAML and Gson"
                + " (Apache License 2.0).\n");
        return out.toString();
    }
}
