package org.gatehouse.directory;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gatehouse.directory.ImportFile.Row;

/**
 * A Microsoft Teams member export, CSV, as the Teams admin centre, {@code Get-TeamUser} or a Microsoft Graph user
 * listing give it. Columns are matched without regard to case, spaces, '_' or '-', and columns Gatehouse has no use
 * for are ignored (such exports carry many):
 * <ul>
 * <li>{@code Id} / {@code User Id} / {@code Object Id}: the member's Entra (Azure AD) object id; required;</li>
 * <li>{@code Mail} / {@code Email} and {@code User Principal Name} / {@code UPN} / {@code User}: one of them required;
 * a guest's UPN ({@code gina_globex.example#EXT#@acme.onmicrosoft.com}) stands for {@code gina@globex.example};</li>
 * <li>{@code User Type} ({@code Member} / {@code Guest}) or {@code Role} ({@code Owner} / {@code Member} /
 * {@code Guest}): one of them required;</li>
 * <li>{@code Display Name} / {@code Name}, {@code Given Name} / {@code First Name}, {@code Surname} /
 * {@code Last Name}, {@code Job Title} / {@code Title}, {@code Tenant Id}, {@code Account Enabled}: optional.</li>
 * </ul>
 * Guests are outside contacts, and so are members of another tenant than the one most members belong to. A disabled
 * account ({@code Account Enabled} false) is skipped, as Slack's deleted ones are.
 */
final class TeamsExport {

    private static final ImportFile.Columns COLUMNS = new ImportFile.Columns(Map.ofEntries(
            Map.entry("id", "id"), Map.entry("userid", "id"), Map.entry("objectid", "id"),
            Map.entry("mail", "mail"), Map.entry("email", "mail"), Map.entry("emailaddress", "mail"),
            Map.entry("userprincipalname", "upn"), Map.entry("upn", "upn"), Map.entry("user", "upn"),
            Map.entry("usertype", "userType"), Map.entry("role", "role"), Map.entry("roles", "role"),
            Map.entry("displayname", "displayName"), Map.entry("name", "displayName"),
            Map.entry("givenname", "firstName"), Map.entry("firstname", "firstName"),
            Map.entry("surname", "lastName"), Map.entry("lastname", "lastName"),
            Map.entry("jobtitle", "position"), Map.entry("title", "position"),
            Map.entry("tenantid", "tenantId"), Map.entry("accountenabled", "accountEnabled")),
            Set.of("id"), true, "id, mail, user principal name, user type, role, display name, given name, surname, "
                    + "job title, tenant id, account enabled");

    private static final String GUEST_MARK = "#EXT#";

    private TeamsExport() {
    }

    static List<ChatContact> read(InputStream in) throws ImportFile.Refused {
        List<Row> rows = ImportFile.readCsv(in, COLUMNS);
        Set<String> columns = rows.get(0).values().keySet();
        if (!columns.contains("mail") && !columns.contains("upn")) {
            throw new ImportFile.Refused(1, "Missing columns: mail or user principal name");
        }
        if (!columns.contains("userType") && !columns.contains("role")) {
            throw new ImportFile.Refused(1, "Missing columns: user type or role (which says who is a guest)");
        }
        String tenant = ChatContact.home(rows.stream().filter(r -> !skipped(r) && !guest(r)).toList(), r -> r.get("tenantId"));
        return rows.stream().map(row -> {
            if (skipped(row)) {
                return ChatContact.skipped(row.line(), row.get("id"));
            }
            String rowTenant = row.get("tenantId");
            boolean outside = guest(row) || (tenant != null && rowTenant != null && !rowTenant.equalsIgnoreCase(tenant));
            return ChatContact.of(row.line(), row.get("id"), email(row), row.get("firstName"), row.get("lastName"),
                    List.of(), row.get("displayName"), row.get("position"), null, outside);
        }).toList();
    }

    private static boolean skipped(Row row) {
        return "false".equalsIgnoreCase(row.get("accountEnabled"));
    }

    private static boolean guest(Row row) {
        String upn = row.get("upn");
        return "guest".equalsIgnoreCase(row.get("userType"))
                || (row.get("role") != null && row.get("role").toLowerCase(Locale.ROOT).contains("guest"))
                || (upn != null && upn.toUpperCase(Locale.ROOT).contains(GUEST_MARK));
    }

    /** The mail address; else the UPN, a guest's turned back into the address it was made from. */
    private static String email(Row row) {
        if (row.get("mail") != null) {
            return row.get("mail");
        }
        String upn = row.get("upn");
        if (upn == null) {
            return null;
        }
        int mark = upn.toUpperCase(Locale.ROOT).indexOf(GUEST_MARK);
        if (mark < 0) {
            return upn;
        }
        String local = upn.substring(0, mark);
        int at = local.lastIndexOf('_');
        return at < 0 ? local : local.substring(0, at) + "@" + local.substring(at + 1);
    }
}
