package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gatehouse.Api;
import org.gatehouse.HttpTest;
import org.gatehouse.ProcessDriver;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.approvals.ApprovalService;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.platform.InstallationKey;
import org.gatehouse.platform.ResultPage;
import org.gatehouse.teams.TeamFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditors' export over HTTP (issue 14): a range's entries oldest first, as JSON Lines and CSV, chained and signed
 * with the installation's key; {@code --verify-export} finds a file intact, and broken at the right line once a byte
 * changes, a line goes missing or moves, or the signature is not the installation's. Only auditors and admins export,
 * and each export is recorded.
 */
class AuditExportTest extends HttpTest {

    @Autowired ExpertFixtures experts;
    @Autowired ApprovalService approvals;
    @Autowired AuditSearch search;
    @Autowired ExportVerifyCommand command;
    @Autowired InstallationKey key;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;

    @TempDir Path dir;

    @Test
    void anExportListsTheRangeOldestFirstChainedAndSignedAndVerifiesInBothFormats() {
        String expert = history();
        String range = "from=2032-05-01&to=2032-05-03&actor=" + expert;

        ResponseEntity<byte[]> jsonl = export("aude", range + "&format=jsonl");
        assertThat(jsonl.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jsonl.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/x-ndjson"));
        assertThat(jsonl.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(jsonl.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("gatehouse-audit-20320501T000000Z-20320504T000000Z.jsonl");
        List<JsonNode> lines = jsonLines(jsonl.getBody());
        JsonNode header = lines.get(0);
        assertThat(header.get("type").asText()).isEqualTo("header");
        assertThat(header.get("from").asText()).isEqualTo("2032-05-01T00:00:00.000000Z");
        assertThat(header.get("to").asText()).as("to includes its day").isEqualTo("2032-05-04T00:00:00.000000Z");
        assertThat(header.get("actor").asText()).isEqualTo(expert);
        assertThat(header.get("generatedBy").asText()).isEqualTo("aude");
        assertThat(header.get("keyFingerprint").asText()).isEqualTo(key.fingerprint());
        assertThat(header.get("installation").asText()).isNotBlank();

        List<JsonNode> entries = lines.subList(1, lines.size() - 1);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).get("seq").asLong()).isEqualTo(i + 1);
        }
        assertThat(entries.stream().map(e -> e.get("at").asText()).toList()).as("oldest first").isSorted();
        List<List<String>> found = new ArrayList<>();
        search.search(expert, null, null, "2032-05-01", "2032-05-03", 0, ResultPage.MAX_SIZE).entries()
                .forEach(entry -> found.add(0, ExportChain.fields(entry)));
        List<JsonNode> listed = entries.stream().filter(e -> !fromTrail(e)).toList();
        assertThat(listed).as("what the search finds, in its order").hasSize(found.size()).hasSizeGreaterThan(3);
        for (int i = 0; i < listed.size(); i++) {
            for (int field = 0; field < ExportChain.FIELDS.size(); field++) {
                String name = ExportChain.FIELDS.get(field);
                assertThat(listed.get(i).get(name).asText(null)).as(name + " of entry " + (i + 1))
                        .isEqualTo(found.get(i).get(field));
            }
        }
        assertThat(entries).as("beside it, the approvals' trails, as the filter asks").filteredOn(AuditExportTest::fromTrail)
                .allSatisfy(e -> assertThat(e.get("trail").asText()).startsWith("/api/audit/approvals/"))
                .allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo(expert));
        assertThat(entries.stream().map(e -> e.get("kind").asText()).toList()).contains("approval", "teams");
        JsonNode trailer = lines.get(lines.size() - 1);
        assertThat(trailer.get("type").asText()).isEqualTo("signature");
        assertThat(trailer.get("count").asLong()).isEqualTo(entries.size());
        assertThat(trailer.get("lastHash").asText()).isEqualTo(entries.get(entries.size() - 1).get("hash").asText());
        assertIntact(jsonl.getBody(), "export.jsonl", entries.size());

        ResponseEntity<byte[]> csv = export("admin", range + "&format=csv");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("# {\"type\":\"header\"").contains("\nseq,at,actor,kind,what,subject,trail,detail,hash\n");
        assertIntact(csv.getBody(), "export.csv", entries.size());
        assertThat(text).as("the same entries hash the same in either format")
                .contains("\"lastHash\":\"" + trailer.get("lastHash").asText() + "\"");

        // an earlier, shorter export from the same start: the later one holds it unchanged, until history is rewritten
        byte[] earlier = export("aude", "from=2032-05-01&to=2032-05-02&actor=" + expert).getBody();
        List<JsonNode> earlierLines = jsonLines(earlier);
        JsonNode earlierTrailer = earlierLines.get(earlierLines.size() - 1);
        int count = earlierTrailer.get("count").asInt();
        assertThat(count).isBetween(1, entries.size() - 1);
        assertThat(entries.get(count - 1).get("hash").asText()).isEqualTo(earlierTrailer.get("lastHash").asText());
        Path earlierFile = write("earlier.jsonl", earlier);
        Path laterFile = write("later.jsonl", jsonl.getBody());
        assertThat(verify(List.of(earlierFile, laterFile), 0)).contains("HOLDS " + laterFile + " holds " + earlierFile
                + " unchanged: its first " + count + " entries");

        JsonNode requested = entries.get(0);
        assertThat(requested.get("what").asText()).isEqualTo("REQUESTED");
        jdbc.sql("update approval set approver = ? where id = ?").params(experts.newEmployee(),
                requested.get("subject").asText()).update();
        Path rewritten = write("rewritten.jsonl", export("aude", range + "&format=jsonl").getBody());
        assertThat(verify(List.of(earlierFile, rewritten), 1)).as("each file is intact, but not the same history")
                .contains("INTACT " + rewritten).contains("REWRITTEN " + rewritten + " does not hold " + earlierFile);
    }

    @Test
    void anExportHoldsTheTrailsOfTheRequestsInItsRangeWithTheirDecisionsAndWhoTookThem() {
        at(LocalDateTime.of(2033, 6, 1, 9, 0));
        String partner = fixtures.newPartner();
        AccessRequestView request = fixtures.submit("alice", partner, LocalDate.of(2034, 6, 30));
        ProcessInstance instance = fixtures.instance(request);
        driver.runJobs(instance.getId());
        String range = "from=2033-06-01&to=2033-06-01&partner=" + partner;
        Path waiting = write("waiting.jsonl", export("aude", range).getBody());
        at(LocalDateTime.of(2033, 6, 1, 10, 0));
        ProcessInstance nda = fixtures.nda(instance);
        driver.complete(task(nda, "obtainNda"), "lena", Map.of("ndaSigned", true, "ndaSignedOn", "2033-06-01",
                "ndaExpiresOn", "2035-06-01", "ndaDocumentRef", "NDA-" + request.id()));
        driver.runJobs(instance.getId());
        at(LocalDateTime.of(2033, 6, 1, 11, 0));
        driver.complete(task(instance, "hostAdminApproval"), "bob", Map.of("approved", true, "comment", "Fine"));
        driver.runJobs(instance.getId());

        byte[] file = export("aude", range).getBody();
        List<JsonNode> lines = jsonLines(file);
        List<JsonNode> entries = lines.subList(1, lines.size() - 1);
        assertThat(entries).as("the partner's one request").isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("subject").asText()).isEqualTo(request.id()));
        assertThat(entries.stream().map(e -> e.get("at").asText()).toList()).isSorted();
        int submitted = AuditTrailTest.index(entries, e -> "SUBMITTED".equals(e.get("what").asText()) && !fromTrail(e));
        int decided = AuditTrailTest.index(entries, e -> fromTrail(e) && "decision".equals(trailDetail(e).get("entry").asText())
                && "nda-check".equals(trailDetail(e).get("details").get("decisionKey").asText()));
        assertThat(trailDetail(entries.get(decided)).get("details").get("outputs").get(0).get("value").asText())
                .isEqualTo("MISSING");
        int legal = AuditTrailTest.index(entries, e -> fromTrail(e) && "lena".equals(e.path("actor").asText())
                && "obtainNda".equals(trailDetail(e).get("details").path("taskDefinitionKey").asText()));
        int approved = AuditTrailTest.index(entries, e -> fromTrail(e) && "bob".equals(e.path("actor").asText())
                && "hostAdminApproval".equals(trailDetail(e).get("details").path("taskDefinitionKey").asText()));
        assertThat(entries.get(approved).get("what").asText()).endsWith("completed by bob");
        assertThat(entries.get(approved).get("trail").asText()).isEqualTo("/api/audit/access-requests/" + request.id());
        assertThat(List.of(submitted, decided, legal, approved)).isSorted();
        assertIntact(file, "request.jsonl", entries.size());
        assertThat(verify(List.of(waiting, dir.resolve("request.jsonl")), 0))
                .as("what the export said while the request waited for its NDA, the later one says unchanged")
                .contains("HOLDS " + dir.resolve("request.jsonl") + " holds " + waiting);
    }

    @Test
    void aSecondReminderIsAnEntryOfItsOwnSoALaterExportStillHoldsTheEarlier() throws IOException {
        String expert = experts.newExpert();
        at(LocalDateTime.of(2034, 7, 1, 10, 0));
        String approval = api.as(expert).post("/api/approvals", Map.of("approver", experts.newEmployee(),
                "subject", "Reminded twice")).getBody().get("id").asText();
        String instance = driver.instance(approval).getId();
        // as a model that reminds every two days would: the step's service, twice
        at(LocalDateTime.of(2034, 7, 3, 10, 0));
        approvals.remind(approval, instance);
        String range = "from=2034-07-01&to=2034-07-31&kind=approval";
        Path before = write("before.jsonl", export("aude", range).getBody());
        at(LocalDateTime.of(2034, 7, 5, 10, 0));
        approvals.remind(approval, instance);
        Path after = write("after.jsonl", export("aude", range).getBody());

        assertThat(verify(List.of(before, after), 0)).as("the first reminder is where the earlier export saw it")
                .contains("HOLDS " + after + " holds " + before);
        List<String> reminded = jsonLines(Files.readAllBytes(after)).stream()
                .filter(line -> "REMINDED".equals(line.path("what").asText())).map(line -> line.get("at").asText())
                .toList();
        assertThat(reminded).containsExactly("2034-07-03T10:00:00.000000Z", "2034-07-05T10:00:00.000000Z");
        assertThat(approvals.asRecorded(approval).remindedAt()).as("the approval names its last reminder")
                .isEqualTo(LocalDateTime.of(2034, 7, 5, 10, 0));
    }

    @Test
    void aChangedByteAMissingOrMovedLineOrAForgedSignatureFailsVerificationAtItsLine() {
        String expert = history();
        for (String format : List.of("jsonl", "csv")) {
            byte[] file = export("aude", "from=2032-05-01&to=2032-05-03&format=" + format + "&actor=" + expert).getBody();
            List<String> lines = List.of(new String(file, StandardCharsets.UTF_8).split("\n"));
            int first = format.equals("csv") ? 3 : 2;

            byte[] changed = file.clone();
            int at = new String(file, StandardCharsets.UTF_8).indexOf(lines.get(first - 1)) + 20;
            changed[at] ^= 0x01;
            assertBroken(changed, format, first, "");

            List<String> removed = new ArrayList<>(lines);
            removed.remove(first);
            assertBroken(lines(removed), format, first + 1, "missing, added or moved");

            List<String> moved = new ArrayList<>(lines);
            moved.set(first, lines.get(first + 1));
            moved.set(first + 1, lines.get(first));
            assertBroken(lines(moved), format, first + 1, "missing, added or moved");

            List<String> forged = new ArrayList<>(lines);
            String signature = forged.get(forged.size() - 1);
            int s = signature.indexOf("\"signature\":\"") + 13;
            forged.set(forged.size() - 1, signature.substring(0, s) + (signature.charAt(s) == 'A' ? 'B' : 'A')
                    + signature.substring(s + 1));
            assertBroken(lines(forged), format, lines.size(), "signature does not verify");
        }
    }

    @Test
    void aFileSignedWithAnotherKeyIsBrokenNamingThatKey() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance(InstallationKey.ALGORITHM).generateKeyPair();
        ExportHeader header = ExportHeader.of("jsonl", "somewhere-else", "2032-05-01T00:00:00.000000Z",
                "2032-05-02T00:00:00.000000Z", null, null, null, "2032-05-02T00:00:00.000000Z", "mallory", other.getPublic());
        Path file = dir.resolve("elsewhere.jsonl");
        try (Writer out = Files.newBufferedWriter(file)) {
            ExportWriter writer = new ExportWriter(ExportFormat.JSONL, header, message -> InstallationKey.sign(other.getPrivate(), message), out);
            writer.entry(ExportChain.fields(new SearchEntry(LocalDateTime.of(2032, 5, 1, 9, 0), "mallory", "roles",
                    "VERSION 1", "mallory", null, "{\"roles\":[\"camunda-admin\"]}")));
            writer.finish();
        }
        assertThat(verify(List.of(file), 1)).startsWith("BROKEN " + file + ": line 1: ")
                .contains("does not trust").contains(key.fingerprint())
                .contains(InstallationKey.fingerprint(other.getPublic()));
    }

    @Test
    void theExportReadsEveryLogPageAfterPageInOneOrder() {
        String expert = history();
        AuditQuery query = search.query(expert, null, null, "2032-05-01", "2032-05-03");
        List<SearchEntry> whole = new ArrayList<>();
        search.oldestFirst(query, AuditExport.PAGE).forEachRemaining(whole::add);
        List<SearchEntry> paged = new ArrayList<>();
        search.oldestFirst(query, 1).forEachRemaining(paged::add);
        assertThat(paged).as("a page of one entry at a time").isEqualTo(whole);
        List<SearchEntry> oldestFirst = new ArrayList<>(search.search(expert, null, null, "2032-05-01", "2032-05-03", 0,
                ResultPage.MAX_SIZE).entries());
        Collections.reverse(oldestFirst);
        assertThat(whole).as("the search's order, turned round").isEqualTo(oldestFirst);
    }

    @Test
    void onlyAuditorsAndAdminsExportAskingForARangeAndEachExportIsRecorded() {
        String range = "from=2032-05-01&to=2032-05-03";
        for (String other : new String[] {"alice", "bob", "lena", "paul", "hana"}) {
            assertThat(export(other, range).getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.exchange("/api/audit/export?" + range, HttpMethod.GET, null, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        Api aude = api.as("aude");
        assertProblem(aude.get("/api/audit/export?to=2032-05-03"), HttpStatus.BAD_REQUEST, "from");
        assertProblem(aude.get("/api/audit/export?from=2032-05-01"), HttpStatus.BAD_REQUEST, "to");
        assertProblem(aude.get("/api/audit/export?" + range + "&format=xml"), HttpStatus.BAD_REQUEST, "format");
        assertProblem(aude.get("/api/audit/export?" + range + "&kind=nope"), HttpStatus.BAD_REQUEST, "kind");
        assertProblem(aude.get("/api/audit/export?from=2032-05-03&to=2032-05-01"), HttpStatus.BAD_REQUEST, "to");

        assertThat(export("aude", range + "&kind=roles&format=csv").getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode read = aude.get("/api/audit?kind=audit-read&actor=aude&size=1").getBody().get("entries").get(0);
        assertThat(read.get("what").asText()).isEqualTo("EXPORT");
        assertThat(read.get("subject").asText()).isEqualTo(AuditReads.EXPORT);
        assertThat(read.get("detail").asText()).isEqualTo(range + "&kind=roles&format=csv");
    }

    // --- helpers

    /** A new expert's approvals on three days of May 2032 and a team between them; the expert's id. */
    private String history() {
        String expert = experts.newExpert();
        for (int day = 1; day <= 3; day++) {
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2032, 5, day, 10, 0).toInstant(ZoneOffset.UTC)));
            assertThat(api.as(expert).post("/api/approvals", Map.of("approver", experts.newEmployee(),
                    "subject", "Export " + day)).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            if (day == 2) {
                ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2032, 5, day, 12, 0).toInstant(ZoneOffset.UTC)));
                assertThat(api.as(expert).post("/api/teams", TeamFixtures.team("export-" + expert, "Exported",
                        List.of(expert))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            }
        }
        ProcessDriver.resetClock();
        return expert;
    }

    /** An entry of a record's trail, beside the search's: its detail is the trail entry's kind and details. */
    private static boolean fromTrail(JsonNode entry) {
        return entry.get("detail").asText("").startsWith("{\"entry\":");
    }

    private static JsonNode trailDetail(JsonNode entry) {
        return Api.json(entry.get("detail").asText());
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private static void at(LocalDateTime utc) {
        ClockUtil.setCurrentTime(Date.from(utc.toInstant(ZoneOffset.UTC)));
    }

    private ResponseEntity<byte[]> export(String user, String query) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.ALL));
        return rest.withBasicAuth(user, user).exchange("/api/audit/export?" + query, HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
    }

    private void assertIntact(byte[] file, String name, long count) {
        assertThat(verify(List.of(write(name, file)), 0)).startsWith("INTACT " + dir.resolve(name) + ": " + count
                + " entries").contains(key.fingerprint());
    }

    private void assertBroken(byte[] file, String format, int line, String reason) {
        assertThat(verify(List.of(write("broken." + format, file)), 1)).as(format)
                .startsWith("BROKEN " + dir.resolve("broken." + format) + ": line " + line + ": ").contains(reason);
    }

    /** What {@code --verify-export} prints for these files, after checking its exit code. */
    private String verify(List<Path> files, int code) {
        var out = new ByteArrayOutputStream();
        int exit = command.verify(files, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(code);
        return printed;
    }

    private Path write(String name, byte[] file) {
        try {
            return Files.write(dir.resolve(name), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] lines(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> jsonLines(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).lines().map(Api::json).toList();
    }
}
