package org.topograd.sandbox;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.topograd.Folders;

/**
 * The attacks on a submission's files, made by the test rather than kept in the repository: links,
 * a FIFO, a bombed and a broken jar, a sparse file of gigabytes, and sources made to overwhelm
 * javac. Each is a submission of the hostile class (see {@code src/test/resources/hostile/README.md}).
 */
final class GeneratedAttacks {
    /** Attacks laid beside a correct solution, and the note their scorecard must carry. */
    static final Map<String, String> BESIDE = Map.of(
            "proc-link", "pagemap.java is a symbolic link, so it was left out: submit the file itself",
            "link-to-spec", "Spec.java is a symbolic link, so it was left out: submit the file itself",
            "fifo", "Pipe.java is not a regular file (a FIFO, a device or a socket), so it was left out",
            "huge-file", "");

    private static final List<String> PLANTED = new ArrayList<>();

    private GeneratedAttacks() {}

    /** The generated attacks that could be made here. */
    static List<String> planted() {
        return List.copyOf(PLANTED);
    }

    /** Makes every attack in {@code submissions}, beside {@code submissions/base} (a correct solution). */
    static void plant(Path submissions, Path specs) throws IOException {
        PLANTED.clear();
        Path base = submissions.resolve("base");

        Path proc = beside(submissions, "proc-link");
        Files.createSymbolicLink(proc.resolve("pagemap.java"), Path.of("/proc/self/pagemap"));

        Path spec = beside(submissions, "link-to-spec");
        Files.createSymbolicLink(spec.resolve("Spec.java"), specs.resolve("secret.yaml").toAbsolutePath());

        Path fifo = beside(submissions, "fifo");
        try {
            if (new ProcessBuilder("mkfifo", fifo.resolve("Pipe.java").toString()).start().waitFor() != 0) {
                forget(fifo);
            }
        } catch (IOException | InterruptedException e) {
            forget(fifo);
        }

        Path huge = beside(submissions, "huge-file");
        try (RandomAccessFile file = new RandomAccessFile(huge.resolve("data.bin").toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: three gigabytes that take no disk
        }

        Path notAJar = whole(submissions, "jar-not-zip");
        Files.writeString(notAJar.resolve("solution.jar"), "this is not a zip file\n".repeat(100));

        Path bomb = whole(submissions, "jar-bomb");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb.resolve("bomb.jar")))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("h/Bomb.class"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) { // 64 MB of zeros, deflated to about 64 KB
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        Path javacBomb = copy(base, submissions, "javac-bomb");
        StringBuilder enums = new StringBuilder("package h;\n");
        for (int i = 0; i < 250; i++) { // more class files than the hostile class's limit of 200
            enums.append("enum E").append(i).append(" { A }\n");
        }
        Files.writeString(javacBomb.resolve("h/Bomb.java"), enums);

        Path slow = copy(base, submissions, "slow-compile");
        String nested = "x -> x"; // overloaded generic methods over implicit lambdas: inference takes javac seconds
        for (int i = 0; i < 9; i++) {
            nested = "h(" + nested + ", " + nested + ")";
        }
        Files.writeString(slow.resolve("h/Slow.java"), """
                package h;
                import java.util.function.*;
                class Slow {
                    static <A> Function<A, A> h(Function<A, A> a, Function<A, A> b) { return a; }
                    static <A> UnaryOperator<A> h(UnaryOperator<A> a, UnaryOperator<A> b) { return a; }
                    Function<String, String> f = %s;
                }
                """.formatted(nested));

        Path links = whole(submissions, "links-to-other");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path link = links.resolve(base.relativize(file).toString());
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, file.toAbsolutePath());
            }
        }
    }

    /** A copy of the correct solution, with the attack to be added to it. */
    private static Path beside(Path submissions, String name) throws IOException {
        return copy(submissions.resolve("base"), submissions, name);
    }

    private static Path copy(Path base, Path submissions, String name) throws IOException {
        Path dir = submissions.resolve(name);
        Folders.copyTree(base, dir);
        PLANTED.add(name);
        return dir;
    }

    private static Path whole(Path submissions, String name) throws IOException {
        PLANTED.add(name);
        return Files.createDirectories(submissions.resolve(name));
    }

    private static void forget(Path submission) throws IOException {
        Folders.deleteTree(submission);
        PLANTED.remove(submission.getFileName().toString());
    }
}
