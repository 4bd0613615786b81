package org.topograd.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.topograd.Version;

/**
 * What a scorecard depends on, as one hash: topograd's version, the JDK, how student code is
 * isolated, every file of the specs folder and every file of the submission. Equal keys mean
 * regrading would give the same scorecard, so {@code grade} may skip it.
 */
public final class GradeKey {
    /** The hash of what every submission's key shares: version, JDK, sandbox and specs. */
    private final byte[] common;

    private GradeKey(byte[] common) {
        this.common = common;
    }

    /** Reads the specs folder once, for the keys of a whole class. */
    public static GradeKey forSpecs(Path specs, String sandbox) throws IOException {
        MessageDigest digest = sha256();
        add(digest, "topograd " + Version.get());
        add(digest, "java " + System.getProperty("java.version"));
        add(digest, "sandbox " + sandbox);
        addTree(digest, "specs", specs, 1);
        return new GradeKey(digest.digest());
    }

    /** The key for grading {@code submission} against these specs. */
    public String of(Path submission) throws IOException {
        MessageDigest digest = sha256();
        digest.update(common);
        addTree(digest, "submission", submission, Integer.MAX_VALUE);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void addTree(MessageDigest digest, String label, Path root, int depth) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            add(digest, label + " " + root.relativize(file).toString().replace('\\', '/'));
            byte[] content = Files.readAllBytes(file);
            add(digest, Integer.toString(content.length));
            digest.update(content);
        }
    }

    private static void add(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
