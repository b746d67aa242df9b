package dev.candor.commerce.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangesTest {

    @Test
    void onlyChangedFieldsAreReportedWithBeforeAndAfter() {
        Store before = new Store("s-1", "Old name");
        Store after = new Store("s-1", "New name");

        assertThat(Changes.between(before, after)).contains(Map.of(
                "before", Map.of("name", "Old name"),
                "after", Map.of("name", "New name")));
        assertThat(Changes.between(before, new Store("s-1", "Old name"))).isEmpty();
    }

    @Test
    void buyerChangesAreDetectedOnFullDetailsButReportedMasked() {
        Buyer before = new Buyer("b-1", "张三", "13812345678", "浙江省杭州市西湖区文三路1号", null);
        Buyer after = new Buyer("b-1", "张三", "13899995678", "浙江省杭州市西湖区文三路1号", null);

        assertThat(Changes.between(before, after)).contains(Map.of(
                "before", Map.of("phone", "138****5678"),
                "after", Map.of("phone", "138****5678")));
    }
}
