package org.gatehouse.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.gatehouse.intake.MailFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The mail settings are required while mail is on, and only then. */
class MailPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** What the postgres profile binds when no mail variable is set. */
    private static MailProperties unset(boolean enabled) {
        return new MailProperties(enabled, null, "", "", List.of(), DataSize.ofMegabytes(10), DataSize.ofMegabytes(5),
                new MailProperties.Imap("", 993, "", "", true, "INBOX", Duration.ofMinutes(1)),
                new MailProperties.Smtp("", 587, "", ""));
    }

    @Test
    void mailOffNeedsNoMailSettings() {
        assertThat(VALIDATOR.validate(unset(false))).isEmpty();
    }

    @Test
    void mailOnNamesEveryMissingSetting() {
        assertThat(VALIDATOR.validate(unset(true))).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("address", "companyDomains", "imap.host", "imap.username", "imap.password",
                        "smtp.host");
    }

    @Test
    void sendingFollowsTheServerUnlessTheSwitchSays() {
        assertThat(unset(false).sends()).as("no server, no switch").isFalse();
        var server = new MailProperties.Smtp("smtp.acme.example", 587, "", "");
        assertThat(withSend(null, server).sends()).as("a server and no switch").isTrue();
        assertThat(withSend(false, server).sends()).as("GATEHOUSE_MAIL_SEND=false").isFalse();
        assertThat(withSend(true, new MailProperties.Smtp("", 587, "", "")).sends()).as("switched on").isTrue();
    }

    @Test
    void sendingNeedsTheAddressItsDomainsAndTheServerButNotTheMailbox() {
        assertThat(VALIDATOR.validate(withSend(true, new MailProperties.Smtp("", 587, "", ""))))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("address", "companyDomains", "smtp.host");
    }

    @Test
    void readingTheMailboxWithSendingSwitchedOffIsRefused() {
        var good = MailFixtures.properties();
        var readOnly = new MailProperties(true, false, good.address(), good.displayName(), good.companyDomains(),
                good.maxMessageSize(), good.maxAttachmentSize(), good.imap(), good.smtp());
        assertThat(VALIDATOR.validate(readOnly)).extracting(v -> v.getPropertyPath().toString()).containsExactly("send");
    }

    private static MailProperties withSend(Boolean send, MailProperties.Smtp smtp) {
        var off = unset(false);
        return new MailProperties(false, send, off.address(), off.displayName(), off.companyDomains(),
                off.maxMessageSize(), off.maxAttachmentSize(), off.imap(), smtp);
    }

    @Test
    void mailOnWithEverySettingIsValid() {
        assertThat(VALIDATOR.validate(MailFixtures.properties())).isEmpty();
    }

    @Test
    void theUnconditionalRulesHoldWithMailOff() {
        var off = unset(false);
        var badPort = new MailProperties(false, null, off.address(), off.displayName(), List.of(" "), off.maxMessageSize(),
                off.maxAttachmentSize(), off.imap(), new MailProperties.Smtp("", 0, "", ""));
        assertThat(VALIDATOR.validate(badPort)).extracting(ConstraintViolation::getPropertyPath)
                .map(Object::toString).containsExactlyInAnyOrder("companyDomains[0].<list element>", "smtp.port");
    }
}
