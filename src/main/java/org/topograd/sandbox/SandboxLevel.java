package org.topograd.sandbox;

/** How strongly workers are isolated; recorded in every summary. */
public enum SandboxLevel {
    /** bubblewrap: own namespaces (no network), read-only view of only what the worker needs. */
    BWRAP,
    /** A plain child JVM: JVM limits and timeouts only; the worker sees the machine as the user does. */
    PLAIN;

    public String reportName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
