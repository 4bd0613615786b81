/**
 * The tensor mutants: the tensor reference engine with one classic mistake of the second
 * assignment put in ({@link org.topograd.diagnosis.tensor.TensorMutants}: matmul's gradient without
 * the transposes, a broadcast operand's gradient not summed back, softmax's backward without its
 * {@code - s sᵀ} term, a mean or cross-entropy not divided by the batch, a reduction's gradient along
 * the wrong axis, {@code =} for {@code +=}), to name the bug behind a failed check and to audit
 * whether tensor specs can catch each one.
 *
 * <p>{@link org.topograd.diagnosis.tensor.TensorForecasts} computes, once per spec and input point,
 * what each check would see from each mutant: the gradients, element by element, or the wrong shape
 * or exception a backward() leaves where the sizes do not fit. {@code org.topograd.naming.tensor}
 * compares them with a student's; {@link org.topograd.diagnosis.tensor.TensorSuiteAudit} runs them
 * against a suite with the scalar audit's verdicts and report.
 *
 * <p>Nothing here runs student code.
 */
package org.topograd.diagnosis.tensor;
