package org.topograd.gradescope;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Gradescope's documented format of {@code results.json}, as a JSON Schema
 * ({@code src/test/resources/gradescope/results.schema.json}): what a results file breaks of it.
 */
public final class ResultsSchema {
    private static final Schema SCHEMA = load();

    private ResultsSchema() {}

    private static Schema load() {
        try (InputStream in = ResultsSchema.class.getResourceAsStream("/gradescope/results.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the JSON text breaks Gradescope's format; empty when it keeps it. */
    public static List<String> problems(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
