package org.topograd.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A zip (or jar) built in memory whose bytes depend only on what is put in it, in the order it is
 * put: every entry has the same fixed local time, its Unix mode and no extra fields, so the same
 * inputs give the same file on any machine, in any time zone, on any day. The modes are what
 * {@code unzip} (and Gradescope) give the files it extracts: {@link #FILE} or {@link #EXECUTABLE}.
 */
public final class ReproducibleZip {
    /** rw-r--r-- */
    public static final int FILE = 0644;
    /** rwxr-xr-x: a script to run as it is. */
    public static final int EXECUTABLE = 0755;

    /** The time every entry carries: a fixed local date, as a zip stores it (without a time zone). */
    static final LocalDateTime TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes);
    private final Set<String> names = new HashSet<>();

    /** Adds a file that is not to be run; names use {@code /} and are unique. */
    public ReproducibleZip add(String name, byte[] content) {
        return add(name, content, FILE);
    }

    /** Adds a file with the given Unix permission bits ({@link #FILE}, {@link #EXECUTABLE}). */
    public ReproducibleZip add(String name, byte[] content, int mode) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the zip already has an entry " + name);
        }
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setUnixMode(0100000 | (mode & 07777)); // a regular file with these permissions
        // A zip stores local time; this instant is TIME wherever the zip is made, so the bytes are too.
        entry.setTime(TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
        try {
            zip.putArchiveEntry(entry);
            zip.write(content);
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return this;
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    /** The finished zip; nothing can be added after. */
    public byte[] finish() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
