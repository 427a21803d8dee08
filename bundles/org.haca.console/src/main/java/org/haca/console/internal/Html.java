package org.haca.console.internal;

import java.util.List;
import java.util.Map;

/** Tiny HTML builder for the console pages: every text goes through {@link #esc(Object)}. */
final class Html {
    private final StringBuilder sb = new StringBuilder();

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends trusted markup as is. */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(Object value) {
        sb.append(esc(value));
        return this;
    }

    Html h2(String title) {
        return raw("<h2 class='haca-h2' style='margin:1em 0 .4em'>").text(title).raw("</h2>");
    }

    Html message(String msg, boolean error) {
        if (msg != null && !msg.isBlank()) {
            raw("<p class='ui-state-" + (error ? "error" : "highlight") + " haca-msg' style='padding:.5em'>").text(msg)
                    .raw("</p>");
        }
        return this;
    }

    /** A two-column key/value table. */
    Html keyValues(String id, Map<String, ?> rows) {
        raw("<table id='" + esc(id) + "' class='tablesorter nicetable'><tbody>");
        for (Map.Entry<String, ?> e : rows.entrySet()) {
            raw("<tr><th style='text-align:left;width:14em'>").text(e.getKey()).raw("</th><td>").text(e.getValue())
                    .raw("</td></tr>");
        }
        return raw("</tbody></table>");
    }

    /** A table with a header row; cells are escaped; an empty list renders {@code empty} instead. */
    Html table(String id, List<String> headers, List<List<?>> rows, String empty) {
        if (rows.isEmpty()) {
            return raw("<p class='haca-empty' id='" + esc(id) + "-empty'>").text(empty).raw("</p>");
        }
        raw("<table id='" + esc(id) + "' class='tablesorter nicetable'><thead><tr>");
        for (String h : headers) {
            raw("<th>").text(h).raw("</th>");
        }
        raw("</tr></thead><tbody>");
        for (List<?> row : rows) {
            raw("<tr>");
            for (Object cell : row) {
                if (cell instanceof Raw r) {
                    raw("<td>").raw(r.markup()).raw("</td>");
                } else {
                    raw("<td>").text(cell).raw("</td>");
                }
            }
            raw("</tr>");
        }
        return raw("</tbody></table>");
    }

    /** Horizontal bar chart in inline SVG (no script, no CDN). */
    Html barChart(String id, Map<String, Long> values, String unit) {
        long max = 1;
        for (long v : values.values()) {
            max = Math.max(max, v);
        }
        int rowH = 26;
        int labelW = 150;
        int barW = 420;
        int height = Math.max(1, values.size()) * rowH + 10;
        raw("<svg id='" + esc(id) + "' role='img' xmlns='http://www.w3.org/2000/svg' width='" + (labelW + barW + 160)
                + "' height='" + height + "' style='font:12px sans-serif'>");
        String[] colours = {"#2e7d32", "#1565c0", "#ef6c00", "#c62828", "#6a1b9a", "#00838f"};
        int i = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int y = 5 + i * rowH;
            long v = Math.max(0, e.getValue());
            int w = (int) Math.round((double) v / max * barW);
            raw("<text x='0' y='" + (y + 16) + "'>").text(e.getKey()).raw("</text>");
            raw("<rect x='" + labelW + "' y='" + y + "' width='" + Math.max(w, 1) + "' height='" + (rowH - 6)
                    + "' fill='" + (e.getKey().endsWith("invalid") ? "#c62828" : colours[i % colours.length]) + "'><title>").text(e.getKey() + ": " + v + " " + unit)
                    .raw("</title></rect>");
            raw("<text x='" + (labelW + Math.max(w, 1) + 6) + "' y='" + (y + 16) + "'>").text(v + " " + unit)
                    .raw("</text>");
            i++;
        }
        return raw("</svg>");
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** A table cell holding trusted markup (built with escaping by the caller). */
    record Raw(String markup) {
    }
}
