package org.topograd.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.topograd.Version;
import org.topograd.submission.SubmissionFiles;

/**
 * What a scorecard depends on, as one hash: topograd's version, the JDK, how student code is
 * isolated, every file of the specs folder and every file of the submission. Equal keys mean
 * regrading would give the same scorecard, so {@code grade} may skip it.
 */
public final class GradeKey {
    /** More than any file grading reads whole (sources, jars and specs are capped far below this). */
    static final long MAX_HASHED = 64L << 20;

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

    /**
     * The key for grading {@code submission} against these specs: what grading reads of it, which is
     * its regular files (their names and content) and the names of what it leaves out (links, FIFOs,
     * ...), since those appear in the scorecard's notes. A file is read as a stream, and only as far
     * as anything else would read it.
     */
    public String of(Path submission) throws IOException {
        MessageDigest digest = sha256();
        digest.update(common);
        SubmissionFiles files = SubmissionFiles.of(submission);
        Path root = submission.toRealPath();
        for (Path file : files.regular()) {
            add(digest, "submission " + root.relativize(file).toString().replace('\\', '/'));
            try (InputStream in = SubmissionFiles.open(file)) {
                addContent(digest, in);
            }
        }
        for (String note : files.notes()) {
            add(digest, "left out " + note);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void addTree(MessageDigest digest, String label, Path root, int depth) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            add(digest, label + " " + root.relativize(file).toString().replace('\\', '/'));
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                addContent(digest, in);
            }
        }
    }

    /**
     * A file's content, up to {@link #MAX_HASHED} bytes, then its length: nothing grades a larger
     * file (sources, jars and specs are capped far below), so the rest cannot change a grade.
     */
    private static void addContent(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long length = 0;
        int n;
        while (length < MAX_HASHED
                && (n = in.read(buffer, 0, (int) Math.min(buffer.length, MAX_HASHED - length))) > 0) {
            digest.update(buffer, 0, n);
            length += n;
        }
        if (length == MAX_HASHED) {
            length += in.skip(Long.MAX_VALUE);
        }
        add(digest, Long.toString(length));
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
