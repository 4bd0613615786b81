package org.topograd.spec;

/**
 * One thing wrong with a spec, where it is, and what to do about it. Printed like a compiler
 * diagnostic: {@code specs/power.yaml:7:6: unknown key 'titel' (did you mean 'title'?)}.
 */
public record Problem(Location at, String message) {
    @Override
    public String toString() {
        return at + ": " + message;
    }
}
