package org.gatehouse;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(GatehouseApplication.class);

    @Test
    void modulesFormNoCycleAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }
}
