package org.heatgrid.sim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {

  private static final Duration STEP = Duration.ofMinutes(15);
  private static final LocalDateTime START = LocalDateTime.of(2025, 11, 1, 0, 0);
  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final double SPIKE_KW = 2345.6;

  @Test
  void everySvgIsWellFormedXml() throws Exception {
    String html = HtmlReport.render(sample(10, 3, "campus3 - baseline"));
    List<Document> svgs = parseSvgs(html);
    assertThat(svgs).hasSize(3 + 3); // heat, outdoor, cost, one per building
    for (Document svg : svgs) {
      assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo(SVG_NS);
    }
    assertThat(html).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("no data");
  }

  @Test
  void referencesNothingOutsideThePage() {
    String html = HtmlReport.render(sample(10, 3, "campus3"));
    Matcher m = Pattern.compile("(?i)(https?:)?//[^\\s\"'<>)]*").matcher(html);
    while (m.find()) {
      assertThat(m.group()).isEqualTo(SVG_NS);
    }
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
        .doesNotContain("url(").doesNotContain("@import").doesNotContain("href");
  }

  @Test
  void showsEveryBuildingAndKpiCell() {
    ReportData d = sample(10, 3, "campus3");
    String html = HtmlReport.render(d);
    for (ReportData.BuildingSeries b : d.buildings()) {
      assertThat(html).contains(b.id());
    }
    for (List<String> row : d.kpiRows()) {
      for (String cell : row) {
        assertThat(html).contains("<td>" + cell + "</td>");
      }
    }
    d.kpiColumns().forEach(c -> assertThat(html).contains("<th>" + c + "</th>"));
    assertThat(html).contains("<tr class=\"cluster\"><td>cluster</td>");
    assertThat(html).contains("<li>Forecaster fell back to persistence on 2 days</li>");
  }

  @Test
  void escapesTextInHtmlAndSvg() throws Exception {
    String html = HtmlReport.render(sample(10, 3, "campus <&> \"quoted\" 'single'"));
    assertThat(html).contains("<h1>campus &lt;&amp;&gt; &quot;quoted&quot; &#39;single&#39;</h1>");
    assertThat(html).doesNotContain("<&>").doesNotContain("Lab <west>");
    assertThat(html).contains("Lab &lt;west&gt; &amp; annex"); // building name, inside an SVG
    assertThat(parseSvgs(html)).hasSize(6);
  }

  @Test
  void nanIsAGapNotAnError() throws Exception {
    String html = HtmlReport.render(sample(10, 3, "campus3"));
    Element outdoor = seriesPath(html, "Outdoor temperature", "Outdoor");
    // Day 4 of the outdoor series is missing: the line stops and starts again.
    assertThat(outdoor.getAttribute("d").chars().filter(c -> c == 'M').count()).isEqualTo(2);
  }

  @Test
  void downsamplingKeepsASingleStepSpike() throws Exception {
    ReportData d = sample(151, 2, "season");
    String html = HtmlReport.render(d);
    Element svg = svgTitled(html, "Cluster heat rate");
    Element path = seriesPath(html, "Cluster heat rate", "Cluster heat");
    double[] xy = numbers(path.getAttribute("d"));
    assertThat(xy.length / 2).isLessThanOrEqualTo(2 * SvgChart.MAX_BUCKETS); // both edges
    double minY = Double.POSITIVE_INFINITY;
    for (int k = 1; k < xy.length; k += 2) {
      minY = Math.min(minY, xy[k]);
    }
    // Invert the y axis from its tick labels (drawn 4 units below their grid line).
    List<double[]> ticks = new ArrayList<>();
    NodeList texts = svg.getElementsByTagNameNS(SVG_NS, "text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element t = (Element) texts.item(i);
      if ("end".equals(t.getAttribute("text-anchor")) && "#555".equals(t.getAttribute("fill"))) {
        String label = t.getTextContent().replace(",", "").replace('\u2212', '-');
        double scale = label.endsWith("k") ? 1e3 : label.endsWith("M") ? 1e6 : 1;
        double v = Double.parseDouble(label.replaceAll("[kM]$", "")) * scale;
        ticks.add(new double[] {Double.parseDouble(t.getAttribute("y")) - 4, v});
      }
    }
    assertThat(ticks).hasSizeGreaterThanOrEqualTo(2);
    double[] a = ticks.get(0);
    double[] b = ticks.get(ticks.size() - 1);
    double plottedMax = a[1] + (minY - a[0]) * (b[1] - a[1]) / (b[0] - a[0]);
    assertThat(plottedMax).isCloseTo(SPIKE_KW, within(0.01 * SPIKE_KW));
    double secondHighest = Arrays.stream(d.clusterHeatKw()).filter(v -> v < SPIKE_KW).max()
        .orElseThrow();
    assertThat(plottedMax).isGreaterThan(secondHighest + 500);
  }

  @Test
  void envelopeKeepsEachBucketsExtremesAndMarksGaps() {
    double[] v = new double[1000];
    Arrays.fill(v, 1);
    v[123] = 50;
    v[130] = -7;
    Arrays.fill(v, 500, 600, Double.NaN);
    v[550] = Double.POSITIVE_INFINITY;
    double[][] env = ChartScales.envelope(v, v, 100);
    assertThat(env).hasNumberOfRows(10);
    assertThat(env[1]).containsExactly(149.5, -7, 50);
    assertThat(env[5][1]).isNaN(); // steps 500-599: a gap
    assertThat(env[6]).containsExactly(649.5, 1, 1);
    assertThat(ChartScales.envelope(new double[0], new double[0], 96)).isEmpty();
    assertThat(ChartScales.envelope(new double[] {Double.NaN, 2}, new double[] {Double.NaN, 3}, 1))
        .hasNumberOfRows(2);
    assertThat(ChartScales.envelope(v, v, 300)).hasNumberOfRows(4); // the last bucket is shorter
  }

  @Test
  void seasonOfSixteenBuildingsStaysSmall() throws Exception {
    String html = HtmlReport.render(sample(151, 16, "campus16 - baseline"));
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("151-day x 16-building report: %,d bytes%n", bytes);
    assertThat(bytes).isLessThan(1_500_000);
    assertThat(parseSvgs(html)).hasSize(3 + 16);
  }

  @Test
  void survivesEmptyAndAllNanInputs() throws Exception {
    double[] nan = new double[96];
    Arrays.fill(nan, Double.NaN);
    ReportData d = new ReportData("empty", "", List.of(), List.of(), List.of(), START, STEP,
        nan, nan, List.of(), START.toLocalDate(), new double[0], new double[0]);
    String html = HtmlReport.render(d);
    assertThat(parseSvgs(html)).hasSize(3);
    assertThat(html).contains("no data").contains("No building series").doesNotContain("NaN");
    ReportData none = new ReportData("none", "", List.of(), List.of(), List.of(), START, STEP,
        new double[0], new double[0], List.of(), START.toLocalDate(), new double[0], new double[0]);
    assertThat(parseSvgs(HtmlReport.render(none))).hasSize(3);
  }

  @Test
  void rejectsSeriesOfTheWrongLength() {
    assertThatThrownBy(() -> new ReportData("t", "", List.of(), List.of(), List.of(), START, STEP,
            new double[4], new double[3], List.of(), START.toLocalDate(), new double[0],
            new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outdoorC");
  }

  @Test
  void dateTicksFitTheSpan() {
    LocalDateTime end = START.plusDays(150);
    assertThat(ChartScales.timeTicks(START, end, 15, false)).hasSize(10).first().isEqualTo(START);
    assertThat(ChartScales.timeTicks(START, end, 4, false))
        .containsExactly(START, START.plusMonths(2), START.plusMonths(4));
    assertThat(ChartScales.timeTicks(START, START.plusHours(23), 9, false)).hasSize(8);
  }

  /** Writes a page to look at: {@code -Dheatgrid.report.sample=/tmp/sample-report.html}. */
  @Test
  @EnabledIfSystemProperty(named = "heatgrid.report.sample", matches = ".+")
  void writeSamplePage() throws Exception {
    Path file = Path.of(System.getProperty("heatgrid.report.sample"));
    int days = Integer.getInteger("heatgrid.report.days", 151);
    HtmlReport.write(sample(days, 16, "campus16 - baseline"), file);
  }

  // ---------------------------------------------------------------------------------------------

  /** A plausible run: daily cycles, a heat spike on day 40 (or the last), day 4 outdoor missing. */
  static ReportData sample(int days, int nBuildings, String title) {
    int n = days * 96;
    Random rnd = new Random(42);
    double[] heat = new double[n];
    double[] outdoor = new double[n];
    double[] daily = new double[days];
    double[] dailyPeak = new double[days];
    for (int i = 0; i < n; i++) {
      double hour = (i % 96) / 4.0;
      double seasonal = -4 * Math.sin(Math.PI * i / n);
      outdoor[i] = 2 + seasonal - 5 * Math.cos(2 * Math.PI * (hour - 3) / 24) + rnd.nextGaussian();
      boolean morning = hour >= 6 && hour < 10;
      heat[i] = Math.max(0, 900 - 45 * outdoor[i] + (morning ? 500 : 0) + 40 * rnd.nextGaussian());
      boolean peakBand = hour >= 9 && hour < 12 || hour >= 17 && hour < 20;
      double krw = heat[i] * 0.25 * (peakBand ? 130 : 95);
      daily[i / 96] += krw;
      dailyPeak[i / 96] += peakBand ? krw : 0;
    }
    heat[Math.min(n - 1, 40 * 96 + 37)] = SPIKE_KW;
    Arrays.fill(outdoor, Math.min(3, days - 1) * 96, Math.min(4, days) * 96, Double.NaN);
    List<ReportData.BuildingSeries> buildings = new ArrayList<>();
    for (int b = 0; b < nBuildings; b++) {
      double[] in = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (int i = 0; i < n; i++) {
        double hour = (i % 96) / 4.0;
        boolean occupied = hour >= 8 && hour < 18 && (i / 96 + 5) % 7 < 5;
        lo[i] = occupied ? 20 : 16;
        hi[i] = occupied ? 24 : 27;
        in[i] = (occupied ? 21 : 18.5) + 0.08 * b - (b == 2 ? 2.5 : 0) + 0.3 * rnd.nextGaussian();
      }
      String name = b == 1 ? "Lab <west> & annex" : "Building " + (b + 1);
      buildings.add(new ReportData.BuildingSeries(String.format("B%02d", b + 1), name, in, lo, hi));
    }
    return new ReportData(title, "Daejeon TMYx, synthetic weather, seed 42",
        List.of("", "Heat (MWh)", "Peak (kW)", "Cost (kKRW)", "Discomfort (Kh)"),
        List.of(List.of("cluster", "1,234.5", "2,345.6", "98,765", "12.3"),
            List.of("B01", "77.1", "150.2", "6,172", "0.4")),
        List.of("Forecaster fell back to persistence on 2 days"), START, STEP, heat, outdoor,
        buildings, START.toLocalDate(), daily, dailyPeak);
  }

  private static List<Document> parseSvgs(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder db = f.newDocumentBuilder();
    List<Document> docs = new ArrayList<>();
    Matcher m = Pattern.compile("<svg[\\s>].*?</svg>", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      docs.add(db.parse(new InputSource(new StringReader(m.group()))));
    }
    return docs;
  }

  private static Element svgTitled(String html, String title) throws Exception {
    for (Document d : parseSvgs(html)) {
      Element title0 = (Element) d.getElementsByTagNameNS(SVG_NS, "title").item(0);
      if (title0 != null && title.equals(title0.getTextContent())) {
        return d.getDocumentElement();
      }
    }
    throw new AssertionError("no chart titled " + title);
  }

  private static Element seriesPath(String html, String chart, String series) throws Exception {
    NodeList paths = svgTitled(html, chart).getElementsByTagNameNS(SVG_NS, "path");
    for (int i = 0; i < paths.getLength(); i++) {
      Element p = (Element) paths.item(i);
      if (series.equals(p.getAttribute("data-name"))) {
        return p;
      }
    }
    throw new AssertionError("no series " + series + " in " + chart);
  }

  private static double[] numbers(String pathData) {
    return Arrays.stream(pathData.replaceAll("[A-Za-z]", " ").trim().split("\\s+"))
        .mapToDouble(Double::parseDouble).toArray();
  }
}
