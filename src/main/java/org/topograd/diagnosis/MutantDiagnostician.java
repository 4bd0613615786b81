package org.topograd.diagnosis;

import java.util.Optional;
import org.topograd.grading.Diagnostician;
import org.topograd.naming.BugNamer;

/**
 * The full tool's diagnosis: the mutants' numbers computed with the reference engine
 * ({@link Forecasts}), named and explained by {@link BugNamer} (which the student kit runs too, on
 * numbers frozen when the kit was made).
 *
 * <p>Thread-safe: grading threads share one instance and its cache of forecasts.
 */
public final class MutantDiagnostician implements Diagnostician {
    private final BugNamer namer;

    public MutantDiagnostician() {
        this(new Forecasts());
    }

    public MutantDiagnostician(Forecasts forecasts) {
        this.namer = new BugNamer(forecasts);
    }

    @Override
    public Optional<Diagnosis> diagnose(Evidence evidence) {
        return namer.diagnose(evidence);
    }
}
