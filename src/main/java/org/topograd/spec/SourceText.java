package org.topograd.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of a YAML file topograd reads (a spec, {@code assignment.yaml}), checked before SnakeYAML
 * sees it: a regular file, at most {@link #MAX_BYTES} bytes, UTF-8, no character YAML forbids, no
 * line longer than {@link #MAX_LINE}. SnakeYAML would report the same troubles without a line, or
 * take minutes over them (its reader is quadratic in a line's length: a 10 MB line takes 25 s), or
 * block forever (a FIFO). Each problem names the line and column where the limit was crossed.
 */
public final class SourceText {
    /** Far more than any hand-written spec (40,000 graph entries fit); large graphs are generated. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Long enough for a sum of 10,000 terms on one line; SnakeYAML reads such a line in about 0.1 s. */
    public static final int MAX_LINE = 65_536;
    /** A file with this many forbidden characters is not YAML: say so instead of listing them all. */
    private static final int SHOWN = 3;

    private SourceText() {}

    /** The text, or why it cannot be read. */
    public sealed interface Read {
        record Text(String text) implements Read {}

        record Refused(List<Problem> problems) implements Read {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    /** Reads and checks a file; never throws. */
    public static Read read(Path file) {
        if (!Files.isRegularFile(file)) {
            return refused(file, 1, 1, Files.exists(file)
                    ? "this is not a regular file (a folder, a device or a pipe): give a YAML file"
                    : "the file does not exist: check the name and the folder");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // never more than the limit, however large the file
        } catch (IOException e) {
            return refused(file, 1, 1, "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): check that it exists and that you may read it");
        }
        if (bytes.length > MAX_BYTES) {
            int line = 1;
            for (int i = 0; i < MAX_BYTES; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            return refused(file, line, 1, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB, the most a"
                    + " spec may be (the limit is crossed on this line): generate a large graph with generate: instead"
                    + " of writing it out, or split the file");
        }
        return decode(file, bytes);
    }

    /** Checks text already in memory (a spec about to be rewritten, a test's): characters and line lengths. */
    public static Read check(Path file, String text) {
        if (text.length() > MAX_BYTES) {
            return refused(file, 1, 1, "the text is longer than " + MAX_BYTES + " characters, the most a spec may be:"
                    + " generate a large graph with generate: instead of writing it out");
        }
        List<Problem> problems = characters(file, text);
        return problems.isEmpty() ? new Read.Text(text) : new Read.Refused(problems);
    }

    private static Read decode(Path file, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return refused(file, 1, 1, "the file is UTF-16 text (it starts with a UTF-16 byte order mark): save it as"
                    + " UTF-8");
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0; // a UTF-8 byte order mark, as some editors write, is harmless: skip it
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = start;
            for (int i = start; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // The column counts characters: decode the line up to the bad byte (all of it valid UTF-8).
            String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            int b = bytes[offset] & 0xFF;
            return refused(file, line, column, String.format(Locale.ROOT, "byte 0x%02X (byte %d of the file) is not"
                    + " UTF-8: the file is in another encoding (Latin-1 or Windows-1252 write é as the single byte"
                    + " 0xE9); save it as UTF-8", b, offset));
        }
        out.flip();
        String text = out.toString();
        List<Problem> problems = characters(file, text);
        return problems.isEmpty() ? new Read.Text(text) : new Read.Refused(problems);
    }

    /**
     * Characters YAML forbids (every control character but tab and line breaks, unpaired
     * surrogates, U+FFFE and U+FFFF) and lines longer than {@link #MAX_LINE}, at their line and column.
     * Lines are counted as SnakeYAML counts them: LF, CR, CR LF, NEL, LS and PS each end one.
     */
    private static List<Problem> characters(Path file, String text) {
        List<Problem> problems = new ArrayList<>();
        int forbidden = 0;
        int line = 1;
        int column = 1;
        boolean longLine = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029 || (c == '\r' && (i >= text.length()
                    || text.charAt(i) != '\n'))) {
                line++;
                column = 1;
                longLine = false;
                continue;
            }
            if (!printable(c) && c != '\r') {
                if (forbidden++ < SHOWN) {
                    problems.add(new Problem(new Location(file, line, column), describe(c) + " is not allowed in YAML"
                            + " (no control character but tab and line breaks is): remove it; a file full of them is"
                            + " binary or in another encoding (save it as UTF-8 text)"));
                }
            }
            if (column == MAX_LINE + 1 && !longLine) {
                longLine = true;
                problems.add(new Problem(new Location(file, line, column), "this line is longer than " + MAX_LINE
                        + " characters, the most a line may have: break it up (a long expression into several graph"
                        + " entries, a long title or comment into shorter ones)"));
            }
            column++;
        }
        if (forbidden > SHOWN) {
            Problem last = problems.get(problems.size() - 1);
            problems.add(new Problem(last.at(), "and " + (forbidden - SHOWN) + " more characters that are not allowed"
                    + " in YAML: is this a text file? Save it as UTF-8 text"));
        }
        return problems;
    }

    /** YAML 1.1's printable set, as SnakeYAML checks it. */
    private static boolean printable(int c) {
        return (c >= 0x20 && c <= 0x7E) || c == 0x9 || c == 0xA || c == 0xD || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String describe(int c) {
        String name = switch (c) {
            case 0 -> "a NUL character";
            case 0x7F -> "a DEL character";
            case 0x1B -> "an escape character";
            default -> c >= 0xD800 && c <= 0xDFFF ? "half of a character (an unpaired surrogate)"
                    : "the control character";
        };
        return String.format(Locale.ROOT, "%s (U+%04X)", name, c);
    }

    private static Read refused(Path file, int line, int column, String message) {
        return new Read.Refused(List.of(new Problem(new Location(file, line, column), message)));
    }
}
