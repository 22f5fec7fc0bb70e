package org.clinicaloutcomes.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.clinicaloutcomes.report.RenderedChart;

/** Assertions on a rendered chart's image, shared by the chart tests. */
public final class ChartImages {

    private ChartImages() {
    }

    /** A valid PNG of the chart size with more than two colours on more than 1% of its pixels. */
    public static void assertDrawn(RenderedChart chart) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertThat(image).as(chart.fileName()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(chart.width()).isEqualTo(ChartStyle.WIDTH);
        assertThat(image.getHeight()).isEqualTo(chart.height()).isEqualTo(ChartStyle.HEIGHT);
        int background = image.getRGB(0, 0);
        Set<Integer> colours = new HashSet<>();
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                drawn += rgb != background ? 1 : 0;
            }
        }
        assertThat(colours.size()).as(chart.fileName() + " colours").isGreaterThan(2);
        assertThat(drawn).as(chart.fileName() + " drawn pixels").isGreaterThan(image.getWidth() * image.getHeight() / 100L);
    }
}
