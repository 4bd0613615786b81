package org.topograd.spec;

/**
 * One number an instructor wrote under {@code expect}, with where it was written so that a wrong
 * one can be pointed at.
 *
 * @param subject {@code "value"} or the name of the input whose gradient it is
 * @param number the number written
 * @param at where it was written
 */
public record Claim(String subject, double number, Location at) {}
