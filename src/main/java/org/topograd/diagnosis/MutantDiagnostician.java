package org.topograd.diagnosis;

import java.util.Optional;
import org.topograd.diagnosis.tensor.TensorForecasts;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.TensorDiagnostician;
import org.topograd.naming.BugNamer;
import org.topograd.naming.tensor.TensorBugNamer;

/**
 * The full tool's diagnosis: the mutants' numbers computed with the reference engine
 * ({@link Forecasts}), named and explained by {@link BugNamer} (which the student kit runs too, on
 * numbers frozen when the kit was made); for a tensor assignment, the tensor mutants' numbers
 * ({@link TensorForecasts}) named by {@link TensorBugNamer}.
 *
 * <p>Thread-safe: grading threads share one instance and its cache of forecasts.
 */
public final class MutantDiagnostician implements Diagnostician, TensorDiagnostician {
    private final BugNamer namer;
    private final TensorBugNamer tensorNamer;

    public MutantDiagnostician() {
        this(new Forecasts());
    }

    public MutantDiagnostician(Forecasts forecasts) {
        this(forecasts, new TensorForecasts());
    }

    public MutantDiagnostician(Forecasts forecasts, TensorForecasts tensorForecasts) {
        this.namer = new BugNamer(forecasts);
        this.tensorNamer = new TensorBugNamer(tensorForecasts);
    }

    @Override
    public Optional<Diagnosis> diagnose(Diagnostician.Evidence evidence) {
        return namer.diagnose(evidence);
    }

    @Override
    public Optional<Diagnosis> diagnose(TensorDiagnostician.Evidence evidence) {
        return tensorNamer.diagnose(evidence);
    }
}
