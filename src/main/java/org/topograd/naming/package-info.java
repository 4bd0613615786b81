/**
 * Naming the bug behind a failed check from numbers alone: what each classic mistake would have
 * given at each input point ({@link org.topograd.naming.Forecast}, {@link org.topograd.naming.Mistake}),
 * compared with the student's numbers, and explained: which mistake, where the first wrong
 * gradient comes from ({@link org.topograd.naming.Locator}), which of the student's classes makes
 * it (their op probes), and the lecture's idea that fixes it ({@link org.topograd.naming.BugNamer}).
 *
 * <p>Nothing here computes a right answer or reproduces a mistake: the numbers come from a
 * {@link org.topograd.naming.ForecastSource}, the full tool's mutants on the reference engine
 * ({@code org.topograd.diagnosis}) or the numbers a student kit froze when it was made. So the kit
 * names a bug exactly as the full tool does, without carrying the engine.
 */
package org.topograd.naming;
