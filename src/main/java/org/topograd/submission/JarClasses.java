package org.topograd.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A submitted jar's class files, unpacked into a folder of topograd's, so that everything after
 * compiling (discovery, the worker) sees one kind of submission. The jar is hostile input: it is
 * read as a stream, never by the sizes it claims; entries, each entry's and the total unpacked size
 * are capped by the {@link CompileLimits}; only {@code .class} entries with plain names are taken.
 */
final class JarClasses {
    /** Entries of any kind a jar may have: resources and folders count too. */
    static final int MAX_ENTRIES = 10_000;
    /** A class file's path: Java identifiers (any letters), separated by slashes, no "." or ".." segment. */
    private static final Pattern NAME = Pattern.compile(
            "(?:[\\p{L}\\p{N}_$-]+/)*[\\p{L}\\p{N}_$-]+(?:\\.[\\p{L}\\p{N}_$-]+)*"
            + "\\.class");

    /** Why a jar cannot be used: the message is the student's compile error. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private JarClasses() {}

    /** Unpacks the class files of {@code jar} into {@code out}; returns how many there were. */
    static int extract(Path jar, Path out, CompileLimits limits) throws IOException, Refused {
        String name = jar.getFileName().toString();
        if (SubmissionFiles.size(jar) > limits.classBytes()) {
            throw new Refused(name + " is " + SubmissionFiles.size(jar) / 1024 + " KB, more than the "
                    + limits.classBytes() / 1024 + " KB of classes allowed");
        }
        Files.createDirectories(out);
        int entries = 0;
        int classes = 0;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(SubmissionFiles.open(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new Refused(name + " has more than " + MAX_ENTRIES + " entries");
                }
                String path = entry.getName();
                if (entry.isDirectory() || !path.endsWith(".class") || path.startsWith("META-INF/")
                        || path.equals("module-info.class")) {
                    continue;
                }
                if (!NAME.matcher(path).matches()) {
                    throw new Refused(name + " has an entry whose name is not a class file's path: "
                            + (path.length() > 100 ? path.substring(0, 100) + "..." : path));
                }
                if (++classes > limits.classFiles()) {
                    throw new Refused(name + " has more than the " + limits.classFiles() + " class files allowed");
                }
                Path target = out.resolve(path);
                Files.createDirectories(target.getParent());
                try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                    total += copy(zip, file, limits.classBytes() - total);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    throw new Refused(name + " holds " + path + " twice");
                }
                if (total > limits.classBytes()) {
                    throw new Refused(name + " unpacks to more than the " + limits.classBytes() / 1024
                            + " KB of classes allowed");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new Refused(name + " is not a valid jar (" + e.getMessage() + ")");
        }
        if (classes == 0) {
            throw new Refused(name + " holds no class files (is it a jar at all? build it with the jar tool)");
        }
        return classes;
    }

    /** Copies at most {@code room + 1} bytes: one more than allowed tells the caller it was too much. */
    private static long copy(InputStream in, OutputStream out, long room) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        int n;
        while (copied <= room && (n = in.read(buffer, 0, (int) Math.min(buffer.length, room + 1 - copied))) > 0) {
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }
}
