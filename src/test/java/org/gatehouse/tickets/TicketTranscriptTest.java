package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.tickets.TicketConversation.TRANSCRIPT_LENGTH;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the handling form shows of a conversation: the newest messages that fit in an engine variable. */
class TicketTranscriptTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 30, 10, 0, 0, 123_000_000);
    /** What an entry starts with when "Ann" wrote it at {@link #AT}. */
    private static final String ANN = "2026-11-30T10:00 Ann:\n";

    private static TicketMessage message(TicketMessage.Kind kind, String author, String authorName, String body) {
        return new TicketMessage(0, 7, kind, author, authorName, body, "API", null, null, AT);
    }

    private static TicketMessage fromAnn(String body) {
        return message(TicketMessage.Kind.ANSWER, "ann", "Ann", body);
    }

    @Test
    void aShortConversationIsShownWholeOldestFirstWithTheNotesMarked() {
        String shown = TicketConversation.transcript(7, List.of(
                message(TicketMessage.Kind.REQUEST, "ann", "Ann", "My screen flickers"),
                message(TicketMessage.Kind.NOTE, "ivy", null, "Known issue"),
                message(TicketMessage.Kind.REPLY, "ivy", "Ivy Expert", "Which model?")));
        assertThat(shown).isEqualTo(ANN + "My screen flickers\n\n"
                + "2026-11-30T10:00 ivy (internal note):\nKnown issue\n\n"
                + "2026-11-30T10:00 Ivy Expert:\nWhich model?");
    }

    @Test
    void aLongConversationShowsItsNewestMessagesAndSaysHowManyEarlierOnesAreLeftOut() {
        List<TicketMessage> messages = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            messages.add(fromAnn("Message " + i + " " + "x".repeat(500)));
        }
        String shown = TicketConversation.transcript(7, messages);
        assertThat(shown).startsWith("(23 earlier messages: GET /api/tickets/7)\n\n" + ANN + "Message 24 ")
                .endsWith("Message 30 " + "x".repeat(500)).doesNotContain("Message 23 ");
        assertThat(shown.length()).as("an engine variable").isLessThan(TicketProcess.MAX_STRING);
    }

    @Test
    void aMessageTooLongForTheRoomLeftShowsItsBeginning() {
        String longest = "y".repeat(TRANSCRIPT_LENGTH);
        assertThat(TicketConversation.transcript(7, List.of(fromAnn(longest))))
                .isEqualTo((ANN + longest).substring(0, TRANSCRIPT_LENGTH) + " [...]");

        String newest = "z".repeat(TRANSCRIPT_LENGTH - 1000 - ANN.length());
        assertThat(TicketConversation.transcript(7, List.of(fromAnn(longest), fromAnn(newest))))
                .as("the room that the newest message leaves").isEqualTo((ANN + longest).substring(0, 998) + " [...]\n\n"
                        + ANN + newest);
    }

    @Test
    void noRoomToSaySomethingLeavesTheMessageOut() {
        String older = "y".repeat(300);
        String newest = "z".repeat(TRANSCRIPT_LENGTH - 150 - ANN.length());
        assertThat(TicketConversation.transcript(7, List.of(fromAnn(older), fromAnn(newest))))
                .isEqualTo("(1 earlier messages: GET /api/tickets/7)\n\n" + ANN + newest);
    }
}
