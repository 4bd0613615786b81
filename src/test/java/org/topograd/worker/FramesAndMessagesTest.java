package org.topograd.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        Messages.Result back = MessageCodec.decodeResult(MessageCodec.encode(result));
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back.values()[i]));
        }
        assertNull(back.grads());
        assertArrayEquals(new int[] {2, -1}, back.order());
        assertEquals(result.failure(), back.failure());
        assertEquals("printed\n", back.output());
    }

    @Test
    void everyMessageRoundTripsWhole() throws IOException {
        Messages.Ready ready = new Messages.Ready(4242, 17);
        assertEquals(ready, MessageCodec.decodeReady(MessageCodec.encode(ready)));

        Messages.Bind bind = new Messages.Bind(List.of("p.Add", "", "p.Pow"),
                List.of(Messages.BINARY, Messages.UNARY, Messages.POWER), null);
        assertEquals(bind, MessageCodec.decodeBind(MessageCodec.encode(bind)));
        Messages.Bind withBackprop = new Messages.Bind(List.of("p.Add"), List.of(Messages.BINARY), "p.Sorter");
        assertEquals(withBackprop, MessageCodec.decodeBind(MessageCodec.encode(withBackprop)));

        Messages.Bound bound = new Messages.Bound(java.util.Arrays.asList(null, "java.lang.NoSuchMethodException: x"),
                "no constructor");
        assertEquals(bound, MessageCodec.decodeBound(MessageCodec.encode(bound)));

        Messages.GraphMessage graph = new Messages.GraphMessage(3, new int[] {0, 1, 2}, new int[] {-1, -1, 0},
                new int[] {-1, -1, 1}, new double[] {0, 2.5, 0}, new String[] {"x", null, null}, 2);
        assertEquals(graph, MessageCodec.decodeGraph(MessageCodec.encode(graph)));
        assertEquals(Messages.GRAPH, graph.frameType());
        assertEquals(3, graph.elements());
        assertEquals(graph, MessageCodec.decodeGraph(MessageCodec.encode((Messages.WireGraph) graph)));

        Messages.Bind tensorBind = new Messages.Bind(List.of("p.MatMul", "p.Sum", "p.Pow", "p.SumAxis"),
                List.of(Messages.TENSOR_BINARY, Messages.TENSOR_UNARY, Messages.TENSOR_POWER, Messages.TENSOR_AXIS),
                "p.TensorSorter");
        assertEquals(tensorBind, MessageCodec.decodeBind(MessageCodec.encode(tensorBind)));
        assertTrue(tensorBind.tensor());
        assertTrue(!bind.tensor());
        assertThrows(IllegalArgumentException.class, () -> new Messages.Bind(List.of("a", "b"),
                List.of(Messages.BINARY, Messages.TENSOR_BINARY), null), "one binding, one kind");

        // X [2, 3], labels y [2] (a constant), X summed along axis 1 [2], then to [].
        Messages.TensorGraphMessage tensors = new Messages.TensorGraphMessage(4, new int[] {0, 1, 5, 6},
                new int[] {-1, -1, 0, 2}, new int[] {-1, -1, -1, -1}, new double[] {0, 0, 1, 0},
                new String[] {"X", null, null, null}, 3, new int[] {2, 1, 1, 0}, new int[] {2, 3, 2, 2},
                new double[] {0, 4});
        assertEquals(tensors, MessageCodec.decodeTensorGraph(MessageCodec.encode(tensors)));
        assertEquals(tensors, MessageCodec.decodeTensorGraph(MessageCodec.encode((Messages.WireGraph) tensors)));
        assertEquals(Messages.TENSOR_GRAPH, tensors.frameType());
        assertArrayEquals(new int[] {0, 6, 8, 10, 11}, tensors.offsets());
        assertEquals(11, tensors.elements());
        Messages.TensorGraphMessage ragged = new Messages.TensorGraphMessage(4, new int[] {0}, new int[] {-1},
                new int[] {-1}, new double[] {0}, new String[] {"X"}, 0, new int[] {2}, new int[] {2},
                new double[0]);
        assertThrows(IOException.class, () -> MessageCodec.decodeTensorGraph(MessageCodec.encode(ragged)),
                "two dimensions claimed, one sent");

        Messages.Misshapen misshapen = new Messages.Misshapen(7, true, new int[] {5, 3}, new int[] {3, 5});
        assertEquals(misshapen, Messages.Misshapen.of(new Messages.Failure("backward:9", misshapen.text(), List.of())));
        Messages.Misshapen missing = new Messages.Misshapen(0, false, null, new int[0]);
        assertEquals(missing, Messages.Misshapen.of(new Messages.Failure("forward:0", missing.text(), List.of())));
        assertNull(Messages.Misshapen.of(new Messages.Failure("forward:0", "java.lang.NullPointerException",
                List.of())));

        List<Messages.Task> tasks = List.of(
                new Messages.Forward(3, new double[] {1, -0.0}, new int[] {0, 1, 2}),
                new Messages.Grads(3, new double[] {1, 2}, new int[] {1, 0, 2}, new double[] {1, 0, 2}),
                new Messages.Traversal(3, new double[] {0.5}, new double[] {1, 2, 3, 4, 5, 6}),
                new Messages.EndToEnd(3, new double[] {Double.NaN}, new int[] {2, 0, 1}),
                new Messages.Evaluate(3, new int[] {0, 1, 2}, new double[][] {{1}, {2, 3}}),
                new Messages.Local(3, new double[] {0.5, 0.75}, new int[] {2}, new double[] {1, 2}, new double[] {0, 3}));
        java.util.Set<Messages.TaskKind> kinds = java.util.EnumSet.noneOf(Messages.TaskKind.class);
        for (Messages.Task task : tasks) {
            assertEquals(task, MessageCodec.decodeTask(MessageCodec.encode(task)));
            kinds.add(task.kind());
        }
        assertEquals(java.util.EnumSet.allOf(Messages.TaskKind.class), kinds, "a task of every kind");

        Messages.Result result = new Messages.Result(null, new double[] {1, 2}, new double[] {3, 4, 5},
                new int[] {2, -1}, new int[] {0}, "printed");
        assertEquals(result, MessageCodec.decodeResult(MessageCodec.encode(result)));
        Messages.Result failed = new Messages.Result(new Messages.Failure("forward:3", "java.lang.RuntimeException: x",
                List.of("p.Mul.forward(Mul.java:9)")), new double[] {1}, null, null, null, "");
        assertEquals(failed, MessageCodec.decodeResult(MessageCodec.encode(failed)));

        double[] values = {0.5, Double.NaN};
        assertArrayEquals(values, MessageCodec.decodeValues(MessageCodec.encodeValues(values)));

        Messages.Timeout timeout = new Messages.Timeout(2001, "forward:4", List.of("p.Exp.forward(Exp.java:3)"));
        assertEquals(timeout, MessageCodec.decodeTimeout(MessageCodec.encode(timeout)));
        Messages.Exit exit = new Messages.Exit("construct:2", List.of());
        assertEquals(exit, MessageCodec.decodeExit(MessageCodec.encode(exit)));
    }

    /** The equality the round trip relies on tells a swapped or changed field apart, in every array. */
    @Test
    void messagesWithArraysAreEqualOnlyWithTheSameContents() {
        Messages.Grads grads = new Messages.Grads(3, new double[] {1, 2}, new int[] {0, 1}, new double[] {1, 0});
        assertEquals(grads, new Messages.Grads(3, new double[] {1, 2}, new int[] {0, 1}, new double[] {1, 0}));
        assertEquals(grads.hashCode(),
                new Messages.Grads(3, new double[] {1, 2}, new int[] {0, 1}, new double[] {1, 0}).hashCode());
        assertNotEquals(grads, new Messages.Grads(3, new double[] {2, 1}, new int[] {0, 1}, new double[] {1, 0}));
        assertNotEquals(grads, new Messages.Grads(3, new double[] {1, 2}, new int[] {1, 0}, new double[] {1, 0}));
        assertNotEquals(grads, new Messages.Grads(3, new double[] {1, 2}, new int[] {0, 1}, new double[] {1, -0.0}));
        assertNotEquals(new Messages.Forward(3, new double[] {1}, new int[] {0}),
                new Messages.EndToEnd(3, new double[] {1}, new int[] {0}), "two kinds with the same fields");
        assertNotEquals(new Messages.Evaluate(3, new int[] {0}, new double[][] {{1}, {2}}),
                new Messages.Evaluate(3, new int[] {0}, new double[][] {{2}, {1}}));
        assertNotEquals(new Messages.GraphMessage(1, new int[] {0}, new int[] {-1}, new int[] {-1}, new double[] {0},
                new String[] {"x"}, 0), new Messages.GraphMessage(1, new int[] {0}, new int[] {-1}, new int[] {-1},
                new double[] {0}, new String[] {"y"}, 0));
    }

    /** The worker reads tasks to their last byte: a task with bytes after it is not a task. */
    @Test
    void aTaskWithTrailingBytesIsRejected() {
        byte[] encoded = MessageCodec.encode(new Messages.Forward(1, new double[] {1}, new int[] {0}));
        byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
        assertThrows(IOException.class, () -> MessageCodec.decodeTask(longer));
    }

    /** A count a frame claims is checked against the bytes left before anything is allocated. */
    @Test
    void aCountLargerThanTheFrameIsRejected() {
        Wire.Writer out = new Wire.Writer();
        out.putInt(Integer.MAX_VALUE);
        assertThrows(IOException.class, () -> new Wire.Reader(out.bytes()).readDoubles());
        Wire.Writer text = new Wire.Writer();
        text.writeText("x".repeat(70_000)); // longer than writeUTF allows
        assertEquals(70_000, assertDoesNotThrowText(text.bytes()).length());
    }

    private static String assertDoesNotThrowText(byte[] bytes) {
        try {
            Wire.Reader in = new Wire.Reader(bytes);
            return in.whole(in.readText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
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
