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
 * Event-to-output latency (p50, p99) against offered load, a line per database and percentile, both axes
 * logarithmic; a {@code max} run stands at the rate it achieved (its latency is the queue it built).
 */
final class LatencyChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    private LatencyChart() {
    }

    static void write(List<RunResult> results, Path file) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Database database : Database.values()) {
            List<RunResult> runs = results.stream().filter(result -> result.database() == database).toList();
            if (runs.isEmpty()) {
                continue;
            }
            XYSeries p50 = new XYSeries(database.label() + " p50");
            XYSeries p99 = new XYSeries(database.label() + " p99");
            for (RunResult run : runs) {
                // A logarithmic axis cannot show 0 ms: the clock's resolution is 1 ms, so 0 stands at 0.5.
                p50.add(run.load(), Math.max(0.5, run.p50Millis()));
                p99.add(run.load(), Math.max(0.5, run.p99Millis()));
            }
            dataset.addSeries(p50);
            dataset.addSeries(p99);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Event-to-output latency against offered load",
                "offered load (events/s; max: achieved)", "latency (ms)", dataset, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        LogarithmicAxis load = new LogarithmicAxis("offered load (events/s; max: achieved)");
        load.setAllowNegativesFlag(false);
        LogarithmicAxis latency = new LogarithmicAxis("latency (ms)");
        latency.setAllowNegativesFlag(false);
        plot.setDomainAxis(load);
        plot.setRangeAxis(latency);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
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
