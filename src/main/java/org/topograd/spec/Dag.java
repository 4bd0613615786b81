package org.topograd.spec;

/**
 * What a traversal needs of a graph, scalar or tensor: its nodes, the output, and each node's
 * operands (at most two, ids of earlier nodes). One topological sort serves both languages.
 */
public interface Dag {
    /** Number of nodes, leaves included. */
    int size();

    int output();

    /** How many node operands a node has (0 for leaves). */
    int operandCount(int node);

    /** Operand 0 of a node, or -1 for a leaf. */
    int first(int node);

    /** Operand 1 of a binary node, or -1. */
    int second(int node);
}
