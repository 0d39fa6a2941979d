package dev.staffing.loadbenchmark;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Event-to-output latency (p50, p99) against offered load, a line per database, instance count and percentile, both axes
 * logarithmic; a {@code max} run stands at the rate it achieved (its latency is the queue it built).
 */
final class LatencyChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    /** p50 then p99 of each database and instance count: a light and a dark shade of one colour for each. */
    private static final Color[] SERIES_COLOURS = {new Color(0x6baed6), new Color(0x08519c), new Color(0xfd8d3c),
        new Color(0xa63603), new Color(0x74c476), new Color(0x006d2c), new Color(0x9e9ac8), new Color(0x54278f)};

    private LatencyChart() {
    }

    static void write(List<RunResult> results, Path file) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Database database : Database.values()) {
            for (int instances : results.stream().filter(result -> result.database() == database)
                    .mapToInt(RunResult::instances).distinct().sorted().toArray()) {
                List<RunResult> runs = results.stream()
                        .filter(result -> result.database() == database && result.instances() == instances).toList();
                String label = database.label() + (instances > 1 ? " x" + instances : "");
                XYSeries p50 = new XYSeries(label + " p50");
                XYSeries p99 = new XYSeries(label + " p99");
                for (RunResult run : runs) {
                    // Kafka timestamps are in ms: 0 means under 1 ms, and a logarithmic axis shows it at 1.
                    p50.add(run.load(), Math.max(1, run.p50Millis()));
                    p99.add(run.load(), Math.max(1, run.p99Millis()));
                }
                dataset.addSeries(p50);
                dataset.addSeries(p99);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Event-to-output latency against offered load",
                "offered load (events/s; max: achieved)", "latency (ms)", dataset, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        LogarithmicAxis load = new LogarithmicAxis("offered load (events/s; max: achieved)");
        load.setAllowNegativesFlag(false);
        LogarithmicAxis latency = new LogarithmicAxis("latency (ms)");
        latency.setAllowNegativesFlag(false);
        // Whole decades from 1 ms and 100 events/s, so that the axes are labelled however close the points lie.
        double highestLatency = results.stream().mapToLong(RunResult::p99Millis).max().orElse(1);
        double highestLoad = results.stream().mapToDouble(RunResult::load).max().orElse(1);
        latency.setRange(1, Math.pow(10, Math.ceil(Math.log10(Math.max(10, highestLatency * 1.5)))));
        load.setRange(100, Math.pow(10, Math.ceil(Math.log10(Math.max(1000, highestLoad * 1.5)))));
        plot.setDomainAxis(load);
        plot.setRangeAxis(latency);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            renderer.setSeriesPaint(series, SERIES_COLOURS[series % SERIES_COLOURS.length]);
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
