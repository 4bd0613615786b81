package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
    void aWriteThatFailsPartWayLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("summary.csv");
        AtomicFiles.write(target, "old\n".getBytes());
        IOException failure = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.replace(target, out -> {
            out.write("half of the new content".getBytes());
            out.flush(); // on the disk, so a write in place would have clobbered the old content by now
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("summary.csv"), names());
    }

    @Test
    void aFailedWriteToTheSameFileLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("summary.csv");
        AtomicFiles.write(target, "old\n".getBytes());
        Set<PosixFilePermission> writable = Files.getPosixFilePermissions(dir);
        Files.setPosixFilePermissions(dir, permissions(0555)); // no new file in the folder, the target itself writable
        try {
            assumeFalse(Files.isWritable(dir), "this user writes to a read-only folder regardless (root)");
            assertThrows(IOException.class, () -> AtomicFiles.write(target, "new\n".getBytes()));
        } finally {
            Files.setPosixFilePermissions(dir, writable);
        }
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("summary.csv"), names());
    }

    /** This process's umask, from /proc (Linux 4.7 and later), or -1. */
    static int umask() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("Umask:")) {
                return Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
            }
        }
        return -1;
    }

    /** {@code mode} (such as 0644) as the permissions it stands for. */
    static Set<PosixFilePermission> permissions(int mode) {
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ first, OTHERS_EXECUTE last
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    @Test
    void filesAndFoldersGetTheUsualPermissionsLessTheUmaskNotPrivateOnes() throws IOException {
        int umask = umask();
        assumeTrue(umask >= 0, "this system does not tell a process its umask (/proc/self/status has no Umask)");
        Path target = dir.resolve("reports").resolve("scorecards").resolve("ada.csv");
        AtomicFiles.write(target, "first\n".getBytes());
        assertEquals(permissions(0666 & ~umask), Files.getPosixFilePermissions(target));
        assertEquals(permissions(0777 & ~umask), Files.getPosixFilePermissions(target.getParent()));
        // A file that was private before (as earlier versions wrote them) gets the usual mode when replaced.
        Files.setPosixFilePermissions(target, permissions(0600));
        AtomicFiles.write(target, "second\n".getBytes());
        assertEquals(permissions(0666 & ~umask), Files.getPosixFilePermissions(target));
        assertEquals("second\n", Files.readString(target));
    }
}
