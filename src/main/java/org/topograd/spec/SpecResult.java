package org.topograd.spec;

import java.nio.file.Path;
import java.util.List;

/** The outcome of reading one spec file: a spec, or every problem found in it. */
public sealed interface SpecResult {
    Path file();

    record Valid(Spec spec) implements SpecResult {
        @Override
        public Path file() {
            return spec.file();
        }
    }

    record Invalid(Path file, List<Problem> problems) implements SpecResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
