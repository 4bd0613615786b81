package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;

class ReproducibleZipTest {
    private static byte[] zip() {
        return new ReproducibleZip()
                .add("run.sh", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8), ReproducibleZip.EXECUTABLE)
                .add("dir/data.txt", "data\n".getBytes(StandardCharsets.UTF_8))
                .finish();
    }

    @Test
    void entriesCarryTheirUnixModesAndNothingThatVaries() throws IOException {
        List<String> seen = new ArrayList<>();
        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip())).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(file.getEntries())) {
                seen.add(e.getName() + " " + Integer.toOctalString(e.getUnixMode()) + " " + e.getExtraFields().length
                        + " " + e.getLastModifiedDate().toInstant().atZone(java.time.ZoneId.systemDefault())
                        .toLocalDateTime());
            }
        }
        assertEquals(List.of("run.sh 100755 0 2026-01-01T00:00", "dir/data.txt 100644 0 2026-01-01T00:00"), seen);
    }

    @Test
    void theSameBytesInEveryTimeZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            byte[] utc = zip();
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            assertArrayEquals(utc, zip());
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertArrayEquals(utc, zip());
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
