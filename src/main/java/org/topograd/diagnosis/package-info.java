/**
 * The mutants: the reference engine with one classic mistake of the course put in, to name the
 * bug behind a failed check and to audit whether the specs can catch each bug.
 *
 * <p>A {@link org.topograd.diagnosis.Mutant} reproduces one mistake: backprop by recursion,
 * {@code =} instead of {@code +=}, the power rule's {@code n * x^n}, a derivative evaluated at the
 * node's output, and so on. Each check sees a different part of a student's work (node
 * {@code backward()}s under topograd's traversal, the student's traversal on probe nodes, both
 * together), so {@link org.topograd.diagnosis.Forecasts} computes, once per spec and input point
 * and with the engine's own primitives, what each check would see from each mutant: numbers, which
 * {@code org.topograd.naming} compares with a student's and explains, and which a student kit
 * carries frozen instead of this package. {@link org.topograd.diagnosis.SuiteAudit} runs every
 * mutant against a suite of specs and reports the mutants no spec catches and the specs that cannot
 * catch much.
 *
 * <p>Nothing here runs student code: it works on the raw numbers grading already has.
 */
package org.topograd.diagnosis;
