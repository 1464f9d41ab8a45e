package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How the readers of chat exports tell the host's own members from outside contacts, without the application. */
class ChatExportsTest {

    @Test
    void slackMembersOfAnotherTeamAreOutsideEvenWithoutAFlag() throws Exception {
        List<ChatContact> contacts = SlackExport.read(file("""
                {"ok": true, "members": [
                  {"id": "U1", "team_id": "T2", "profile": {"email": "a@acme.example", "real_name": "Ann"}},
                  {"id": "U2", "team_id": "T2", "profile": {"email": "b@acme.example", "first_name": "Bo", "last_name": "Berg"}},
                  {"id": "U3", "team_id": "T9", "profile": {"email": "c@partner.example", "real_name": "Cy Other"}},
                  {"id": "U4", "team_id": "T9", "is_stranger": true, "profile": {"email": "d@partner.example"}},
                  {"id": "U5", "team_id": "T9", "is_ultra_restricted": true, "profile": {"email": "e@partner.example"}},
                  {"id": "B1", "team_id": "T9", "is_workflow_bot": true},
                  {"id": "U6", "team_id": "T9", "is_bot": true}
                ]}"""));
        assertThat(contacts).extracting(ChatContact::id, ChatContact::outside, ChatContact::skipped).containsExactly(
                tuple("U1", false, false), tuple("U2", false, false), tuple("U3", true, false), tuple("U4", true, false),
                tuple("U5", true, false), tuple("B1", false, true), tuple("U6", false, true));
        assertThat(contacts.get(0)).extracting(ChatContact::firstName, ChatContact::lastName).containsExactly("Ann", "");
        assertThat(contacts.get(3).firstName()).as("no name at all: nothing to import it under").isNull();
    }

    @Test
    void teamsMembersOfAnotherTenantAreOutsideAndTheRoleColumnMarksGuests() throws Exception {
        List<ChatContact> contacts = TeamsExport.read(file("""
                UserId,User,Name,Role,TenantId
                a1,ann@acme.example,Ann Acme,Owner,t-acme
                b2,bo@acme.example,Bo Acme,Member,t-acme
                c3,cy@partner.example,Cy Partner,Member,t-partner
                d4,dee_partner.example#EXT#@acme.onmicrosoft.com,Dee Partner,Guest,t-acme
                """));
        assertThat(contacts).extracting(ChatContact::outside).containsExactly(false, false, true, true);
        assertThat(contacts.get(3).email()).isEqualTo("dee@partner.example");
        assertThat(contacts.get(2)).extracting(ChatContact::firstName, ChatContact::lastName).containsExactly("Cy", "Partner");
    }

    @Test
    void anExportThatIsNotOneIsRefusedWhole() {
        assertThatThrownBy(() -> SlackExport.read(file("{\"members\": {}}"))).isInstanceOf(ImportFile.Refused.class)
                .hasMessageContaining("users.list");
        assertThatThrownBy(() -> SlackExport.read(file("{\"ok\": true, \"members\": [1]}"))).isInstanceOf(ImportFile.Refused.class)
                .hasMessageContaining("Member 1 is not an object");
        assertThatThrownBy(() -> TeamsExport.read(file("Id,User Type\n1,Member\n"))).isInstanceOf(ImportFile.Refused.class)
                .hasMessageContaining("mail or user principal name");
    }

    private static InputStream file(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
