package banban.kb.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SemanticTest {

  private static double cos(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  @Test
  @DisplayName("The model puts a paraphrase closer than a question about something else, with unit vectors")
  void paraphrasesAreClose() {
    Embedder e = BgeSmallZh.shared();
    float[] lost = e.embed("身份证丢了怎么补办");
    float[] paraphrase = e.embed("居民身份证遗失了去哪里补领");
    float[] other = e.embed("住房公积金怎么提取");
    assertThat(lost).hasSize(512);
    assertThat(cos(lost, lost)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(cos(lost, paraphrase)).isGreaterThan(cos(lost, other) + 0.1);
    assertThat(e.embed("   ")).isEmpty();
  }

  @Test
  @DisplayName("Quantised vectors keep dot products within 0.005 and an empty vector matches nothing")
  void quantisation() {
    Random r = new Random(7);
    for (int n = 0; n < 200; n++) {
      float[] a = unit(r, 512);
      float[] b = unit(r, 512);
      assertThat(Vector.of(a).dot(b)).isCloseTo(cos(a, b), org.assertj.core.data.Offset.offset(0.005));
    }
    assertThat(Vector.of(new float[512]).dot(unit(r, 512))).isZero();
    assertThat(Vector.of(unit(r, 512)).dot(new float[0])).isZero();
  }

  @Test
  @DisplayName("A text is embedded once and its vector shared; past capacity vectors are computed but not kept")
  void cachesByText() {
    CountingEmbedder counting = new CountingEmbedder();
    AtomicInteger calls = counting.calls;
    TextVectors v = new TextVectors(counting, 2);
    v.prefetch(List.of("甲", "乙乙", "甲"));
    assertThat(calls).hasValue(2);
    assertThat(v.of("甲")).isSameAs(v.of("甲"));
    assertThat(calls).hasValue(2);
    v.of("丙丙丙");
    v.of("丙丙丙");
    assertThat(calls).hasValue(4);
    assertThat(v.size()).isEqualTo(2);
  }

  private static float[] unit(Random r, int n) {
    float[] v = new float[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
      s += v[i] * v[i];
    }
    for (int i = 0; i < n; i++) v[i] /= (float) Math.sqrt(s);
    return v;
  }
}
