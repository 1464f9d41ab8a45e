package org.gatehouse;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real mail server in the test JVM (GreenMail, SMTP and IMAP on free ports), started before the shared context so
 * Gatehouse sends to it and reads the company mailbox from it, over the real protocols. Every address gets a mailbox
 * on first delivery; the company's own mailbox is an account with a password. The suite polls it itself.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String COMPANY_ADDRESS = "help@acme.example";
    public static final String COMPANY_PASSWORD = "demo";

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withUser(COMPANY_ADDRESS, COMPANY_ADDRESS,
                            COMPANY_PASSWORD));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        GreenMail mail = server();
        TestPropertyValues.of(
                "gatehouse.mail.smtp.host=localhost",
                "gatehouse.mail.smtp.port=" + mail.getSmtp().getPort(),
                "gatehouse.mail.smtp.username=",
                "gatehouse.mail.smtp.password=",
                "spring.mail.properties.mail.smtp.auth=false",
                "spring.mail.properties.mail.smtp.starttls.enable=false",
                "spring.mail.properties.mail.smtp.starttls.required=false",
                "gatehouse.mail.enabled=false",
                "gatehouse.mail.address=" + COMPANY_ADDRESS,
                "gatehouse.mail.company-domains=acme.example",
                "gatehouse.mail.imap.host=localhost",
                "gatehouse.mail.imap.port=" + mail.getImap().getPort(),
                "gatehouse.mail.imap.ssl=false",
                "gatehouse.mail.imap.username=" + COMPANY_ADDRESS,
                "gatehouse.mail.imap.password=" + COMPANY_PASSWORD).applyTo(context);
    }
}
