package org.topograd.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topograd.spec.Problem;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;

/**
 * Checks a spec file completely: first that it reads (syntax, keys, names, numbers), then, for a
 * spec that does, that it holds ({@link Solver}: every expectation right, every value finite,
 * finite differences agreeing). One file's trouble never stops another's check.
 */
public final class SpecValidator {
    private SpecValidator() {}

    /**
     * The outcome for one file.
     *
     * @param file the file
     * @param problems everything wrong, reading problems first; empty when the spec is valid
     * @param solution the solution, when the spec could be read
     */
    public record Validated(Path file, List<Problem> problems, Optional<Solution> solution) {
        public Validated {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Validated validate(Path file) {
        SpecResult result = SpecLoader.load(file);
        if (result instanceof SpecResult.Invalid invalid) {
            return new Validated(file, invalid.problems(), Optional.empty());
        }
        Solution solution = Solver.solve(((SpecResult.Valid) result).spec());
        return new Validated(file, new ArrayList<>(solution.problems()), Optional.of(solution));
    }
}
