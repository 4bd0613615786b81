package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("summary.csv");
        AtomicFiles.write(target, "old\n".getBytes());
        AtomicFiles.write(target, "new\n".getBytes());
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("summary.csv"), names());
    }

    @Test
    void unchangedContentIsNotRewritten() throws IOException {
        Path target = dir.resolve("summary.csv");
        AtomicFiles.write(target, "same\n".getBytes());
        FileTime then = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(target, then);
        AtomicFiles.write(target, "same\n".getBytes());
        assertEquals(then, Files.getLastModifiedTime(target));
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("summary.csv");
        AtomicFiles.write(target, "old\n".getBytes());
        Path blocked = dir.resolve("scorecards");
        Files.writeString(blocked, "a file where a folder should be");
        assertThrows(IOException.class, () -> AtomicFiles.write(blocked.resolve("x.csv"), "new".getBytes()));
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("scorecards", "summary.csv"), names());
    }
}
