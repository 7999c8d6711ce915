package banban.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-written paraphrases, two per category, written for this test (not taken from the evaluation
 * sets): the expected entry must be among the three best candidates.
 */
class RetrievalTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("A paraphrased question finds its entry among the top three candidates")
  @CsvSource({
      "想开一家卖早点的个体小店，执照要怎么申请, biz-001",
      "电子版的营业执照从哪里下载, biz-005",
      "年度个税汇算要在哪个软件上操作, tax-001",
      "赡养老人的个税扣除在哪里填, tax-002",
      "怎样打印我的社保参保证明, si-001",
      "外省交的养老保险关系怎样转到济南, si-002",
      "城乡居民医保每年几月份缴费, med-001",
      "高血压能办门诊慢特病吗，怎么认定, med-005",
      "租房的人能不能提公积金, hpf-001",
      "退休以后公积金账户怎么销户取钱, hpf-005",
      "创业担保贷款怎么申请，有没有贴息, job-001",
      "自己创业能领一次性补贴吗, job-002",
      "新生儿出生以后怎么办户口, hukou-001",
      "父母投靠子女落户需要什么条件, hukou-005",
      "外地人在这边办居住证要什么材料, id-001",
      "居住证每年的签注在哪里办, id-002",
      "二手房买卖过户需要哪些材料, estate-001",
      "房贷还完了抵押怎么解除, estate-005",
      "办结婚证要准备什么证件, family-001",
      "离婚后想复婚怎么登记, family-005",
      "小孩上一年级在哪里报名, edu-001",
      "怎么查房子划在哪个学区, edu-005",
      "驾照到期了去哪换新的, traffic-001",
      "驾驶证丢失了怎么补领, traffic-002",
      "八十岁老人的高龄津贴怎么领, civil-001",
      "家里困难想申请最低生活保障, civil-002",
      "暖气不热找谁报修, util-001",
      "采暖费在哪里缴纳, util-002",
      "老旧小区改造怎么申请, city-001",
      "小区物业不作为去哪里投诉, city-002",
      "政务服务中心办事可以网上预约吗, svc-005",
      "线上帮办中心能帮忙办哪些事, svc-001"
  })
  void findsEntry(String query, String expected) {
    List<Candidate> candidates = SeedKb.kb().candidates(query);
    assertThat(candidates.stream().limit(3).map(c -> c.entry().id())).contains(expected);
  }
}
