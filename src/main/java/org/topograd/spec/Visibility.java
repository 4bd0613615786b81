package org.topograd.spec;

/** Whether students see a spec: hidden specs are graded but never shown to them. */
public enum Visibility {
    VISIBLE,
    HIDDEN;

    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
