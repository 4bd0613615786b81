package org.topograd.spec.tensor;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.topograd.spec.Location;
import org.topograd.spec.Problem;
import org.topograd.spec.SourceText;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The entry point of the tensor spec language: tells a tensor spec from a scalar one
 * ({@link #isTensorSpec}), and reads one ({@link #load}, {@link #parse}) into a
 * {@link TensorSpecResult}. Total, as {@code spec.SpecLoader} is: whatever a file holds, however
 * large or broken, this returns a spec or problems at their line and column.
 *
 * <p>A caller that reads any spec asks {@link #isTensorSpec} first, and reads the file with this
 * loader or with {@code SpecLoader}; a file that is not YAML at all goes to {@code SpecLoader}, whose
 * problems are the same.
 */
public final class TensorSpecLoader {
    private TensorSpecLoader() {}

    /** Reads a tensor spec file. */
    public static TensorSpecResult load(Path file) {
        SourceText.Read read = SourceText.read(file);
        if (read instanceof SourceText.Read.Refused refused) {
            return new TensorSpecResult.Invalid(file, refused.problems());
        }
        return parse(file, ((SourceText.Read.Text) read).text());
    }

    /** Parses tensor spec text; {@code file} is used for messages and the spec's id. */
    public static TensorSpecResult parse(Path file, String text) {
        try {
            return new TensorSpecReader(file).read(text);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A bug of topograd's, which the fuzz test hunts for: still this file's problem, never the run's end.
            return new TensorSpecResult.Invalid(file, List.of(new Problem(new Location(file, 1, 1), "topograd could"
                    + " not read this spec (" + e.getClass().getSimpleName() + "): this is a bug in topograd; please"
                    + " report it with the file, and check the file with topograd validate meanwhile")));
        }
    }

    /** Whether a file holds a tensor spec; false for anything unreadable (the scalar reader says why). */
    public static boolean isTensorSpec(Path file) {
        return SourceText.read(file) instanceof SourceText.Read.Text text && isTensorSpec(text.text());
    }

    /**
     * Whether spec text is in the tensor language: it has a {@code constants} key, or an input whose
     * value is a list or a mapping with {@code shape}. False for text that is not a YAML mapping.
     */
    public static boolean isTensorSpec(String text) {
        if (!(SourceText.check(null, text) instanceof SourceText.Read.Text)) {
            return false;
        }
        Node root;
        try {
            root = TensorValueReader.composer().compose(new StringReader(text));
        } catch (RuntimeException | StackOverflowError e) {
            return false; // not YAML: the scalar reader reports where
        }
        if (!(root instanceof MappingNode top)) {
            return false;
        }
        for (NodeTuple entry : top.getValue()) {
            String key = entry.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (key.equals("constants")) {
                return true;
            }
            if (key.equals("inputs") && entry.getValueNode() instanceof MappingNode inputs
                    && inputs.getValue().stream().map(NodeTuple::getValueNode)
                            .anyMatch(TensorSpecLoader::tensorValue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tensorValue(Node value) {
        return value instanceof SequenceNode || value instanceof MappingNode m && m.getValue().stream()
                .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("shape"));
    }
}
