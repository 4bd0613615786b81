package org.topograd.worker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * Length-prefixed, checksummed frames: {@code magic, type, length, payload, crc32(payload)}.
 *
 * <p>The magic number and the checksum make anything else that reaches the channel (a student
 * writing to file descriptor 1 directly, a child process inheriting it) fail loudly as a
 * malformed frame instead of being read as a result.
 */
public final class Frames {
    static final int MAGIC = 0x54475244; // "TGRD"
    /** No message is this large; a length beyond it means the stream is corrupt, not a big result. */
    static final int MAX_PAYLOAD = 256 << 20;

    private Frames() {}

    /** A frame's type and payload. */
    public record Frame(int type, byte[] payload) {}

    /** The channel carried something that is not a frame. */
    public static final class MalformedFrameException extends IOException {
        private final byte[] seen;

        MalformedFrameException(String message, byte[] seen) {
            super(message);
            this.seen = seen;
        }

        /** The bytes read where a frame should have started. */
        public byte[] seen() {
            return seen.clone();
        }
    }

    public static void write(OutputStream out, int type, byte[] payload) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(payload.length + 16);
        DataOutputStream data = new DataOutputStream(buffer);
        data.writeInt(MAGIC);
        data.writeInt(type);
        data.writeInt(payload.length);
        data.write(payload);
        data.writeInt((int) crc.getValue());
        data.flush();
        buffer.writeTo(out); // one write, so a frame is never interleaved with anything
        out.flush();
    }

    /** The next frame, or null at a clean end of stream. */
    public static Frame read(InputStream in) throws IOException {
        return read(in, MAX_PAYLOAD);
    }

    /**
     * The next frame, whose payload may be at most {@code maxPayload} bytes, or null at a clean end
     * of stream. The payload is read as it arrives, never allocated at the size the frame claims, so
     * a frame that lies about its length costs only what was really sent.
     */
    public static Frame read(InputStream in, int maxPayload) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic;
        try {
            magic = data.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (magic != MAGIC) {
            throw new MalformedFrameException("expected a frame, found bytes 0x" + Integer.toHexString(magic),
                    java.nio.ByteBuffer.allocate(4).putInt(magic).array());
        }
        int type = data.readInt();
        int length = data.readInt();
        if (length < 0 || length > Math.min(maxPayload, MAX_PAYLOAD)) {
            throw new MalformedFrameException("frame length " + length + " is out of range", new byte[0]);
        }
        byte[] payload = data.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("the stream ended inside a frame");
        }
        int expected = data.readInt();
        CRC32 crc = new CRC32();
        crc.update(payload);
        if ((int) crc.getValue() != expected) {
            throw new MalformedFrameException("frame checksum mismatch", new byte[0]);
        }
        return new Frame(type, payload);
    }
}
