/**
 * Naming the bug behind a failed check, and auditing whether the specs can catch each bug.
 *
 * <p>A {@link org.topograd.diagnosis.Mutant} is the reference engine with one classic mistake of
 * the course put in: backprop by recursion, {@code =} instead of {@code +=}, the power rule's
 * {@code n * x^n}, a derivative evaluated at the node's output, and so on. Each check sees a
 * different part of a student's work (node {@code backward()}s under topograd's traversal, the
 * student's traversal on probe nodes, both together), so a {@link org.topograd.diagnosis.Forecast}
 * holds what each check would see from the mutant, computed once per spec and input point with the
 * engine's own primitives.
 *
 * <p>{@link org.topograd.diagnosis.MutantDiagnostician} compares a failed check's numbers with the
 * forecasts and, when a mutant's numbers match and the reference's do not, says which mistake it
 * is, where the first wrong gradient comes from, and the lecture's idea that fixes it.
 * {@link org.topograd.diagnosis.SuiteAudit} runs every mutant against a suite of specs and reports
 * the mutants no spec catches and the specs that cannot catch much.
 *
 * <p>Nothing here runs student code: it works on the raw numbers grading already has.
 */
package org.topograd.diagnosis;
