package org.topograd.worker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the student's {@code System.out} and {@code System.err} go: the first and the last
 * {@code half} bytes are kept, the rest only counted, so that printing 50 MB costs memory for a
 * few kilobytes. {@link #drain()} hands over what was printed since the last drain.
 */
final class CapturedOutput extends OutputStream {
    private final int half;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private int tailStart;
    private int tailLength;
    private long dropped;

    CapturedOutput(int half) {
        this.half = half;
        this.tail = new byte[half];
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int toHead = Math.min(len, half - head.size());
        if (toHead > 0) {
            head.write(b, off, toHead);
            off += toHead;
            len -= toHead;
        }
        if (len >= half) {
            // Only the last half bytes can survive: count the rest and keep those (fast for floods).
            dropped += tailLength + (len - half);
            System.arraycopy(b, off + len - half, tail, 0, half);
            tailStart = 0;
            tailLength = half;
            return;
        }
        for (int i = 0; i < len; i++) {
            if (tailLength == half) {
                tailStart = (tailStart + 1) % half;
                tailLength--;
                dropped++;
            }
            tail[(tailStart + tailLength) % half] = b[off + i];
            tailLength++;
        }
    }

    /** Everything kept since the last drain, with a line saying how much was left out; then empties. */
    synchronized String drain() {
        if (head.size() == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        if (dropped > 0) {
            text.append("\n[... ").append(dropped).append(" bytes of output left out ...]\n");
        }
        byte[] rest = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            rest[i] = tail[(tailStart + i) % half];
        }
        text.append(new String(rest, StandardCharsets.UTF_8));
        head.reset();
        tailStart = 0;
        tailLength = 0;
        dropped = 0;
        return text.toString();
    }
}
