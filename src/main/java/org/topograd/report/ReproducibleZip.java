package org.topograd.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip (or jar) built in memory whose bytes depend only on what is put in it, in the order it is
 * put: every entry has the same fixed local time and no extra fields, so the same inputs give the
 * same file on any machine, in any time zone, on any day.
 */
public final class ReproducibleZip {
    /** The time every entry carries: a fixed local date, stored without a time zone. */
    static final LocalDateTime TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);
    private final Set<String> names = new HashSet<>();

    /** Adds a file; names use {@code /} and are unique. */
    public ReproducibleZip add(String name, byte[] content) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the zip already has an entry " + name);
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(TIME);
        try {
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
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
