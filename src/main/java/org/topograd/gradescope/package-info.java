/**
 * Gradescope's autograder package: the zip an instructor uploads, with {@code setup.sh},
 * {@code run_autograder}, topograd's jar and the specs. The results a run writes are built by
 * {@link org.topograd.report.GradescopeResults}.
 */
package org.topograd.gradescope;
