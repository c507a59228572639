package jp.govcloudops.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the report's charts as PNG images at three times print resolution, with the report's Japanese font. The
 * figures come from the same query results as the tables beside them.
 */
public final class ReportCharts {

    /** Chart size in points, as placed in the report. */
    public static final int WIDTH = 515;
    public static final int HEIGHT = 234;
    private static final int SCALE = 3;

    private static final Color[] PALETTE = {new Color(0x1F3864), new Color(0x2E75B6), new Color(0xED7D31),
            new Color(0x70AD47), new Color(0xFFC000), new Color(0x7030A0), new Color(0xC00000), new Color(0x808080),
            new Color(0x00B0F0), new Color(0x9E480E)};

    private ReportCharts() {
    }

    /** Ordered series of values over ordered categories (e.g. days). */
    public static final class Series {
        private final Map<String, Map<String, Number>> values = new LinkedHashMap<>();
        private final List<String> categories;

        public Series(List<String> categories) {
            this.categories = categories;
        }

        public Series add(String series, String category, Number value) {
            values.computeIfAbsent(series, s -> new LinkedHashMap<>()).merge(category, value,
                    (a, b) -> a.doubleValue() + b.doubleValue());
            return this;
        }

        public boolean isEmpty() {
            return values.isEmpty();
        }

        DefaultCategoryDataset dataset() {
            DefaultCategoryDataset dataset = new DefaultCategoryDataset();
            for (Map.Entry<String, Map<String, Number>> s : values.entrySet()) {
                for (String c : categories) {
                    dataset.addValue(s.getValue().getOrDefault(c, 0), s.getKey(), c);
                }
            }
            return dataset;
        }
    }

    public static byte[] lines(String title, String valueAxis, Series series) {
        JFreeChart chart = new JFreeChart(title, ChartFonts.bold(10f), new CategoryPlot(series.dataset(),
                new CategoryAxis(), new NumberAxis(valueAxis), new LineAndShapeRenderer(true, false)), true);
        return render(style(chart, false));
    }

    /** Bars side by side per category (one per series), horizontal: e.g. actual, forecast and budget per account. */
    public static byte[] horizontalBars(String title, String valueAxis, Series series) {
        CategoryPlot plot = new CategoryPlot(series.dataset(), new CategoryAxis(), new NumberAxis(valueAxis),
                new BarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return render(style(new JFreeChart(title, ChartFonts.bold(10f), plot, true), false));
    }

    public static byte[] stackedBars(String title, String valueAxis, Series series, boolean integerTicks) {
        CategoryPlot plot = new CategoryPlot(series.dataset(), new CategoryAxis(), new NumberAxis(valueAxis),
                new StackedBarRenderer());
        return render(style(new JFreeChart(title, ChartFonts.bold(10f), plot, true), integerTicks));
    }

    public static byte[] horizontalStackedBars(String title, String valueAxis, Series series, boolean integerTicks) {
        CategoryPlot plot = new CategoryPlot(series.dataset(), new CategoryAxis(), new NumberAxis(valueAxis),
                new StackedBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return render(style(new JFreeChart(title, ChartFonts.bold(10f), plot, true), integerTicks));
    }

    private static JFreeChart style(JFreeChart chart, boolean integerTicks) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(ChartFonts.bold(10f));
            title.setPaint(new Color(0x1F3864));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(ChartFonts.regular(7.5f));
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD9D9D9));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlineVisible(false);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(ChartFonts.regular(6.5f));
        domain.setLabelFont(ChartFonts.regular(7.5f));
        domain.setCategoryMargin(0.15);
        domain.setLowerMargin(0.01);
        domain.setUpperMargin(0.01);
        if (plot.getCategories().size() > 16 && plot.getOrientation() == PlotOrientation.VERTICAL) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setTickLabelFont(ChartFonts.regular(6.5f));
        range.setLabelFont(ChartFonts.regular(7.5f));
        if (integerTicks) {
            range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        range.setAutoRangeIncludesZero(true);
        var renderer = plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.4f));
        }
        if (renderer instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setMaximumBarWidth(0.08);
        }
        return chart;
    }

    private static byte[] render(JFreeChart chart) {
        return draw(g -> chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT)));
    }

    /** A grid of days (columns) by rows (e.g. accounts), each cell coloured by its state, with a legend. */
    public static byte[] grid(String title, List<String> rowLabels, List<String> columnLabels, int[][] states,
            String[] stateLabels, Color[] stateColors) {
        return draw(g -> {
            g.setColor(new Color(0x1F3864));
            g.setFont(ChartFonts.bold(10f));
            FontMetrics titleMetrics = g.getFontMetrics();
            g.drawString(title, (WIDTH - titleMetrics.stringWidth(title)) / 2f, 14);
            Font labelFont = ChartFonts.regular(6.5f);
            g.setFont(labelFont);
            FontMetrics fm = g.getFontMetrics();
            int labelWidth = rowLabels.stream().mapToInt(fm::stringWidth).max().orElse(0) + 6;
            labelWidth = Math.min(labelWidth, 170);
            float left = labelWidth;
            float top = 24;
            float legendHeight = 16;
            float columnLabelHeight = 10;
            float cellWidth = (WIDTH - left - 4) / Math.max(1, columnLabels.size());
            float cellHeight = Math.min(16, (HEIGHT - top - legendHeight - columnLabelHeight - 10) / Math.max(1, rowLabels.size()));
            float contentHeight = columnLabelHeight + rowLabels.size() * cellHeight + 10 + legendHeight;
            float shift = Math.max(0, (HEIGHT - top - contentHeight) / 2f);
            top += shift;
            for (int c = 0; c < columnLabels.size(); c++) {
                String label = columnLabels.get(c);
                g.setColor(Color.DARK_GRAY);
                g.drawString(label, left + c * cellWidth + (cellWidth - fm.stringWidth(label)) / 2f, top + 7);
            }
            float gridTop = top + columnLabelHeight;
            for (int r = 0; r < rowLabels.size(); r++) {
                g.setColor(Color.DARK_GRAY);
                String label = rowLabels.get(r);
                while (fm.stringWidth(label) > labelWidth - 6 && label.length() > 4) {
                    label = label.substring(0, label.length() - 2) + "…";
                }
                g.drawString(label, 2, gridTop + r * cellHeight + cellHeight / 2f + 2.5f);
                for (int c = 0; c < columnLabels.size(); c++) {
                    g.setColor(stateColors[states[r][c]]);
                    g.fill(new Rectangle2D.Float(left + c * cellWidth, gridTop + r * cellHeight, cellWidth, cellHeight));
                    g.setColor(Color.WHITE);
                    g.setStroke(new BasicStroke(0.6f));
                    g.draw(new Rectangle2D.Float(left + c * cellWidth, gridTop + r * cellHeight, cellWidth, cellHeight));
                }
            }
            float legendY = gridTop + rowLabels.size() * cellHeight + 10;
            float x = left;
            for (int s = 0; s < stateLabels.length; s++) {
                g.setColor(stateColors[s]);
                g.fill(new Rectangle2D.Float(x, legendY, 8, 8));
                g.setColor(Color.DARK_GRAY);
                g.drawString(stateLabels[s], x + 11, legendY + 7);
                x += 11 + fm.stringWidth(stateLabels[s]) + 14;
            }
        });
    }

    private static byte[] draw(Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
