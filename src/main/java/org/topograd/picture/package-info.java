/**
 * Pictures of a computation graph, like the lecture's annotated graphs: each node with its op, its
 * value and its gradient, and, for a student's submission, what was wanted beside what came out,
 * the wrong numbers highlighted. Written as Graphviz DOT text ({@link org.topograd.picture.GraphPicture},
 * with its quoting in {@link org.topograd.picture.Dot}) and rendered to SVG by the {@code dot}
 * command when it is installed ({@link org.topograd.picture.Graphviz}).
 */
package org.topograd.picture;
