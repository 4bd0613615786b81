package org.topograd.kit;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope of one spec's forecast resource, scalar ({@link FrozenForecasts}) or tensor
 * ({@link FrozenTensorForecasts}): the spec's id and SHA-256, then one entry per input point. Written
 * and read here once, so that both kinds agree on when a file fits its spec: anything else (no file,
 * a damaged one, another spec's, another version's) means no diagnosis, never a wrong one.
 */
final class ForecastFiles {
    private ForecastFiles() {}

    /** Writes one input point's entry. */
    @FunctionalInterface
    interface PointWriter {
        void write(JsonWriter out, int caseIndex) throws IOException;
    }

    /** The resource for the spec {@code id} at {@code sha}, with {@code cases} points written by {@code point}. */
    static byte[] write(String id, String sha, int cases, PointWriter point) throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter out = KitJson.writer(text);
        out.beginObject();
        out.name("id").value(id);
        out.name("sha256").value(sha);
        out.name("cases").beginArray();
        for (int c = 0; c < cases; c++) {
            point.write(out, c);
        }
        out.endArray();
        out.endObject();
        out.flush();
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The points of {@code file}, or null when there is no such resource or it does not fit the spec
     * {@code id} as the kit froze it ({@code sha}, {@code cases} points), or is damaged.
     */
    static <P> List<P> read(FrozenAnswers.Resources resources, String file, String id, String sha, int cases,
            KitJson.Element<P> point) {
        if (file == null) {
            return null;
        }
        try (InputStream stream = resources.open(file)) {
            return stream == null ? null : read(KitJson.reader(stream), id, sha, cases, point);
        } catch (IOException | RuntimeException e) {
            return null; // damaged: no diagnosis, rather than a wrong one or a failed check
        }
    }

    private static <P> List<P> read(JsonReader in, String id, String sha, int cases, KitJson.Element<P> point)
            throws IOException {
        String writtenId = null;
        String writtenSha = null;
        List<P> points = new ArrayList<>();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "id" -> writtenId = in.nextString();
                case "sha256" -> writtenSha = in.nextString();
                case "cases" -> points.addAll(KitJson.list(in, point));
                default -> in.skipValue();
            }
        }
        in.endObject();
        boolean fits = id.equals(writtenId) && writtenSha != null && writtenSha.equals(sha) && points.size() == cases;
        return fits ? List.copyOf(points) : null;
    }
}
