/**
 * The command line, and the only package that knows picocli. Each command is a thin class that
 * parses its options, calls the package that does the work, and turns the outcome into output
 * and an exit code ({@link org.topograd.cli.ExitCodes}).
 */
package org.topograd.cli;
