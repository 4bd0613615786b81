/**
 * Pictures of a computation graph, like the lecture's annotated graphs: each node with its op, its
 * value and its gradient, and, for a student's submission, what was wanted beside what came out,
 * the wrong numbers highlighted. Written as Graphviz DOT text ({@link org.topograd.picture.GraphPicture},
 * with its quoting in {@link org.topograd.picture.Dot}) and rendered to SVG by the {@code dot}
 * command when it is installed ({@link org.topograd.picture.Graphviz}). The layout is one for every
 * graph; what a node's card says comes from a {@link org.topograd.picture.GraphPicture.Source}: the
 * scalar graph's here, the tensor graph's in {@code picture.tensor}.
 */
package org.topograd.picture;
