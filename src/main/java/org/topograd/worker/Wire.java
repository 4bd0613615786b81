package org.topograd.worker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary primitives every message on a frame is made of, for the worker's protocol and the
 * compile server's alike: texts of any length, lists, and arrays that may be absent. Doubles travel
 * as their exact bits.
 *
 * <p>What is read comes from another process, which may run student code: every count is checked
 * against what is left of the payload before anything is allocated. (Plain code rather than lambdas
 * throughout this package: the worker starts once per submission, and every lambda's first use
 * costs start-up time.)
 */
public final class Wire {
    private Wire() {}

    /**
     * Bytes in the order {@link java.io.DataInputStream} reads them (big-endian), into an array, which
     * never fails; each method returns the writer, so a message writes in one expression.
     */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** What has been written. */
        public byte[] bytes() {
            return out.toByteArray();
        }

        public Writer putInt(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        public Writer putLong(long v) {
            putInt((int) (v >>> 32));
            return putInt((int) v);
        }

        public Writer putBoolean(boolean v) {
            out.write(v ? 1 : 0);
            return this;
        }

        /** A text of any length (writeUTF stops at 64 KB). */
        public Writer writeText(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            out.write(utf8, 0, utf8.length);
            return this;
        }

        /** A text or null. */
        public Writer writeNullableText(String s) {
            return s == null ? putBoolean(false) : putBoolean(true).writeText(s);
        }

        public Writer writeTexts(List<String> texts) {
            putInt(texts.size());
            for (String s : texts) {
                writeText(s);
            }
            return this;
        }

        /** An array or null (written as length -1). */
        public Writer writeInts(int[] a) {
            putInt(a == null ? -1 : a.length);
            for (int i = 0; a != null && i < a.length; i++) {
                putInt(a[i]);
            }
            return this;
        }

        /** An array or null (written as length -1), every double to its last bit. */
        public Writer writeDoubles(double[] a) {
            putInt(a == null ? -1 : a.length);
            for (int i = 0; a != null && i < a.length; i++) {
                putLong(Double.doubleToRawLongBits(a[i]));
            }
            return this;
        }
    }

    /** A data stream over one frame's payload, which checks every count against the bytes left. */
    public static final class Reader extends DataInputStream {
        public Reader(byte[] payload) {
            super(new ByteArrayInputStream(payload));
        }

        /**
         * A count of elements of at least {@code elementBytes} each, checked against what is left of
         * the payload before anything is allocated: a count a frame claims must never make the reader
         * allocate more than the frame itself holds.
         */
        public int readCount(int elementBytes, boolean nullable) throws IOException {
            int n = readInt();
            if (n == -1 && nullable) {
                return n;
            }
            if (n < 0 || (long) n * elementBytes > available()) {
                throw new IOException("a count of " + n + " does not fit the " + available() + " bytes left");
            }
            return n;
        }

        public String readText() throws IOException {
            byte[] utf8 = new byte[readCount(1, false)];
            readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        public String readNullableText() throws IOException {
            return readBoolean() ? readText() : null;
        }

        public List<String> readTexts() throws IOException {
            int n = readCount(4, false);
            List<String> texts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                texts.add(readText());
            }
            return texts;
        }

        public int[] readInts() throws IOException {
            int n = readCount(4, true);
            int[] a = n < 0 ? null : new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = readInt();
            }
            return a;
        }

        public double[] readDoubles() throws IOException {
            int n = readCount(8, true);
            if (n < 0) {
                return null;
            }
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Double.longBitsToDouble(readLong());
            }
            return a;
        }

        /** A message must be read to its last byte: anything after it means the frame is not what it claims. */
        public <T> T whole(T message) throws IOException {
            if (available() != 0) {
                throw new IOException(available() + " bytes after the end of the message");
            }
            return message;
        }
    }
}
