package io.kmarket.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The start-up form of the chaos knobs (KMARKET_SANDBOX_CHAOS_<SOURCE>). */
class ChaosSettingsTest {

    @Test
    void parsesEveryKnob() {
        assertThat(ChaosSettings.parse("latency=200ms, jitter=50ms,error=0.05,timeout=0.01,truncate=0.02,malformed=0.03,429=0.04"))
                .isEqualTo(new ChaosSettings(200, 50, 0.05, 0.01, 0.02, 0.03, 0.04));
        assertThat(ChaosSettings.parse("")).isEqualTo(ChaosSettings.NONE);
        assertThat(ChaosSettings.parse("error=1")).isEqualTo(new ChaosSettings(0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void rejectsUnknownKnobsAndImpossibleValues() {
        assertThatThrownBy(() -> ChaosSettings.parse("lag=5")).hasMessageContaining("unknown chaos knob 'lag'");
        assertThatThrownBy(() -> ChaosSettings.parse("error=1.5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ChaosSettings.parse("latency")).hasMessageContaining("not name=value");
        assertThatThrownBy(() -> ChaosSettings.parse("latency=-5ms")).hasMessageContaining("negative");
    }
}
