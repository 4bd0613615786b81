package org.topograd.engine.tensor;

import org.topograd.api.tensor.NDArray;
import org.topograd.spec.tensor.TensorClaim;

/**
 * One tensor an instructor wrote under {@code expect}, judged element by element against the
 * reference engine: the tensor counterpart of {@link org.topograd.engine.Verdict}.
 *
 * @param claim what was written, and where
 * @param computed what the reference engine computes for it, of the claim's shape
 * @param wrong how many elements lie outside the spec's tolerance
 * @param firstWrong the row-major index of the first of them, or -1 when every element agrees
 */
public record TensorVerdict(TensorClaim claim, NDArray computed, int wrong, int firstWrong) {
    public boolean passed() {
        return wrong == 0;
    }
}
