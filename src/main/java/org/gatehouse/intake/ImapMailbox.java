package org.gatehouse.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

import org.gatehouse.channels.MailProperties;
import org.springframework.stereotype.Component;

/**
 * The company mailbox, read over IMAP. A message is marked \Seen only once the caller has stored it, so a crash in
 * between loses nothing: the next {@link #fetch} hands it over again (at least once, never lost).
 */
@Component
public class ImapMailbox {

    // a server that stops answering must not hold the poller forever
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MailProperties properties;

    public ImapMailbox(MailProperties properties) {
        this.properties = properties;
    }

    /**
     * Hands the raw bytes of every unseen message to {@code store}, and marks the message \Seen when {@code store}
     * returns true. An exception from {@code store} ends the fetch and is thrown as it is; the message stays unseen.
     *
     * @return how many messages were handed over
     * @throws MailboxUnavailableException when the server cannot be reached or read
     */
    public int fetch(Function<byte[], Boolean> store) {
        MailProperties.Imap imap = properties.imap();
        String protocol = imap.ssl() ? "imaps" : "imap";
        Session session = Session.getInstance(sessionProperties(protocol));
        int handedOver = 0;
        try (Store mailbox = session.getStore(protocol)) {
            mailbox.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = mailbox.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    byte[] raw;
                    try {
                        raw = raw(message);
                    } catch (MessageRemovedException e) {
                        // expunged by another client meanwhile: nothing left to take
                        continue;
                    }
                    handedOver++;
                    if (Boolean.TRUE.equals(store.apply(raw))) {
                        message.setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new MailboxUnavailableException("Mailbox " + imap.username() + " at " + imap.host() + ":" + imap.port()
                    + " cannot be read: " + e.getMessage(), e);
        }
        return handedOver;
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        var bytes = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    private static Properties sessionProperties(String protocol) {
        Properties session = new Properties();
        String timeout = String.valueOf(TIMEOUT.toMillis());
        session.put("mail." + protocol + ".connectiontimeout", timeout);
        session.put("mail." + protocol + ".timeout", timeout);
        session.put("mail." + protocol + ".writetimeout", timeout);
        // a whole message in one fetch: 16 KB pieces cost a round trip each (and some servers rebuild the message
        // for every piece); the message is read whole anyway, to be stored as it came
        session.put("mail." + protocol + ".partialfetch", "false");
        // reading a message must not mark it \Seen: only a stored one is
        session.put("mail." + protocol + ".peek", "true");
        session.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        return session;
    }
}
