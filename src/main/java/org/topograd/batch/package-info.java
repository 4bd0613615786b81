/**
 * Grading a whole class, as {@code topograd grade} does: which submissions need grading (their grade
 * keys), grading them, recording each result as it comes, and the summary, also when topograd is
 * stopped halfway. Knows the report folder's layout, the grading pipeline and the sandbox; knows
 * nothing of the command line.
 */
package org.topograd.batch;
