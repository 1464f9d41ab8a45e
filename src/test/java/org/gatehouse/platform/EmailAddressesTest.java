package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void oneAddressHasOneKeptForm() {
        assertThat(EmailAddresses.normalise("  Gina.Globex@Globex.EXAMPLE\t")).isEqualTo("gina.globex@globex.example");
        assertThat(EmailAddresses.normalise("İnci@acme.example")).as("no locale's own lower case")
                .isEqualTo("i̇nci@acme.example");
        assertThat(EmailAddresses.normalise(null)).isNull();
    }
}
