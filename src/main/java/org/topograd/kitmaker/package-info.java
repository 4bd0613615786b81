/**
 * Making a student kit, on the instructor's side: the visible specs' answers computed by the
 * reference engine and the mutants' forecasts, frozen into the kit that {@code kit} writes. The
 * only place where the kit meets the engine; nothing in {@code kit} refers back here.
 */
package org.topograd.kitmaker;
