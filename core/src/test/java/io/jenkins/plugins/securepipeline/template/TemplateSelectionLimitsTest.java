package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.template.TemplateSelectionLimits.Excess;
import io.jenkins.plugins.securepipeline.template.TemplateSelectionLimits.Limit;
import io.jenkins.plugins.securepipeline.template.TemplateSelectionLimits.SelectedFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateSelectionLimitsTest {
    private static final TemplateSelectionLimits SMALL = new TemplateSelectionLimits(3, 100, 250);

    @Test
    void theDefaultPerFileLimitIsTheReadersOwn() {
        assertThat(TemplateSelectionLimits.DEFAULT.maxFileBytes()).isEqualTo(ReaderLimits.DEFAULT.maxBytes());
        assertThat(TemplateSelectionLimits.DEFAULT.maxTotalBytes()).isGreaterThan(ReaderLimits.DEFAULT.maxBytes());
        assertThatThrownBy(() -> new TemplateSelectionLimits(1, ReaderLimits.DEFAULT.maxBytes() + 1, Long.MAX_VALUE))
                .hasMessageContaining("the template reader reads no larger file");
        assertThatThrownBy(() -> new TemplateSelectionLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSelectionWithinEveryLimitPasses() {
        assertThat(SMALL.check(3, List.of(file("a.yaml", 100), file("b.yaml", 100), file("c.yaml", 50)))).isEmpty();
        assertThat(SMALL.check(0, List.of())).isEmpty();
    }

    @Test
    void tooManyFilesIsNamedWithTheNumbers() {
        Excess excess = SMALL.check(4, List.of()).orElseThrow();
        assertThat(excess.limit()).isEqualTo(Limit.FILES);
        assertThat(excess.describe()).isEqualTo("4 files, more than the limit of 3 files per scan");
        // A list longer than the count reported with it is counted by its length.
        assertThat(SMALL.check(0, List.of(file("a", 1), file("b", 1), file("c", 1), file("d", 1)))).get()
                .extracting(Excess::actual).isEqualTo(4L);
    }

    @Test
    void theLargestFileOverTheLimitIsNamed() {
        Excess excess = SMALL.check(3, List.of(file("a.yaml", 101), file("big.yaml", 150), file("c.yaml", 1)))
                .orElseThrow();
        assertThat(excess).isEqualTo(new Excess(Limit.FILE_BYTES, 100, 150, "big.yaml"));
        assertThat(excess.describe()).isEqualTo("big.yaml (150 bytes), more than the limit of 100 bytes per file");
    }

    @Test
    void theTotalIsCheckedLast() {
        Excess excess = SMALL.check(3, List.of(file("a", 100), file("b", 100), file("c", 51))).orElseThrow();
        assertThat(excess).isEqualTo(new Excess(Limit.TOTAL_BYTES, 250, 251, null));
        assertThat(excess.describe()).isEqualTo("251 bytes in total, more than the limit of 250 bytes per scan");
    }

    @Test
    void absurdSizesAreRefusedNotWrappedAround() {
        TemplateSelectionLimits wide = new TemplateSelectionLimits(3, ReaderLimits.DEFAULT.maxBytes(), Long.MAX_VALUE - 1);
        List<SelectedFile> files = List.of(file("a", 10), file("b", Long.MAX_VALUE), file("c", Long.MAX_VALUE));
        assertThat(wide.check(3, files)).get().extracting(Excess::limit).isEqualTo(Limit.FILE_BYTES);
        // A negative size from a misbehaving agent would hide bytes from the total.
        assertThatThrownBy(() -> SMALL.check(1, List.of(file("x", -5)))).hasMessageContaining("negative size");
    }

    @Test
    void settingsBlankOrZeroMeanTheDefaultNeverUnlimited() {
        assertThat(TemplateSelectionLimits.parseSetting("scanMaxFiles", null, 5000, Integer.MAX_VALUE)).isEqualTo(5000);
        assertThat(TemplateSelectionLimits.parseSetting("scanMaxFiles", "  ", 5000, Integer.MAX_VALUE)).isEqualTo(5000);
        assertThat(TemplateSelectionLimits.parseSetting("scanMaxFiles", "0", 5000, Integer.MAX_VALUE)).isEqualTo(5000);
        assertThat(TemplateSelectionLimits.parseSetting("scanMaxFiles", " 12 ", 5000, Integer.MAX_VALUE)).isEqualTo(12);
    }

    @Test
    void badSettingsAreErrorsNamingTheField() {
        assertThatThrownBy(() -> TemplateSelectionLimits.parseSetting("scanMaxFiles", "-1", 5000, Integer.MAX_VALUE))
                .hasMessageStartingWith("scanMaxFiles: -1 is negative");
        assertThatThrownBy(() -> TemplateSelectionLimits.parseSetting("scanMaxTotalBytes", "10 MB", 5, Long.MAX_VALUE))
                .hasMessageStartingWith("scanMaxTotalBytes: '10 MB' is not a whole number");
        assertThatThrownBy(() -> TemplateSelectionLimits.parseSetting("scanMaxFiles", "99999999999", 5000, Integer.MAX_VALUE))
                .hasMessageStartingWith("scanMaxFiles: 99999999999 is more than the most allowed");
        assertThatThrownBy(() -> TemplateSelectionLimits.parseSetting("scanMaxFileBytes", "unlimited", 5, 10))
                .hasMessageContaining("scanMaxFileBytes");
    }

    private static SelectedFile file(String name, long bytes) {
        return new SelectedFile(name, bytes);
    }
}
