package org.topograd.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Html.class.getResourceAsStream("html4-entities.txt"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] entry = line.split(" ");
                    names.put((char) Integer.parseInt(entry[0], 16), entry[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    static final String CSS = String.join("\n",
            "body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em;"
                    + " color: #1d232a; }",
            "h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }",
            "table { border-collapse: collapse; margin: 0.5em 0; }",
            "th, td { padding: 0.25em 0.75em; border-bottom: 1px solid #dde2e7; text-align: left; vertical-align: top; }",
            "th { background: #f3f5f7; }",
            "th button { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; }",
            "th[aria-sort=ascending] button::after { content: ' \\25B2'; }",
            "th[aria-sort=descending] button::after { content: ' \\25BC'; }",
            "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }",
            "table.rows td:nth-child(-n+2) { white-space: nowrap; }",
            "td.bar { width: 12em; } td.bar span { display: block; height: 0.8em; background: #3a7bd5; }",
            "#histogram rect { fill: #3a7bd5; } #histogram text { font-size: 12px; text-anchor: middle; fill: #1d232a; }",
            ".filters { display: flex; gap: 1.5em; align-items: baseline; flex-wrap: wrap; }",
            ".filters input { width: 18em; }",
            "tr.fail td, tr.error td, tr.timeout td, tr.crash td, tr.not_run td { background: #fdf1f1; }",
            ".status-fail, .status-error, .status-timeout, .status-crash, .status-not_run { color: #b3261e; }",
            ".status-pass { color: #1e7b34; }",
            ".diagnosis { border-left: 4px solid #b3261e; background: #fdf1f1; padding: 0.5em 1em; margin: 0.5em 0; }",
            "pre { background: #f3f5f7; padding: 0.75em; overflow-x: auto; white-space: pre-wrap; }",
            "nav ul { columns: 3 14em; padding-left: 1.2em; }",
            "");
}
