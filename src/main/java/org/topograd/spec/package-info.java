/**
 * The spec language: YAML files that describe a computation graph, the points it is checked at and
 * what the instructor expects there, read into a {@link org.topograd.spec.Spec} with its
 * {@link org.topograd.spec.Graph}.
 *
 * <p>{@link org.topograd.spec.SpecLoader} is the entry point, and total: whatever a file holds, it
 * returns a spec or problems at their line and column. {@link org.topograd.spec.SourceText} checks
 * the file before SnakeYAML reads it (size, encoding, characters, line length);
 * {@link org.topograd.spec.SpecReader} walks the YAML node tree (so that every problem has a line and column),
 * sharing with the tensor language's reader what {@link org.topograd.spec.SpecLanguageReader} reads alike;
 * {@link org.topograd.spec.ExpressionParser} (one grammar, each language's {@link org.topograd.spec.ExpressionSyntax})
 * and {@link org.topograd.spec.GraphCompiler} turn graph
 * entries into nodes, {@link org.topograd.spec.GraphGenerator} makes the large generated graphs, and
 * {@link org.topograd.spec.ExpectWriter} fills in {@code expect} for {@code topograd solve --write}.
 * Nothing here computes a value or a gradient: that is the engine's.
 */
package org.topograd.spec;
