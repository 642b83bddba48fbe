package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StudyProductMatcherTest {
    private final StudyProductMatcher matcher = StudyProductMatcher.defaults();

    @Test
    void shouldMatchTheBlindedLabelInAnyCaseAfterLeadingBlanks() {
        assertThat(matcher.matches("STUDY PRODUCT 1")).isTrue();
        assertThat(matcher.matches("  study product")).isTrue();
        assertThat(matcher.matches("Study")).isTrue();
        assertThat(matcher.matches("\tSTUDYDRUG")).isTrue();
    }

    @Test
    void shouldNotMatchOtherDrugsShortLabelsOrNone() {
        assertThat(matcher.matches("NORADRENALINE")).isFalse();
        assertThat(matcher.matches("STUD")).isFalse();
        assertThat(matcher.matches("MY STUDY")).isFalse();
        assertThat(matcher.matches("   ")).isFalse();
        assertThat(matcher.matches("")).isFalse();
        assertThat(matcher.matches(null)).isFalse();
    }

    @Test
    void shouldUseAConfiguredPrefixWhateverItsCase() {
        StudyProductMatcher trial = new StudyProductMatcher("ucMsc");
        assertThat(trial.matches("UC-MSC")).isFalse();
        assertThat(trial.matches("UCMSC 100M cells")).isTrue();
    }
}
