/**
 * The reference engine: what a correct solution computes, against which students are graded.
 *
 * <p>{@link org.topograd.engine.Calculus} is the math of each op, one line each, as in the
 * lecture's node classes. {@link org.topograd.engine.ReferenceEngine} is the traversal: an
 * iterative topological sort from the output, forward in that order, backward in reverse,
 * accumulating. Both work on the flat {@link org.topograd.spec.Graph}, which keeps a million-node
 * graph within a few tens of nanoseconds per node.
 *
 * <p>Nothing here knows about students, submissions or reports.
 */
package org.topograd.engine;
