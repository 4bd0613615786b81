package org.topograd.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesAndMessagesTest {
    @Test
    void framesRoundTripAndEndCleanly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, 7, new byte[] {1, 2, 3});
        Frames.write(out, 8, new byte[0]);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        Frames.Frame first = Frames.read(in);
        assertEquals(7, first.type());
        assertArrayEquals(new byte[] {1, 2, 3}, first.payload());
        assertEquals(8, Frames.read(in).type());
        assertNull(Frames.read(in));
    }

    @Test
    void anythingElseOnTheChannelIsMalformedNotAResult() throws IOException {
        byte[] printed = "PASS 100/100\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(Frames.MalformedFrameException.class, () -> Frames.read(new ByteArrayInputStream(printed)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, Messages.RESULT, new byte[] {1, 2, 3, 4});
        byte[] bytes = out.toByteArray();
        bytes[13] ^= 1; // a flipped payload bit
        Frames.MalformedFrameException e = assertThrows(Frames.MalformedFrameException.class,
                () -> Frames.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("checksum"));
    }

    @Test
    void resultsKeepEveryBitOfEveryDouble() throws IOException {
        double[] values = {0.1 + 0.2, -0.0, Double.NaN, Double.MIN_VALUE, Double.NEGATIVE_INFINITY};
        Messages.Result result = new Messages.Result(new Messages.Failure("forward:3", "java.lang.RuntimeException: x",
                List.of("p.Mul.forward(Mul.java:9)")), values, null, new int[] {2, -1}, new int[0], "printed\n");
        Messages.Result back = Messages.decodeResult(Messages.encode(result));
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back.values()[i]));
        }
        assertNull(back.grads());
        assertArrayEquals(new int[] {2, -1}, back.order());
        assertEquals(result.failure(), back.failure());
        assertEquals("printed\n", back.output());
    }

    @Test
    void everyMessageRoundTrips() throws IOException {
        Messages.Bind bind = new Messages.Bind(List.of("p.Add", ""), List.of(2, 1), null);
        assertEquals(bind, Messages.decodeBind(Messages.encode(bind)));

        Messages.GraphMessage graph = new Messages.GraphMessage(3, new int[] {0, 1, 2}, new int[] {-1, -1, 0},
                new int[] {-1, -1, 1}, new double[] {0, 2.5, 0}, new String[] {"x", null, null}, 2);
        Messages.GraphMessage back = Messages.decodeGraph(Messages.encode(graph));
        assertArrayEquals(graph.kinds(), back.kinds());
        assertArrayEquals(graph.names(), back.names());
        assertEquals(2, back.output());

        Messages.Task task = new Messages.Task(Messages.TaskKind.EVALUATE, 3, new double[] {1}, new int[] {0, 1, 2},
                new double[] {1, 0, 2}, null, new double[][] {{1}, {2}});
        Messages.Task taskBack = Messages.decodeTask(Messages.encode(task));
        assertEquals(Messages.TaskKind.EVALUATE, taskBack.kind());
        assertArrayEquals(new double[] {2}, taskBack.points()[1]);
        assertArrayEquals(new double[] {1, 0, 2}, taskBack.seeds());

        Messages.Timeout timeout = new Messages.Timeout(2001, "forward:4", List.of("p.Exp.forward(Exp.java:3)"));
        assertEquals(timeout, Messages.decodeTimeout(Messages.encode(timeout)));
        Messages.Exit exit = new Messages.Exit("construct:2", List.of());
        assertEquals(exit, Messages.decodeExit(Messages.encode(exit)));
    }

    @Test
    void capturedOutputKeepsHeadAndTailAndSaysHowMuchWasLeftOut() {
        CapturedOutput captured = new CapturedOutput(8);
        byte[] text = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
        captured.write(text, 0, text.length);
        assertEquals("01234567\n[... 20 bytes of output left out ...]\nstuvwxyz", captured.drain());
        assertEquals("", captured.drain());
        captured.write('!');
        assertEquals("!", captured.drain());
    }
}
