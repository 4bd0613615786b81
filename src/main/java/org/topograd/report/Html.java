package org.topograd.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What the report's HTML pages share: escaping (student ids, messages and logs are data, never
 * markup), links to files named after a student, and one style sheet, inlined in every page so that
 * each page stands alone, offline.
 */
final class Html {
    private Html() {}

    /**
     * Text as HTML: markup's own characters ({@code & < > "}) and every character HTML 4 names
     * (Latin-1, Greek, mathematical symbols: {@code ±} as {@code &plusmn;}) as character
     * references, the rest as itself. The named ones keep the pages what they have always been.
     */
    static String esc(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String name = ENTITIES.get(text.charAt(i));
            if (name != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append('&').append(name).append(';');
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /** HTML 4's named characters, from {@code html4-entities.txt}. */
    private static final Map<Character, String> ENTITIES = entities();

    private static Map<Character, String> entities() {
        Map<Character, String> names = new HashMap<>();
        for (String line : resource("html4-entities.txt").split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] entry = line.split(" ");
                names.put((char) Integer.parseInt(entry[0], 16), entry[1]);
            }
        }
        return Map.copyOf(names);
    }

    /** A file name as one path segment of a link: {@code a b#c} becomes {@code a%20b%23c}. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The start of a page: its title, the style sheet. */
    static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
    }

    /** The style sheet every page inlines: {@code report.css}. */
    static final String CSS = resource("report.css");

    /**
     * A text resource beside this class, read whole (UTF-8) when a class loads it; one that is
     * missing is a broken build, so an error.
     */
    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("topograd's resource org/topograd/report/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
