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
        return new Wire.Writer().putLong(r.pid()).putLong(r.studentThread()).bytes();
    }

    public static Messages.Ready decodeReady(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        return in.whole(new Messages.Ready(in.readLong(), in.readLong()));
    }

    public static byte[] encode(Messages.Bind b) {
        Wire.Writer out = new Wire.Writer().writeTexts(b.opClasses()).putInt(b.arities().size());
        for (int arity : b.arities()) {
            out.putInt(arity);
        }
        return out.writeNullableText(b.backpropClass()).bytes();
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
        return out.writeNullableText(b.backpropProblem()).bytes();
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
        Wire.Writer out = new Wire.Writer().putInt(g.id()).putInt(g.output()).writeInts(g.kinds()).writeInts(g.first())
                .writeInts(g.second()).writeDoubles(g.params());
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

    /** Either kind of graph, as its {@link Messages.WireGraph#frameType() frame} carries it. */
    public static byte[] encode(Messages.WireGraph g) {
        return g instanceof Messages.TensorGraphMessage t ? encode(t) : encode((Messages.GraphMessage) g);
    }

    public static byte[] encode(Messages.TensorGraphMessage g) {
        Wire.Writer out = new Wire.Writer().putInt(g.id()).putInt(g.output()).writeInts(g.kinds()).writeInts(g.first())
                .writeInts(g.second()).writeDoubles(g.params());
        for (int i = 0; i < g.size(); i++) {
            out.writeNullableText(g.names()[i]);
        }
        return out.writeInts(g.ranks()).writeInts(g.dims()).writeDoubles(g.constants()).bytes();
    }

    /** A tensor graph whose arrays agree with each other (one entry a node, as many dims as the ranks say). */
    public static Messages.TensorGraphMessage decodeTensorGraph(byte[] payload) throws IOException {
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
        int[] ranks = in.readInts();
        int[] dims = in.readInts();
        double[] constants = in.readDoubles();
        int n = kinds.length;
        int rankSum = 0;
        for (int i = 0; ranks != null && i < ranks.length; i++) {
            rankSum += ranks[i] < 0 || ranks[i] > 2 ? dims.length + 1 : ranks[i];
        }
        if (first.length != n || second.length != n || params.length != n || ranks == null || ranks.length != n
                || dims == null || dims.length != rankSum || constants == null || output < 0 || output >= n) {
            throw new IOException("a tensor graph whose arrays do not agree");
        }
        return in.whole(new Messages.TensorGraphMessage(id, kinds, first, second, params, names, output, ranks, dims,
                constants));
    }

    /*
     * A chain of instanceof rather than a switch on the sealed type: pattern matching in switch is
     * not part of Java 17.
     */
    public static byte[] encode(Messages.Task task) {
        Wire.Writer out = new Wire.Writer().putInt(task.kind().ordinal()).putInt(task.graph());
        if (task instanceof Messages.Forward t) {
            out.writeDoubles(t.inputs()).writeInts(t.order());
        } else if (task instanceof Messages.Grads t) {
            out.writeDoubles(t.inputs()).writeInts(t.order()).writeDoubles(t.seeds());
        } else if (task instanceof Messages.Traversal t) {
            out.writeDoubles(t.inputs()).writeDoubles(t.partials());
        } else if (task instanceof Messages.EndToEnd t) {
            out.writeDoubles(t.inputs()).writeInts(t.order());
        } else if (task instanceof Messages.Evaluate t) {
            out.writeInts(t.order()).putInt(t.points().length);
            for (double[] p : t.points()) {
                out.writeDoubles(p);
            }
        } else if (task instanceof Messages.Local t) {
            out.writeDoubles(t.inputs()).writeInts(t.nodes()).writeDoubles(t.seeds()).writeDoubles(t.partials());
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
        Wire.Writer out = new Wire.Writer().putBoolean(r.failure() != null);
        if (r.failure() != null) {
            out.writeText(r.failure().where()).writeText(r.failure().exception()).writeTexts(r.failure().stack());
        }
        return out.writeDoubles(r.values()).writeDoubles(r.grads()).writeInts(r.order()).writeInts(r.calls())
                .writeText(r.output()).bytes();
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
        return new Wire.Writer().writeDoubles(values).bytes();
    }

    public static double[] decodeValues(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        return in.whole(in.readDoubles());
    }

    public static byte[] encode(Messages.Timeout t) {
        return new Wire.Writer().putLong(t.cpuMillis()).writeText(t.where()).writeTexts(t.stack()).bytes();
    }

    public static Messages.Timeout decodeTimeout(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        return in.whole(new Messages.Timeout(in.readLong(), in.readText(), in.readTexts()));
    }

    public static byte[] encode(Messages.Exit exit) {
        return new Wire.Writer().writeText(exit.where()).writeTexts(exit.stack()).bytes();
    }

    public static Messages.Exit decodeExit(byte[] payload) throws IOException {
        Wire.Reader in = new Wire.Reader(payload);
        return in.whole(new Messages.Exit(in.readText(), in.readTexts()));
    }
}
