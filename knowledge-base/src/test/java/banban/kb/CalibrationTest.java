package banban.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static final FaqEntry A = FaqEntry.published("t-1", "测试", "区测试局", "社保卡怎么挂失？", List.of(), "打12333挂失。", List.of());
  private static final FaqEntry B = FaqEntry.published("t-2", "测试", "区测试局", "社保卡怎么补办？", List.of(), "到网点补办。", List.of());

  private static Candidate cand(FaqEntry e, double dice, double qSim, double aSim, double lexical, double score) {
    return new Candidate(e, 0.5, 0.5, dice, 0.5, 0.5, 0, 1, qSim, aSim, lexical, score, 0);
  }

  @Test
  @DisplayName("Each feature is the candidate's own value and its lead over the best other candidate")
  void features() {
    List<Candidate> ranked = List.of(cand(A, 0.4, 0.9, 0.7, 0.6, 0.8), cand(B, 0.3, 0.8, 0.75, 0.5, 0.6));
    double[] top = Calibration.features(ranked, 0);
    assertThat(top).hasSize(Calibration.FEATURES.size());
    assertThat(top[Calibration.FEATURES.indexOf("scoreGap")]).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(top[Calibration.FEATURES.indexOf("answerSimGap")]).isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-9));
    double[] alone = Calibration.features(List.of(ranked.get(0)), 0);
    assertThat(alone[Calibration.FEATURES.indexOf("scoreGap")]).isEqualTo(0.8);
  }

  @Test
  @DisplayName("A stronger, clearer lead gives a higher confidence; an exact question match is certain")
  void confidence() {
    Calibration c = Calibration.DEFAULT;
    List<Candidate> clear = List.of(cand(A, 0.6, 0.9, 0.8, 0.7, 0.8), cand(B, 0.2, 0.6, 0.4, 0.2, 0.3));
    List<Candidate> close = List.of(cand(A, 0.6, 0.9, 0.8, 0.7, 0.8), cand(B, 0.5, 0.88, 0.79, 0.65, 0.78));
    assertThat(c.confidence(clear, 0)).isGreaterThan(c.confidence(close, 0)).isBetween(0.0, 1.0);
    assertThat(c.confidence(List.of(cand(A, 1.0, 0.6, 0.2, 0.3, 0.3), cand(B, 0.5, 0.9, 0.9, 0.5, 0.5)), 0)).isEqualTo(1.0);
  }

  @Test
  @DisplayName("A calibration with the wrong number of weights is refused")
  void validates() {
    assertThatThrownBy(() -> new Calibration(0, new double[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15");
  }
}
