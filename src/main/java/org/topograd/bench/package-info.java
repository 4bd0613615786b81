/**
 * Benchmarks behind {@code topograd bench}: measured by a command, never by a timed unit test.
 */
package org.topograd.bench;
