package org.topograd;

/**
 * Text that came from a submission (what its code printed, its exceptions' messages, its class and
 * file names, what javac quoted of its sources), made safe to write to a CSV, an HTML page or a
 * terminal: every control character but the newline and the tab, and every character that reorders
 * text on screen (bidirectional overrides, as in "Trojan Source"), is written out as an escape, so
 * nothing a student writes can move the cursor, retitle the terminal, ring its bell or hide text.
 */
public final class SafeText {
    private SafeText() {}

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // a Windows line end is a line end
            }
            if (unsafe(c)) {
                safe.append(c < 0x100 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C0 and C1 controls and DEL (but newline and tab), and the bidirectional embeddings, overrides and isolates. */
    static boolean unsafe(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
