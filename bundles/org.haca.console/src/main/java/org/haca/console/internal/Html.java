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

    /**
     * Line chart over time in inline SVG: one polyline per series (values below zero are gaps: service absent), each
     * scaled to its own maximum so series of different magnitude share the chart; the legend gives the latest value.
     */
    Html lineChart(String id, List<Long> times, Map<String, List<Long>> series, String empty) {
        if (times.size() < 2) {
            return raw("<p class='haca-empty' id='" + esc(id) + "-empty'>").text(empty).raw("</p>");
        }
        int w = 720;
        int ht = 160;
        int left = 10;
        long t0 = times.get(0);
        long span = Math.max(1, times.get(times.size() - 1) - t0);
        String[] colours = {"#1565c0", "#2e7d32", "#ef6c00", "#c62828", "#6a1b9a", "#00838f"};
        raw("<svg id='" + esc(id) + "' role='img' xmlns='http://www.w3.org/2000/svg' width='" + (w + 260) + "' height='"
                + (ht + 30) + "' style='font:12px sans-serif'>");
        raw("<rect x='" + left + "' y='5' width='" + w + "' height='" + ht + "' fill='none' stroke='#bbb'/>");
        int i = 0;
        for (Map.Entry<String, List<Long>> e : series.entrySet()) {
            List<Long> v = e.getValue();
            long max = 1;
            for (long x : v) {
                max = Math.max(max, x);
            }
            StringBuilder pts = new StringBuilder();
            for (int k = 0; k < v.size() && k < times.size(); k++) {
                if (v.get(k) < 0) {
                    continue;
                }
                double x = left + (double) (times.get(k) - t0) / span * w;
                double y = 5 + ht - (double) v.get(k) / max * (ht - 4);
                pts.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String colour = colours[i % colours.length];
            raw("<polyline fill='none' stroke-width='2' stroke='" + colour + "' points='" + pts.toString().trim()
                    + "'><title>").text(e.getKey()).raw("</title></polyline>");
            long last = v.isEmpty() ? -1 : v.get(v.size() - 1);
            raw("<text x='" + (left + w + 10) + "' y='" + (20 + i * 18) + "' fill='" + colour + "'>")
                    .text(e.getKey() + ": " + (last < 0 ? "-" : last) + " (max " + max + ")").raw("</text>");
            i++;
        }
        raw("<text x='" + left + "' y='" + (ht + 22) + "'>").text(java.time.Instant.ofEpochMilli(t0).toString())
                .raw("</text>");
        raw("<text x='" + (left + w) + "' y='" + (ht + 22) + "' text-anchor='end'>")
                .text(java.time.Instant.ofEpochMilli(times.get(times.size() - 1)).toString()).raw("</text>");
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
