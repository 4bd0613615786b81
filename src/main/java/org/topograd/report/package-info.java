/**
 * What grading leaves behind: {@code summary.csv}, one scorecard per student, logs, and the
 * terminal report of {@code topograd check}; and the same results in the forms other tools read:
 * Gradescope's {@code results.json}, {@code check --json}, JUnit XML, and LMS gradebook imports.
 * Every file is written whole or not at all ({@link org.topograd.report.AtomicFiles}), and the
 * same results always give the same bytes.
 */
package org.topograd.report;
