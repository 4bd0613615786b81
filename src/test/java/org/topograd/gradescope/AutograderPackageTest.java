package org.topograd.gradescope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutograderPackageTest {
    @Test
    void theScriptsGoInExecutableAndTheSameInputsGiveTheSameBytes(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("topograd.jar"), "the jar\n");
        Path spec = Files.copy(Path.of("specs", "square.yaml"), dir.resolve("square.yaml"));
        byte[] zip = AutograderPackage.build(jar, List.of(spec));
        assertArrayEquals(zip, AutograderPackage.build(jar, List.of(spec)));
        List<String> entries = new ArrayList<>();
        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry e : Collections.list(file.getEntries())) {
                entries.add(e.getName() + " " + Integer.toOctalString(e.getUnixMode() & 0777));
            }
        }
        assertEquals(List.of("setup.sh 755", "run_autograder 755", "topograd.jar 644", "specs/square.yaml 644"), entries);
    }
}
