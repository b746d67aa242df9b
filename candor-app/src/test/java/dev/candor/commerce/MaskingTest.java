package dev.candor.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void namesKeepTheirFirstCharacterOnly() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("John Smith")).isEqualTo("J*********");
        assertThat(Masking.name("A")).isEqualTo("A*");
    }

    @Test
    void aNameStartingOutsideTheBasicPlaneKeepsItsWholeFirstCharacter() {
        assertThat(Masking.name("𠮷野家")).isEqualTo("𠮷**");
    }

    @Test
    void phonesKeepTheFirstThreeAndLastFourDigitsWhateverTheFormat() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("138-1234-5678")).isEqualTo("138****5678");
        assertThat(Masking.phone("138 1234 5678")).isEqualTo("138****5678");
        assertThat(Masking.phone("010-62345678")).isEqualTo("010****5678");
        assertThat(Masking.phone("+1 (415) 555-0134")).isEqualTo("141****0134");
    }

    @Test
    void chinaCountryCodesAreNotMistakenForTheNumber() {
        assertThat(Masking.phone("+86 138 1234 5678")).isEqualTo("138****5678");
        assertThat(Masking.phone("0086-13812345678")).isEqualTo("138****5678");
    }

    @Test
    void shortNumbersAreMaskedWhole() {
        assertThat(Masking.phone("12345")).isEqualTo("*****");
    }

    @Test
    void addressesKeepProvinceAndCityOnly() {
        assertThat(Masking.address("浙江省杭州市西湖区文三路100号")).isEqualTo("浙江省杭州市****");
        assertThat(Masking.address("北京")).isEqualTo("北****");
        assertThat(Masking.address("1 Main St")).isEqualTo("1 Ma****");
    }

    @Test
    void emailsKeepTheirFirstCharacterAndDomain() {
        assertThat(Masking.email("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("not-an-address")).isEqualTo("****");
    }

    @Test
    void absentDetailsStayAbsent() {
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.address(null)).isNull();
        assertThat(Masking.email(null)).isNull();
    }

    @Test
    void aMaskedContactKeepsItsIdAndMasksEverythingElse() {
        BuyerContact masked = new BuyerContact("b-1", "李小龙", "13912345678", "广东省深圳市南山区科技园").masked();
        assertThat(masked).isEqualTo(new BuyerContact("b-1", "李**", "139****5678", "广东省深圳市****"));
    }
}
