package org.topograd.picture;

/**
 * Quoting for the two kinds of string in DOT text. Every character that means something in DOT is
 * escaped, so any node name, label or title, however odd, reads back as itself.
 */
public final class Dot {
    private Dot() {}

    /**
     * A double-quoted DOT string. {@code \"} is the grammar's only escape; Graphviz then reads
     * backslash sequences in labels ({@code \n}, {@code \N} for the node's name), so a backslash is
     * doubled to stay a backslash, and a line break becomes {@code \n}.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': break;
                default: out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Text inside an HTML-like label ({@code label=<...>}), which Graphviz parses as XML: the markup
     * characters become entities, and control characters, which XML does not allow, become spaces.
     * Graphviz still replaces {@code \N} and its kin in such text after decoding entities, so a
     * backslash is doubled here too.
     */
    public static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                case '\\': out.append("\\\\"); break;
                default: out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
