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
    private static ServerSetup[] ports;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = start(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
            ports = new ServerSetup[] {new ServerSetup(server.getSmtp().getPort(), null, ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(server.getImap().getPort(), null, ServerSetup.PROTOCOL_IMAP)};
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    /** The mail server goes down, as an outage would take it: whatever it received is gone with it. */
    public static synchronized void stop() {
        server().stop();
    }

    /** The server comes back on the same ports, so Gatehouse's settings still name it. */
    public static synchronized void restart() {
        server = start(ports);
    }

    private static GreenMail start(ServerSetup[] setup) {
        GreenMail mail = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser(COMPANY_ADDRESS, COMPANY_ADDRESS, COMPANY_PASSWORD));
        mail.start();
        return mail;
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
                "gatehouse.mail.send=true",
                "gatehouse.mail.address=" + COMPANY_ADDRESS,
                "gatehouse.mail.company-domains=acme.example",
                "gatehouse.mail.imap.host=localhost",
                "gatehouse.mail.imap.port=" + mail.getImap().getPort(),
                "gatehouse.mail.imap.ssl=false",
                "gatehouse.mail.imap.username=" + COMPANY_ADDRESS,
                "gatehouse.mail.imap.password=" + COMPANY_PASSWORD).applyTo(context);
    }
}
