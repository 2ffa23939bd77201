package org.heatgrid.sim.report;

import java.util.Locale;

/** Writing text and numbers into SVG and HTML: escaping, compact coordinates, readable values. */
final class SvgText {

  private SvgText() {}

  static void text(StringBuilder sb, double x, double y, String anchor, String attrs, String s) {
    sb.append("<text x=\"");
    num(sb, x).append("\" y=\"");
    num(sb, y).append('"');
    sb.append("start".equals(anchor) ? "" : " text-anchor=\"" + anchor + "\"");
    sb.append(' ').append(attrs).append('>').append(esc(s)).append("</text>\n");
  }

  /** Appends {@code v} with at most one decimal and no exponent: the bulk of the file. */
  static StringBuilder num(StringBuilder sb, double v) {
    long r = Math.round(v * 10);
    sb.append(r < 0 ? "-" : "").append(Math.abs(r) / 10);
    return Math.abs(r) % 10 == 0 ? sb : sb.append('.').append(Math.abs(r) % 10);
  }

  /** A value for a tooltip or caption: grouped thousands, fewer decimals for larger values. */
  static String value(double v) {
    double a = Math.abs(v);
    String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f";
    return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "n/a";
  }

  /**
   * Escapes text for XML and HTML alike. Characters XML 1.0 forbids (most controls) are dropped,
   * so a stray byte in a building name cannot make the SVG unparsable.
   */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 && c < 0xFFFE || c == '\t' || c == '\n' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
