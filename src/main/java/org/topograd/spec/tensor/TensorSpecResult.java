package org.topograd.spec.tensor;

import java.nio.file.Path;
import java.util.List;
import org.topograd.spec.Problem;

/** The outcome of reading one tensor spec file: a spec, or every problem found in it. */
public sealed interface TensorSpecResult {
    Path file();

    record Valid(TensorSpec spec) implements TensorSpecResult {
        @Override
        public Path file() {
            return spec.file();
        }
    }

    record Invalid(Path file, List<Problem> problems) implements TensorSpecResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
