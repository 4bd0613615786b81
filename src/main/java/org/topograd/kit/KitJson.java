package org.topograd.kit;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topograd.spec.Op;
import org.topograd.spec.tensor.TensorOp;

/**
 * The kit's frozen data as JSON, through Gson's streaming reader and writer: a kit's {@code check}
 * starts a fresh JVM every time, and streaming reads its tens of thousands of numbers without
 * Gson's reflective machinery. Doubles are written as {@link Double#toString} writes them, so they
 * read back exactly; NaN and infinities are allowed (a mistake's numbers can be either).
 */
final class KitJson {
    private KitJson() {}

    static JsonWriter writer(StringWriter out) {
        JsonWriter json = new JsonWriter(out);
        json.setStrictness(Strictness.LENIENT);
        return json;
    }

    static JsonReader reader(InputStream in) {
        JsonReader json = new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        json.setStrictness(Strictness.LENIENT);
        return json;
    }

    static void doubles(JsonWriter out, double[] values) throws IOException {
        if (values == null) {
            out.nullValue();
            return;
        }
        out.beginArray();
        for (double v : values) {
            out.value(v);
        }
        out.endArray();
    }

    static void ints(JsonWriter out, int[] values) throws IOException {
        out.beginArray();
        for (int v : values) {
            out.value(v);
        }
        out.endArray();
    }

    static double[] doubles(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        double[] values = new double[16];
        int n = 0;
        in.beginArray();
        while (in.hasNext()) {
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            values[n++] = in.nextDouble();
        }
        in.endArray();
        return Arrays.copyOf(values, n);
    }

    static int[] ints(JsonReader in) throws IOException {
        return list(in, JsonReader::nextInt).stream().mapToInt(Integer::intValue).toArray();
    }

    /** Reads one value of an array. */
    @FunctionalInterface
    interface Element<T> {
        T read(JsonReader in) throws IOException;
    }

    /** An array, each of its values read by {@code element}, in order. */
    static <T> List<T> list(JsonReader in, Element<T> element) throws IOException {
        List<T> values = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            values.add(element.read(in));
        }
        in.endArray();
        return values;
    }

    /** An operation, by its name in a spec. */
    static Op op(JsonReader in) throws IOException {
        String name = in.nextString();
        return Op.operation(name).orElseThrow(() -> new IllegalStateException("op " + name));
    }

    /** A tensor operation, by its name in a tensor spec. */
    static TensorOp tensorOp(JsonReader in) throws IOException {
        String name = in.nextString();
        return TensorOp.operation(name).orElseThrow(() -> new IllegalStateException("tensor op " + name));
    }
}
