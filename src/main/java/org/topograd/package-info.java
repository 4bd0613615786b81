/**
 * topograd: an autograder for computation-graph and backpropagation coursework.
 *
 * <p>Packages follow the data's path: {@code api} (the student contract) -> {@code spec} (YAML specs
 * into graphs) -> {@code engine} (the reference answers) and {@code numeric} (finite differences)
 * -> {@code submission} and {@code sandbox} (compiling and running student code in isolation)
 * -> {@code grading} (checks and scores) -> {@code report} (CSV and other outputs); {@code shard}
 * (grading across machines), {@code kit} (the student kit) and {@code gradescope} (the autograder
 * zip) build on them, with {@code cli} the only package that knows the command line.
 */
package org.topograd;
