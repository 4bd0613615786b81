package org.topograd.sandbox;

/**
 * Text kept within a budget: the beginning and the end, and how much was left out between them.
 * For what students print, which may be megabytes.
 */
final class OutputLog {
    private final int half;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private long dropped;

    public OutputLog(int budget) {
        this.half = Math.max(1, budget / 2);
    }

    public synchronized void append(String text) {
        if (text.isEmpty()) {
            return;
        }
        int toHead = Math.min(text.length(), half - head.length());
        if (toHead > 0) {
            head.append(text, 0, toHead);
            text = text.substring(toHead);
        }
        tail.append(text);
        if (tail.length() > half) {
            int cut = tail.length() - half;
            dropped += cut;
            tail.delete(0, cut);
        }
    }

    public synchronized String text() {
        if (dropped == 0) {
            return head.toString() + tail;
        }
        return head + "\n[... " + dropped + " characters left out ...]\n" + tail;
    }
}
