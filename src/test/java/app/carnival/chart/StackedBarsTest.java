package app.carnival.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StackedBarsTest {

    @Test
    void gridlinesAreWholeNumbersAndAtMostFive() {
        assertThat(StackedBars.step(0)).isEqualTo(1);
        assertThat(StackedBars.step(3)).isEqualTo(1);
        assertThat(StackedBars.step(5)).isEqualTo(2);
        assertThat(StackedBars.step(9)).isEqualTo(5);
        assertThat(StackedBars.step(35)).isEqualTo(10);
        assertThat(StackedBars.step(301)).isEqualTo(100);
        StackedBars.Layout layout = StackedBars.of(List.of(new StackedBars.Bar("#1", 3, 2)));
        assertThat(layout.ticks()).extracting(StackedBars.Tick::label).containsExactly("0", "2", "4", "6");
    }

    @Test
    void partsStackFromTheBaselineInProportion() {
        StackedBars.Layout layout =
                StackedBars.of(List.of(new StackedBars.Bar("#1", 0, 4), new StackedBars.Bar("#2", 2, 2)));
        StackedBars.Column first = layout.columns().get(0);
        StackedBars.Column second = layout.columns().get(1);
        assertThat(first.lowerHeight()).isZero();
        assertThat(first.upperY() + first.upperHeight()).isEqualTo(layout.baseline());
        assertThat(second.lowerY() + second.lowerHeight()).isEqualTo(layout.baseline());
        assertThat(second.upperY() + second.upperHeight()).isEqualTo(second.lowerY());
        assertThat(second.lowerHeight() + second.upperHeight()).isEqualTo(first.upperHeight());
        assertThat(second.x()).isGreaterThan(first.x() + first.width());
        assertThat(second.x() + second.width()).isLessThanOrEqualTo(layout.right());
    }

    @Test
    void manyColumnsGetFewLabelsTheNewestAlwaysOne() {
        List<StackedBars.Bar> bars = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> new StackedBars.Bar("#" + i, i, 1))
                .toList();
        StackedBars.Layout layout = StackedBars.of(bars);
        List<String> labels = layout.columns().stream()
                .filter(StackedBars.Column::labelled)
                .map(StackedBars.Column::label)
                .toList();
        assertThat(labels).hasSizeLessThanOrEqualTo(StackedBars.MAX_LABELS).endsWith("#30");
        assertThat(layout.columns()).allMatch(c -> c.width() >= 1 && c.x() >= layout.left());
    }
}
