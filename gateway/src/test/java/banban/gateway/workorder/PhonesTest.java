package banban.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhonesTest {

  @Test
  @DisplayName("A mobile or landline number is found in free text, with spaces and dashes; longer digit runs are not phones")
  void find() {
    assertThat(Phones.find("我的电话是13812341234，谢谢")).contains("13812341234");
    assertThat(Phones.find("138 1234 1234")).contains("13812341234");
    assertThat(Phones.find("座机 0531-88886666")).contains("053188886666");
    assertThat(Phones.find("身份证370102199001011234")).isEmpty();
    assertThat(Phones.find("12345")).isEmpty();
    assertThat(Phones.find(null)).isEmpty();
  }

  @Test
  @DisplayName("Masking keeps the first three and last four digits: 138****1234")
  void mask() {
    assertThat(Phones.mask("13812341234")).isEqualTo("138****1234");
    assertThat(Phones.mask("053188886666")).isEqualTo("053*****6666");
    assertThat(Phones.mask(null)).isNull();
    assertThat(Phones.maskAll("电话13812341234，座机0531-88886666")).isEqualTo("电话138****1234，座机053*****6666");
  }

  @Test
  @DisplayName("Encryption is randomised, decrypts with the same key and fails loudly with another key")
  void encryption() {
    Phones a = new Phones("district-key");
    String one = a.encrypt("13812341234");
    String two = a.encrypt("13812341234");
    assertThat(one).isNotEqualTo(two).doesNotContain("1381234");
    assertThat(a.decrypt(one)).isEqualTo("13812341234");
    assertThatThrownBy(() -> new Phones("another-key").decrypt(one)).isInstanceOf(IllegalStateException.class);
  }
}
