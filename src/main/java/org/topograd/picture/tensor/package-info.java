/**
 * Pictures of a tensor computation graph: {@link org.topograd.picture.GraphPicture}'s layout with
 * tensor cards ({@link org.topograd.picture.tensor.TensorPicture}): each node with its op and shape,
 * its value and gradient in full for small tensors and summarised beyond
 * ({@link org.topograd.picture.tensor.TensorCells}), a student's wrong elements marked.
 */
package org.topograd.picture.tensor;
