package org.topograd.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary encoding of every {@link Messages message}, one {@code encode} and one {@code decode}
 * each, built of {@link Wire}'s primitives. A task starts with its {@link Messages.TaskKind kind}'s
 * code and its graph's id; what follows is its variant's own.
 */
public final class MessageCodec {
    private MessageCodec() {}

    public static byte[] encode(Messages.Ready r) {
        Wire.Writer out = new Wire.Writer();
        out.putLong(r.pid());
        out.putLong(r.studentThread());
        return out.bytes();
    }

    public static Messages.Ready decodeReady(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        return in.whole(new Messages.Ready(in.readLong(), in.readLong()));
    }

    public static byte[] encode(Messages.Bind b) {
        Wire.Writer out = new Wire.Writer();
        out.writeTexts(b.opClasses());
        out.putInt(b.arities().size());
        for (int arity : b.arities()) {
            out.putInt(arity);
        }
        out.writeNullableText(b.backpropClass());
        return out.bytes();
    }

    public static Messages.Bind decodeBind(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        List<String> classes = in.readTexts();
        int n = in.readCount(4, false);
        List<Integer> arities = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            arities.add(in.readInt());
        }
        return new Messages.Bind(classes, arities, in.readNullableText());
    }

    public static byte[] encode(Messages.Bound b) {
        Wire.Writer out = new Wire.Writer();
        out.putInt(b.opProblems().size());
        for (String p : b.opProblems()) {
            out.writeNullableText(p);
        }
        out.writeNullableText(b.backpropProblem());
        return out.bytes();
    }

    public static Messages.Bound decodeBound(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        int n = in.readCount(1, false);
        List<String> problems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            problems.add(in.readNullableText());
        }
        return in.whole(new Messages.Bound(problems, in.readNullableText()));
    }

    public static byte[] encode(Messages.GraphMessage g) {
        Wire.Writer out = new Wire.Writer();
        out.putInt(g.id());
        out.putInt(g.output());
        out.writeInts(g.kinds());
        out.writeInts(g.first());
        out.writeInts(g.second());
        out.writeDoubles(g.params());
        for (int i = 0; i < g.size(); i++) {
            out.writeNullableText(g.names()[i]);
        }
        return out.bytes();
    }

    public static Messages.GraphMessage decodeGraph(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        int id = in.readInt();
        int output = in.readInt();
        int[] kinds = in.readInts();
        int[] first = in.readInts();
        int[] second = in.readInts();
        double[] params = in.readDoubles();
        String[] names = new String[kinds.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = in.readNullableText();
        }
        return new Messages.GraphMessage(id, kinds, first, second, params, names, output);
    }

    /*
     * A chain of instanceof rather than a switch on the sealed type: pattern matching in switch is
     * not part of Java 17.
     */
    public static byte[] encode(Messages.Task task) {
        Wire.Writer out = new Wire.Writer();
        out.putInt(task.kind().ordinal());
        out.putInt(task.graph());
        if (task instanceof Messages.Forward t) {
            out.writeDoubles(t.inputs());
            out.writeInts(t.order());
        } else if (task instanceof Messages.Grads t) {
            out.writeDoubles(t.inputs());
            out.writeInts(t.order());
            out.writeDoubles(t.seeds());
        } else if (task instanceof Messages.Traversal t) {
            out.writeDoubles(t.inputs());
            out.writeDoubles(t.partials());
        } else if (task instanceof Messages.EndToEnd t) {
            out.writeDoubles(t.inputs());
            out.writeInts(t.order());
        } else if (task instanceof Messages.Evaluate t) {
            out.writeInts(t.order());
            out.putInt(t.points().length);
            for (double[] p : t.points()) {
                out.writeDoubles(p);
            }
        } else if (task instanceof Messages.Local t) {
            out.writeDoubles(t.inputs());
            out.writeInts(t.nodes());
            out.writeDoubles(t.seeds());
            out.writeDoubles(t.partials());
        } else {
            throw new IllegalArgumentException("no encoding for " + task);
        }
        return out.bytes();
    }

    public static Messages.Task decodeTask(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        int ordinal = in.readInt();
        if (ordinal < 0 || ordinal >= Messages.TaskKind.values().length) {
            throw new IOException("no task kind " + ordinal);
        }
        int graph = in.readInt();
        switch (Messages.TaskKind.values()[ordinal]) {
            case FORWARD:
                return in.whole(new Messages.Forward(graph, in.readDoubles(), in.readInts()));
            case GRADS:
                return in.whole(new Messages.Grads(graph, in.readDoubles(), in.readInts(), in.readDoubles()));
            case TRAVERSAL:
                return in.whole(new Messages.Traversal(graph, in.readDoubles(), in.readDoubles()));
            case END_TO_END:
                return in.whole(new Messages.EndToEnd(graph, in.readDoubles(), in.readInts()));
            case EVALUATE: {
                int[] order = in.readInts();
                double[][] points = new double[in.readCount(4, false)][];
                for (int i = 0; i < points.length; i++) {
                    points[i] = in.readDoubles();
                }
                return in.whole(new Messages.Evaluate(graph, order, points));
            }
            case LOCAL:
                return in.whole(new Messages.Local(graph, in.readDoubles(), in.readInts(), in.readDoubles(),
                        in.readDoubles()));
            default:
                throw new IOException("no task kind " + ordinal);
        }
    }

    public static byte[] encode(Messages.Result r) {
        Wire.Writer out = new Wire.Writer();
        out.putBoolean(r.failure() != null);
        if (r.failure() != null) {
            out.writeText(r.failure().where());
            out.writeText(r.failure().exception());
            out.writeTexts(r.failure().stack());
        }
        out.writeDoubles(r.values());
        out.writeDoubles(r.grads());
        out.writeInts(r.order());
        out.writeInts(r.calls());
        out.writeText(r.output());
        return out.bytes();
    }

    public static Messages.Result decodeResult(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        Messages.Failure failure = in.readBoolean()
                ? new Messages.Failure(in.readText(), in.readText(), in.readTexts()) : null;
        return in.whole(new Messages.Result(failure, in.readDoubles(), in.readDoubles(), in.readInts(),
                in.readInts(), in.readText()));
    }

    /** A GRADS task's node values, before its backward runs. */
    public static byte[] encodeValues(double[] values) {
        Wire.Writer out = new Wire.Writer();
        out.writeDoubles(values);
        return out.bytes();
    }

    public static double[] decodeValues(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        return in.whole(in.readDoubles());
    }

    public static byte[] encode(Messages.Timeout t) {
        Wire.Writer out = new Wire.Writer();
        out.putLong(t.cpuMillis());
        out.writeText(t.where());
        out.writeTexts(t.stack());
        return out.bytes();
    }

    public static Messages.Timeout decodeTimeout(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        return in.whole(new Messages.Timeout(in.readLong(), in.readText(), in.readTexts()));
    }

    public static byte[] encode(Messages.Exit exit) {
        Wire.Writer out = new Wire.Writer();
        out.writeText(exit.where());
        out.writeTexts(exit.stack());
        return out.bytes();
    }

    public static Messages.Exit decodeExit(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        return in.whole(new Messages.Exit(in.readText(), in.readTexts()));
    }
}
