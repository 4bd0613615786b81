package org.topograd.sandbox;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.topograd.worker.Frames;

/** A "worker" that writes well-formed frames of the size given on its channel, for ever: {@code FloodingWorker BYTES}. */
public final class FloodingWorker {
    private FloodingWorker() {}

    public static void main(String[] args) throws IOException {
        byte[] payload = new byte[Integer.parseInt(args[0])];
        OutputStream channel = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        while (true) {
            Frames.write(channel, 9, payload);
        }
    }
}
