package org.topograd.gradescope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.topograd.report.ReproducibleZip;

/**
 * Builds the autograder zip Gradescope expects, everything at its root:
 *
 * <pre>
 * setup.sh          installs a JDK 17 and bubblewrap (Gradescope runs it once, building the image)
 * run_autograder    grades /autograder/submission into /autograder/results/results.json
 * topograd.jar      this topograd
 * specs/            every spec, hidden ones included, and assignment.yaml
 * </pre>
 *
 * Gradescope unpacks it into {@code /autograder/source}, copies {@code run_autograder} to
 * {@code /autograder/run_autograder} and runs it there; both scripts go in executable (mode 755),
 * everything else 644. The same jar and specs give the same bytes.
 */
public final class AutograderPackage {
    public static final List<String> SCRIPTS = List.of("setup.sh", "run_autograder");
    public static final String JAR = "topograd.jar";
    public static final String SPECS = "specs/";

    private AutograderPackage() {}

    /**
     * @param jar topograd's runnable jar
     * @param specFiles the spec files and {@code assignment.yaml}, in the order to store them
     */
    public static byte[] build(Path jar, List<Path> specFiles) throws IOException {
        ReproducibleZip zip = new ReproducibleZip();
        for (String script : SCRIPTS) {
            zip.add(script, script(script), ReproducibleZip.EXECUTABLE); // Gradescope runs them as they are
        }
        zip.add(JAR, Files.readAllBytes(jar));
        for (Path file : specFiles) {
            zip.add(SPECS + file.getFileName(), Files.readAllBytes(file));
        }
        return zip.finish();
    }

    /** A script as shipped in topograd's jar. */
    public static byte[] script(String name) {
        try (InputStream in = AutograderPackage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("topograd's jar lacks its Gradescope script " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
