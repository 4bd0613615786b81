package org.topograd.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every way a class can name another, found: what the kit's jar must hold, or must not. */
class ClassReferencesTest {
    /** Names other classes in each of the places a class file holds them. */
    @Deprecated
    static class Referrer<T extends java.util.concurrent.Callable<java.math.BigDecimal>> {
        java.util.zip.CRC32 field;
        List<java.time.Duration> generic;
        java.util.BitSet[] array;

        java.net.URI method(java.nio.file.Path path) throws java.io.UncheckedIOException {
            Object made = new java.util.concurrent.atomic.AtomicLong();
            Class<?> literal = java.util.regex.Pattern.class;
            Runnable lambda = () -> java.util.Locale.getDefault();
            if (made instanceof java.util.function.IntSupplier) {
                lambda.run();
            }
            return literal == null ? null : java.net.URI.create(java.util.Objects.toString(java.time.Instant.EPOCH));
        }
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyPlaceAClassIsNamedIsFound() throws IOException {
        Set<String> found = ClassReferences.of(bytes(Referrer.class));
        for (String name : List.of("java/util/concurrent/Callable", "java/math/BigDecimal", "java/util/zip/CRC32",
                "java/time/Duration", "java/util/BitSet", "java/net/URI", "java/nio/file/Path",
                "java/io/UncheckedIOException", "java/util/concurrent/atomic/AtomicLong", "java/util/regex/Pattern",
                "java/util/function/IntSupplier", "java/util/Objects", "java/time/Instant", "java/lang/Deprecated",
                "java/lang/invoke/LambdaMetafactory")) {
            assertTrue(found.contains(name), name + " not in " + found);
        }
        assertTrue(found.stream().noneMatch(n -> n.startsWith("[")), found.toString());
    }

    @Test
    void aFileThatIsNotAClassIsRefused() {
        assertThrows(IOException.class, () -> ClassReferences.of(new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3}));
    }
}
