package org.topograd.shard;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.topograd.report.AtomicFiles;
import org.topograd.report.Json;

/**
 * What a shard's reports folder needs for {@code merge}, in {@code shard.json}: which shard it is,
 * the whole class (merge must know everyone, not only who this shard graded), the spec columns, and
 * the topograd version (shards graded by different versions must not be mixed).
 *
 * @param version the topograd version that graded the shard
 * @param shard which shard
 * @param specs the summary's spec columns, in order
 * @param students every submission in the class, sorted
 * @param graded the submissions this shard graded, sorted
 */
public record ShardManifest(String version, Shard shard, List<String> specs, List<String> students,
        List<String> graded) {
    /** The file's name in a reports folder. */
    public static final String FILE = "shard.json";

    public ShardManifest {
        specs = List.copyOf(specs);
        students = List.copyOf(students);
        graded = List.copyOf(graded);
    }

    public static Path in(Path reports) {
        return reports.resolve(FILE);
    }

    public void write(Path reports) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("topograd", version);
        root.addProperty("shard", shard.index());
        root.addProperty("of", shard.count());
        root.add("specs", array(specs));
        root.add("students", array(students));
        root.add("graded", array(graded));
        AtomicFiles.write(in(reports), Json.render(root).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a folder's manifest.
     *
     * @throws IOException when it is missing or unreadable, saying so
     */
    public static ShardManifest read(Path reports) throws IOException {
        Path file = in(reports);
        if (!Files.isRegularFile(file)) {
            throw new IOException(reports + " has no " + FILE + ": it was not written by grade --shard K/N (or the"
                    + " shard did not finish)");
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return new ShardManifest(root.get("topograd").getAsString(),
                    new Shard(root.get("shard").getAsInt(), root.get("of").getAsInt()),
                    list(root, "specs"), list(root, "students"), list(root, "graded"));
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                | UnsupportedOperationException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + "): grade that shard again", e);
        }
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static List<String> list(JsonObject root, String key) {
        List<String> values = new ArrayList<>();
        for (JsonElement e : root.get(key).getAsJsonArray()) {
            values.add(e.getAsString());
        }
        return values;
    }
}
