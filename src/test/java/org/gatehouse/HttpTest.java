package org.gatehouse;

import org.gatehouse.access.AccessRequestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Base of the tests that go through Gatehouse's real HTTP endpoints, in the shared test context. */
@GatehouseTest
public abstract class HttpTest {

    @Autowired protected TestRestTemplate rest;
    @Autowired protected AccessRequestFixtures fixtures;

    protected Api api;
    protected ProcessDriver driver;

    @BeforeEach
    void connect() {
        api = new Api(rest);
        driver = fixtures.driver();
    }

    @AfterEach
    void resetClock() {
        ProcessDriver.resetClock();
    }
}
