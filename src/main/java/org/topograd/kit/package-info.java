/**
 * The student kit: what an instructor hands to students so they can run {@code check} at home
 * without the answers to the hidden specs or the reference engine that computes any answer.
 * {@link org.topograd.kit.StudentKit} builds it (a jar, the visible specs, a README);
 * {@link org.topograd.kit.FrozenAnswers} holds the visible specs' answers, computed when the kit is
 * made; {@link org.topograd.kit.KitJar} decides which classes go into the jar, by following the
 * class files' references from the kit's entry point, and refuses to build one that would need an
 * excluded class.
 */
package org.topograd.kit;
